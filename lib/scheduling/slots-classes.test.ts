import { describe, expect, it } from "vitest";
import { busy, clockTimesOf, makePilates, makeQuery, makeRoster } from "./testing/slot-fixtures";
import { computeSlots, isSlotAvailable } from "./slots";

// Pilates: 55 minutes, 6 places, 5 minutes to reset the room afterwards.
const pilates = makePilates();
const block = makeRoster({ start: "07:00", end: "08:00", service: "pilates-class" });
const seven = new Date("2026-12-01T07:00:00+11:00");

function classQuery(over: Parameters<typeof makeQuery>[0] = {}) {
  return makeQuery({ service: pilates, rosters: [block], ...over });
}

describe("computeSlots: group classes", () => {
  it("offers the occurrence at the block start with every place free", () => {
    expect(computeSlots(classQuery())).toEqual([
      {
        start: seven,
        end: new Date("2026-12-01T07:55:00+11:00"),
        practitioner: "ana",
        location: "chatswood",
        remaining: 6,
      },
    ]);
  });

  it("subtracts places taken, adding up several booking rows for the occurrence", () => {
    const classBookings = [
      { practitioner: "ana", start: seven, booked: 2 },
      { practitioner: "ana", start: seven, booked: 1 },
      { practitioner: "ben", start: seven, booked: 3 }, // someone else's class
      { practitioner: "ana", start: new Date("2026-12-08T07:00:00+11:00"), booked: 3 }, // another week
    ];
    expect(computeSlots(classQuery({ classBookings }))[0]?.remaining).toBe(3);
  });

  it("leaves out a full class", () => {
    expect(computeSlots(classQuery({ classBookings: [{ practitioner: "ana", start: seven, booked: 6 }] }))).toEqual([]);
  });

  it("repeats back to back, buffers included, while an occurrence fits the block", () => {
    const rosters = [makeRoster({ start: "07:00", end: "10:00", service: "pilates-class" })];
    expect(clockTimesOf(computeSlots(classQuery({ rosters })))).toEqual(["07:00", "08:00", "09:00"]);
    const bothBuffers = makePilates({ bufferBeforeMinutes: 5 });
    expect(clockTimesOf(computeSlots(classQuery({ rosters, service: bothBuffers })))).toEqual(["07:00", "08:05"]);
  });

  it("skips an occurrence that would run into a break and keeps the cadence", () => {
    const rosters = [
      makeRoster({
        start: "07:00",
        end: "10:00",
        service: "pilates-class",
        breaks: [{ start: "08:30", end: "08:45" }],
      }),
    ];
    expect(clockTimesOf(computeSlots(classQuery({ rosters })))).toEqual(["07:00", "09:00"]);
  });

  it("uses only blocks dedicated to this class, never general time or another service's block", () => {
    const rosters = [
      makeRoster({ start: "07:00", end: "12:00" }),
      makeRoster({ start: "13:00", end: "14:00", service: "yoga" }),
    ];
    expect(computeSlots(classQuery({ rosters }))).toEqual([]);
  });

  it("is hidden by leave or another appointment overlapping it, buffers included", () => {
    expect(
      computeSlots(classQuery({ busy: [busy("ana", "2026-12-01T06:00:00+11:00", "2026-12-01T07:30:00+11:00")] })),
    ).toEqual([]);
    // 07:55-08:00 is the reset time after class.
    expect(
      computeSlots(classQuery({ busy: [busy("ana", "2026-12-01T07:57:00+11:00", "2026-12-01T08:30:00+11:00")] })),
    ).toEqual([]);
    expect(
      computeSlots(classQuery({ busy: [busy("ana", "2026-12-01T08:00:00+11:00", "2026-12-01T08:30:00+11:00")] })),
    ).toHaveLength(1);
  });

  it("applies minimum notice and the horizon", () => {
    const late = new Date("2026-12-01T06:30:00+11:00");
    expect(computeSlots(classQuery({ now: late, service: makePilates({ minNoticeMinutes: 60 }) }))).toEqual([]);
    expect(
      computeSlots(classQuery({ now: late, service: makePilates({ minNoticeMinutes: 60 }), ignoreMinNotice: true })),
    ).toHaveLength(1);
    expect(computeSlots(classQuery({ service: makePilates({ horizonDays: 20 }) }))).toEqual([]); // now is 1 November
  });

  it("is closed with its location", () => {
    expect(computeSlots(classQuery({ closedDates: new Set(["2026-12-01"]) }))).toEqual([]);
  });

  it("isSlotAvailable reports the places left, and null once full or off the occurrence start", () => {
    expect(
      isSlotAvailable(classQuery({ classBookings: [{ practitioner: "ana", start: seven, booked: 5 }] }), seven, "ana")
        ?.remaining,
    ).toBe(1);
    expect(
      isSlotAvailable(classQuery({ classBookings: [{ practitioner: "ana", start: seven, booked: 6 }] }), seven, "ana"),
    ).toBeNull();
    expect(isSlotAvailable(classQuery(), new Date("2026-12-01T07:15:00+11:00"), "ana")).toBeNull();
  });
});
