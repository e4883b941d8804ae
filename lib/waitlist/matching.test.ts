import { describe, expect, it } from "vitest";
import { holdUntil, nextBatch, offerOrder, partOfDay, suits, type FreeTime, type WaitingEntry } from "./matching";

const TZ = "Australia/Sydney";
const entry = (over: Partial<WaitingEntry> = {}): WaitingEntry => ({
  id: "e1",
  serviceId: "physio",
  locationId: "chatswood",
  practitionerId: null,
  earliest: "2026-10-01",
  latest: "2026-10-10",
  partsOfDay: [],
  urgent: false,
  createdAt: new Date("2026-09-01T00:00:00Z"),
  ...over,
});
const time = (iso: string, over: Partial<FreeTime> = {}): FreeTime => ({
  serviceId: "physio",
  locationId: "chatswood",
  practitionerId: "amy",
  start: new Date(iso),
  timezone: TZ,
  ...over,
});

describe("parts of the day, in the location's zone", () => {
  it("splits at 12:00 and 17:00 local time on both sides of Sydney's October clock change", () => {
    // 2026-10-04 02:00 AEST became 03:00 AEDT: the same wall-clock times have different UTC instants either side
    for (const [iso, part] of [
      ["2026-10-02T11:59:00+10:00", "morning"],
      ["2026-10-02T12:00:00+10:00", "afternoon"],
      ["2026-10-02T16:59:00+10:00", "afternoon"],
      ["2026-10-02T17:00:00+10:00", "evening"],
      ["2026-10-05T11:59:00+11:00", "morning"],
      ["2026-10-05T12:00:00+11:00", "afternoon"],
      ["2026-10-05T17:00:00+11:00", "evening"],
    ] as const)
      expect([iso, partOfDay(new Date(iso), TZ)]).toEqual([iso, part]);
  });
  it("and across the April change back", () => {
    expect(partOfDay(new Date("2026-04-03T11:30:00+11:00"), TZ)).toBe("morning");
    expect(partOfDay(new Date("2026-04-06T11:30:00+10:00"), TZ)).toBe("morning");
    expect(partOfDay(new Date("2026-04-06T12:30:00+10:00"), TZ)).toBe("afternoon");
  });
  it("is read in the zone, not in UTC (a Perth evening is a UTC morning)", () => {
    expect(partOfDay(new Date("2026-10-05T17:30:00+08:00"), "Australia/Perth")).toBe("evening");
  });
});

describe("suits", () => {
  it("needs the same service and location, and the entry's practitioner unless it takes anyone", () => {
    const t = time("2026-10-05T09:00:00+11:00");
    expect(suits(entry(), t)).toBe(true);
    expect(suits(entry({ serviceId: "massage" }), t)).toBe(false);
    expect(suits(entry({ locationId: "bondi" }), t)).toBe(false);
    expect(suits(entry({ practitionerId: "amy" }), t)).toBe(true);
    expect(suits(entry({ practitionerId: "bob" }), t)).toBe(false);
  });
  it("counts dates in the location's zone, both ends included", () => {
    // 00:30 on 11 October in Sydney is still 10 October in UTC
    expect(suits(entry(), time("2026-10-11T00:30:00+11:00"))).toBe(false);
    expect(suits(entry(), time("2026-10-10T23:00:00+11:00"))).toBe(true);
    expect(suits(entry(), time("2026-10-01T00:00:00+10:00"))).toBe(true);
    expect(suits(entry(), time("2026-09-30T23:59:00+10:00"))).toBe(false);
  });
  it("keeps to the chosen parts of the day", () => {
    const e = entry({ partsOfDay: ["morning", "evening"] });
    expect(suits(e, time("2026-10-05T09:00:00+11:00"))).toBe(true);
    expect(suits(e, time("2026-10-05T13:00:00+11:00"))).toBe(false);
    expect(suits(e, time("2026-10-05T17:15:00+11:00"))).toBe(true);
  });
});

describe("ordering and batches", () => {
  const older = entry({ id: "a", createdAt: new Date("2026-09-01T00:00:00Z") });
  const newer = entry({ id: "b", createdAt: new Date("2026-09-02T00:00:00Z") });
  const urgent = entry({ id: "c", createdAt: new Date("2026-09-03T00:00:00Z"), urgent: true });
  const other = entry({ id: "d", createdAt: new Date("2026-08-01T00:00:00Z"), practitionerId: "bob" });
  it("puts urgent entries first, then the oldest", () => {
    expect([newer, older, urgent].sort(offerOrder).map((e) => e.id)).toEqual(["c", "a", "b"]);
  });
  it("offers a time to at most a batch of the entries it suits, skipping those offered it before", () => {
    const t = time("2026-10-05T09:00:00+11:00");
    expect(nextBatch([newer, older, urgent, other], t, 2).map((e) => e.id)).toEqual(["c", "a"]);
    expect(nextBatch([newer, older, urgent, other], t, 3, new Set(["c", "a"])).map((e) => e.id)).toEqual(["b"]);
    expect(nextBatch([other], t, 3)).toEqual([]);
  });
});

describe("hold times", () => {
  const now = new Date("2026-10-05T08:00:00+11:00");
  it("holds for the hold minutes when the time is far off", () => {
    expect(holdUntil(now, new Date("2026-10-06T09:00:00+11:00"), 120, 30)).toEqual(
      new Date("2026-10-05T08:30:00+11:00"),
    );
  });
  it("never past the start less its minimum notice", () => {
    expect(holdUntil(now, new Date("2026-10-05T10:15:00+11:00"), 120, 30)).toEqual(
      new Date("2026-10-05T08:15:00+11:00"),
    );
  });
  it("makes no offer inside minimum notice", () => {
    expect(holdUntil(now, new Date("2026-10-05T09:30:00+11:00"), 120, 30)).toBeNull();
    expect(holdUntil(now, new Date("2026-10-05T10:00:30+11:00"), 120, 30)).toBeNull();
  });
});
