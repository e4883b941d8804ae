import { afterEach, describe, expect, it } from "vitest";
import { makeDailyRoster, makeQuery, makeRoster, makeService, startsOf } from "./testing/slot-fixtures";
import { computeSlots, isSlotAvailable } from "./slots";

// Sydney leaves daylight time on the first Sunday of April (03:00 +11 -> 02:00 +10)
// and enters it on the first Sunday of October (02:00 +10 -> 03:00 +11).
const hour = makeService({ durationMinutes: 60, stepMinutes: 60, horizonDays: 1000 });
const nineOClock = makeDailyRoster({ start: "09:00", end: "10:00" });
const before2026 = new Date("2026-01-01T00:00:00Z");

function nineOClockAround(from: string, to: string): string[] {
  return computeSlots(makeQuery({ service: hour, rosters: nineOClock, from, to, now: before2026 })).map((s) =>
    s.start.toISOString(),
  );
}

describe("09:00 stays 09:00 on the wall clock across daylight-saving changes", () => {
  it("April 2026: +11 on Saturday, +10 from Sunday", () => {
    expect(nineOClockAround("2026-04-04", "2026-04-06")).toEqual([
      "2026-04-03T22:00:00.000Z",
      "2026-04-04T23:00:00.000Z",
      "2026-04-05T23:00:00.000Z",
    ]);
  });

  it("October 2026: +10 on Saturday, +11 from Sunday", () => {
    expect(nineOClockAround("2026-10-03", "2026-10-05")).toEqual([
      "2026-10-02T23:00:00.000Z",
      "2026-10-03T22:00:00.000Z",
      "2026-10-04T22:00:00.000Z",
    ]);
  });

  it("April 2027 (Sunday the 4th) and October 2027 (Sunday the 3rd)", () => {
    expect(nineOClockAround("2027-04-03", "2027-04-04")).toEqual([
      "2027-04-02T22:00:00.000Z",
      "2027-04-03T23:00:00.000Z",
    ]);
    expect(nineOClockAround("2027-10-02", "2027-10-03")).toEqual([
      "2027-10-01T23:00:00.000Z",
      "2027-10-02T22:00:00.000Z",
    ]);
  });

  it("shows the offset change in the API format", () => {
    const slots = computeSlots(
      makeQuery({ service: hour, rosters: nineOClock, from: "2026-10-03", to: "2026-10-04", now: before2026 }),
    );
    expect(startsOf(slots)).toEqual(["2026-10-03T09:00:00+10:00", "2026-10-04T09:00:00+11:00"]);
  });
});

describe("a roster entry spanning the change itself", () => {
  it("October: 01:00-04:00 holds only two real hours, and no start falls in the missing hour", () => {
    const rosters = [makeRoster({ weekday: 7, start: "01:00", end: "04:00" })];
    const service = makeService({ durationMinutes: 60, stepMinutes: 30 });
    const slots = computeSlots(makeQuery({ service, rosters, from: "2026-10-04", to: "2026-10-04", now: before2026 }));
    expect(startsOf(slots)).toEqual([
      "2026-10-04T01:00:00+10:00",
      "2026-10-04T01:30:00+10:00",
      "2026-10-04T03:00:00+11:00", // one real hour after 02:00 +10
    ]);
    expect(slots.at(-1)?.end).toEqual(new Date("2026-10-04T04:00:00+11:00"));
  });

  it("April: 01:00-04:00 holds four real hours, with 02:00 offered once on each offset", () => {
    const rosters = [makeRoster({ weekday: 7, start: "01:00", end: "04:00" })];
    const slots = computeSlots(
      makeQuery({ service: hour, rosters, from: "2026-04-05", to: "2026-04-05", now: before2026 }),
    );
    expect(startsOf(slots)).toEqual([
      "2026-04-05T01:00:00+11:00",
      "2026-04-05T02:00:00+11:00",
      "2026-04-05T02:00:00+10:00",
      "2026-04-05T03:00:00+10:00",
    ]);
  });

  it("an entry starting inside the October gap begins when the clock shows it again (02:30 -> 03:30)", () => {
    const rosters = [makeRoster({ weekday: 7, start: "02:30", end: "05:00" })];
    const slots = computeSlots(
      makeQuery({ service: hour, rosters, from: "2026-10-04", to: "2026-10-04", now: before2026 }),
    );
    expect(startsOf(slots)).toEqual(["2026-10-04T03:30:00+11:00"]);
  });

  it("a break across the April overlap blocks both copies of the repeated hour", () => {
    const rosters = [
      makeRoster({ weekday: 7, start: "01:00", end: "04:00", breaks: [{ start: "02:00", end: "03:00" }] }),
    ];
    const slots = computeSlots(
      makeQuery({ service: hour, rosters, from: "2026-04-05", to: "2026-04-05", now: before2026 }),
    );
    expect(startsOf(slots)).toEqual(["2026-04-05T01:00:00+11:00", "2026-04-05T03:00:00+10:00"]);
  });

  it("isSlotAvailable finds the second 02:00 of the April change on the right date", () => {
    const rosters = [makeRoster({ weekday: 7, start: "01:00", end: "04:00" })];
    const q = makeQuery({ service: hour, rosters, now: before2026 });
    expect(isSlotAvailable(q, new Date("2026-04-05T02:00:00+10:00"), "ana")?.end).toEqual(
      new Date("2026-04-05T03:00:00+10:00"),
    );
  });
});

describe("independence from the process time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it("gives identical instants whatever TZ the server runs in", () => {
    const q = makeQuery({
      service: makeService({ durationMinutes: 45, stepMinutes: 15, minNoticeMinutes: 120, horizonDays: 10 }),
      rosters: makeDailyRoster({ start: "08:00", end: "18:00", breaks: [{ start: "12:30", end: "13:15" }] }),
      from: "2026-09-30",
      to: "2026-10-07",
      now: new Date("2026-09-30T07:00:00+10:00"),
    });
    process.env.TZ = "UTC";
    const reference = computeSlots(q).map((s) => s.start.toISOString());
    expect(reference.length).toBeGreaterThan(100);
    for (const tz of ["America/Los_Angeles", "Asia/Kolkata", "Europe/London", "Australia/Perth"]) {
      process.env.TZ = tz;
      // Guard: the switch really took effect, or this test would prove nothing.
      expect(new Date("2026-07-01T00:00:00Z").getTimezoneOffset(), tz).not.toBe(0);
      expect(
        computeSlots(q).map((s) => s.start.toISOString()),
        tz,
      ).toEqual(reference);
    }
    // Expectations built from explicit offsets: 08:00 +10 before the change, 08:00 +11 after.
    expect(reference).toContain(new Date("2026-10-03T08:00:00+10:00").toISOString());
    expect(reference).toContain(new Date("2026-10-05T08:00:00+11:00").toISOString());
  });
});
