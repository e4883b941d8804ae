import { describe, expect, it } from "vitest";
import { busy, makeQuery, makeRoster, makeService } from "./testing/slot-fixtures";
import { computeSlots, isSlotAvailable } from "./slots";

const rosters = [makeRoster({ start: "09:00", end: "12:00", breaks: [{ start: "10:00", end: "10:30" }] })];
const at = (local: string) => new Date(`2026-12-01T${local}:00+11:00`);

describe("isSlotAvailable", () => {
  it("returns the same slot computeSlots offers", () => {
    const q = makeQuery({ rosters });
    const expected = computeSlots(q).find((s) => s.start.getTime() === at("09:30").getTime());
    expect(expected).toBeDefined();
    expect(isSlotAvailable(q, at("09:30"), "ana")).toEqual(expected);
  });

  it("refuses a start off the step grid, in a break, or outside the roster", () => {
    const q = makeQuery({ rosters });
    expect(isSlotAvailable(q, at("09:05"), "ana")).toBeNull();
    expect(isSlotAvailable(q, at("09:45"), "ana")).toBeNull(); // would run into the 10:00 break
    expect(isSlotAvailable(q, at("08:30"), "ana")).toBeNull();
    expect(isSlotAvailable(q, at("11:45"), "ana")).toBeNull(); // would end after 12:00
  });

  it("refuses a start taken in the meantime, including by the new appointment's buffers", () => {
    const taken = [busy("ana", "2026-12-01T09:30:00+11:00", "2026-12-01T10:00:00+11:00")];
    expect(isSlotAvailable(makeQuery({ rosters, busy: taken }), at("09:30"), "ana")).toBeNull();
    const buffered = makeService({ bufferAfterMinutes: 10 });
    expect(isSlotAvailable(makeQuery({ rosters, busy: taken, service: buffered }), at("09:00"), "ana")).toBeNull();
    expect(isSlotAvailable(makeQuery({ rosters, busy: taken }), at("09:00"), "ana")).not.toBeNull();
  });

  it("refuses a practitioner who does not deliver the service here, or an invalid start", () => {
    expect(isSlotAvailable(makeQuery({ rosters, practitioners: ["ben"] }), at("09:00"), "ana")).toBeNull();
    expect(isSlotAvailable(makeQuery({ rosters }), new Date(Number.NaN), "ana")).toBeNull();
  });

  it("checks the start's own date whatever from/to the query carries", () => {
    const q = makeQuery({ rosters, from: "2026-12-20", to: "2026-12-21" });
    expect(isSlotAvailable(q, at("09:00"), "ana")?.start).toEqual(at("09:00"));
  });

  it("applies notice (unless staff override it) and the horizon", () => {
    const now = at("08:45");
    const service = makeService({ minNoticeMinutes: 30 });
    expect(isSlotAvailable(makeQuery({ rosters, now, service }), at("09:00"), "ana")).toBeNull();
    expect(
      isSlotAvailable(makeQuery({ rosters, now, service, ignoreMinNotice: true }), at("09:00"), "ana"),
    ).not.toBeNull();
    expect(
      isSlotAvailable(makeQuery({ rosters, now: at("09:01"), ignoreMinNotice: true }), at("09:00"), "ana"),
    ).toBeNull();
    const q = makeQuery({ rosters: [makeRoster({ weekday: 2 })], service: makeService({ horizonDays: 30 }) });
    expect(isSlotAvailable(q, new Date("2026-12-08T09:00:00+11:00"), "ana")).toBeNull(); // now is 1 November
  });
});
