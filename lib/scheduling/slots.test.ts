import { describe, expect, it } from "vitest";
import { publicHolidayDates } from "./holidays";
import {
  busy,
  clockTimesOf,
  makeDailyRoster,
  makeQuery,
  makeRoster,
  makeService,
  startsOf,
} from "./testing/slot-fixtures";
import { blockedInterval, computeSlots } from "./slots";

// 2026-12-01 is a Tuesday (ISO weekday 2); Sydney is on +11 (daylight time).

describe("computeSlots: roster windows", () => {
  it("offers every step from the roster start while the appointment fits", () => {
    const slots = computeSlots(makeQuery({ rosters: [makeRoster({ start: "09:00", end: "11:00" })] }));
    expect(clockTimesOf(slots)).toEqual(["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30"]);
    expect(slots[0]).toEqual({
      start: new Date("2026-12-01T09:00:00+11:00"),
      end: new Date("2026-12-01T09:30:00+11:00"),
      practitioner: "ana",
      location: "chatswood",
      remaining: 1,
    });
  });

  it("keeps candidates on the grid of the roster start, also after a break", () => {
    const rosters = [makeRoster({ start: "09:10", end: "12:00", breaks: [{ start: "10:10", end: "10:40" }] })];
    expect(clockTimesOf(computeSlots(makeQuery({ rosters })))).toEqual([
      "09:10",
      "09:25",
      "09:40", // 09:55 would run into the break
      "10:40",
      "10:55",
      "11:10",
      "11:25",
    ]);
  });

  it("lets breaks at the very start and end of the window shrink it", () => {
    const rosters = [
      makeRoster({
        start: "09:00",
        end: "11:00",
        breaks: [
          { start: "09:00", end: "09:30" },
          { start: "10:30", end: "11:00" },
        ],
      }),
    ];
    expect(clockTimesOf(computeSlots(makeQuery({ rosters })))).toEqual(["09:30", "09:45", "10:00"]);
  });

  it("only uses entries for the date's weekday and inside their validity (both ends inclusive)", () => {
    const rosters = [
      makeRoster({ weekday: 2, start: "09:00", end: "09:30", validFrom: "2026-12-01", validTo: "2026-12-08" }),
      makeRoster({ weekday: 3, start: "13:00", end: "13:30", validFrom: "2026-12-09", validTo: null }),
    ];
    const slots = computeSlots(makeQuery({ rosters, from: "2026-11-24", to: "2026-12-16" }));
    expect(startsOf(slots)).toEqual([
      "2026-12-01T09:00:00+11:00",
      "2026-12-08T09:00:00+11:00",
      "2026-12-09T13:00:00+11:00",
      "2026-12-16T13:00:00+11:00",
    ]);
  });

  it("skips entries whose window is empty or reversed", () => {
    const rosters = [makeRoster({ start: "12:00", end: "12:00" }), makeRoster({ start: "17:00", end: "09:00" })];
    expect(computeSlots(makeQuery({ rosters }))).toEqual([]);
  });

  it("lets an appointment run across back-to-back entries of one practitioner", () => {
    const rosters = [makeRoster({ start: "09:00", end: "12:00" }), makeRoster({ start: "12:00", end: "13:00" })];
    const times = clockTimesOf(computeSlots(makeQuery({ service: makeService({ durationMinutes: 45 }), rosters })));
    expect(times).toContain("11:45");
    expect(times.at(-1)).toBe("12:15");
  });

  it("ignores rosters of practitioners not offered for this query", () => {
    const rosters = [makeRoster({ practitioner: "cy", start: "09:00", end: "10:00" })];
    expect(computeSlots(makeQuery({ rosters, practitioners: ["ana"] }))).toEqual([]);
  });
});

describe("computeSlots: closures and public holidays", () => {
  it("offers nothing on a closed date and carries on the week after", () => {
    const rosters = [makeRoster({ start: "09:00", end: "09:30" })];
    const slots = computeSlots(makeQuery({ rosters, closedDates: new Set(["2026-12-01"]), to: "2026-12-08" }));
    expect(startsOf(slots)).toEqual(["2026-12-08T09:00:00+11:00"]);
  });

  it("closes Christmas Day, the Boxing Day substitute Monday and New Year's Day in NSW", () => {
    const rosters = ([1, 2, 3, 4, 5] as const).map((weekday) => makeRoster({ weekday, start: "09:00", end: "09:30" }));
    const closedDates = publicHolidayDates("AU-NSW", "2026-12-21", "2027-01-01");
    const slots = computeSlots(makeQuery({ rosters, closedDates, from: "2026-12-21", to: "2027-01-01" }));
    expect(startsOf(slots).map((iso) => iso.slice(0, 10))).toEqual([
      "2026-12-21",
      "2026-12-22",
      "2026-12-23",
      "2026-12-24",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
    ]);
  });
});

describe("computeSlots: busy time and buffers", () => {
  it("blocks [start - bufferBefore, start + duration + bufferAfter)", () => {
    const service = makeService({ durationMinutes: 30, bufferBeforeMinutes: 10, bufferAfterMinutes: 15 });
    expect(blockedInterval(new Date("2026-12-01T09:00:00+11:00"), service)).toEqual({
      start: new Date("2026-12-01T08:50:00+11:00"),
      end: new Date("2026-12-01T09:45:00+11:00"),
    });
  });

  it("keeps the new appointment's buffers clear of existing appointments on both sides", () => {
    const rosters = [makeRoster({ start: "09:00", end: "12:00" })];
    const existing = [busy("ana", "2026-12-01T10:00:00+11:00", "2026-12-01T10:45:00+11:00")];
    const plain = computeSlots(makeQuery({ rosters, busy: existing }));
    expect(clockTimesOf(plain)).toEqual(["09:00", "09:15", "09:30", "10:45", "11:00", "11:15", "11:30"]);
    const buffered = makeService({ bufferBeforeMinutes: 10, bufferAfterMinutes: 15 });
    // 09:15 + 30 + 15 ends at 10:00 exactly; 11:00 - 10 starts at 10:50, after 10:45.
    expect(clockTimesOf(computeSlots(makeQuery({ rosters, busy: existing, service: buffered })))).toEqual([
      "09:00",
      "09:15",
      "11:00",
      "11:15",
      "11:30",
    ]);
  });

  it("lets buffers (but not the appointment) run outside the working window", () => {
    const rosters = [makeRoster({ start: "09:00", end: "10:00" })];
    const service = makeService({ bufferBeforeMinutes: 15, bufferAfterMinutes: 15 });
    expect(clockTimesOf(computeSlots(makeQuery({ rosters, service })))).toEqual(["09:00", "09:15", "09:30"]);
  });

  it("honours leave that runs across midnight", () => {
    const rosters = [makeRoster({ weekday: 2 }), makeRoster({ weekday: 3 })];
    const leave = [busy("ana", "2026-12-01T15:00:00+11:00", "2026-12-02T11:00:00+11:00")];
    const slots = startsOf(computeSlots(makeQuery({ rosters, busy: leave, to: "2026-12-02" })));
    expect(slots.filter((s) => s.startsWith("2026-12-01")).at(-1)).toBe("2026-12-01T14:30:00+11:00");
    expect(slots.filter((s) => s.startsWith("2026-12-02"))[0]).toBe("2026-12-02T11:00:00+11:00");
  });

  it("is not blocked by another practitioner's appointments", () => {
    const rosters = [makeRoster({ start: "09:00", end: "09:30" })];
    const other = [busy("ben", "2026-12-01T09:00:00+11:00", "2026-12-01T09:30:00+11:00")];
    expect(computeSlots(makeQuery({ rosters, busy: other }))).toHaveLength(1);
  });

  it("shows a practitioner working at two locations only this location's days, and blocks time booked at the other", () => {
    // Ana works Chatswood on Tuesdays and Mosman on Wednesdays; the caller passes Chatswood's rosters only.
    const chatswood = [makeRoster({ weekday: 2, start: "09:00", end: "11:00" })];
    // A phone booking at Mosman on a Tuesday morning still makes Ana busy here.
    const atMosman = [busy("ana", "2026-12-01T09:30:00+11:00", "2026-12-01T10:30:00+11:00")];
    const slots = computeSlots(makeQuery({ rosters: chatswood, busy: atMosman, from: "2026-12-01", to: "2026-12-02" }));
    expect(startsOf(slots)).toEqual(["2026-12-01T09:00:00+11:00", "2026-12-01T10:30:00+11:00"]);
  });
});

describe("computeSlots: dedicated blocks", () => {
  it("removes a practitioner's class block from their one-to-one time", () => {
    const rosters = [
      makeRoster({ start: "11:00", end: "14:00" }),
      makeRoster({ start: "12:00", end: "13:00", service: "pilates-class" }),
    ];
    expect(clockTimesOf(computeSlots(makeQuery({ rosters })))).toEqual([
      "11:00",
      "11:15",
      "11:30",
      "13:00",
      "13:15",
      "13:30",
    ]);
  });

  it("does not let one practitioner's class block remove another's time", () => {
    const rosters = [
      makeRoster({ start: "12:00", end: "12:30" }),
      makeRoster({ practitioner: "ben", start: "12:00", end: "13:00", service: "pilates-class" }),
    ];
    expect(clockTimesOf(computeSlots(makeQuery({ rosters, practitioners: ["ana", "ben"] })))).toEqual(["12:00"]);
  });

  it("offers one-to-one services only in general time, never in a dedicated block", () => {
    const rosters = [makeRoster({ start: "09:00", end: "10:00", service: "shockwave" })];
    expect(
      computeSlots(makeQuery({ rosters, service: makeService({ slug: "shockwave", durationMinutes: 20 }) })),
    ).toEqual([]);
  });
});

describe("computeSlots: notice and horizon", () => {
  const rosters = makeDailyRoster({ start: "09:00", end: "12:00" });

  it("starts no earlier than now + minimum notice, on the step grid", () => {
    const now = new Date("2026-12-01T09:05:00+11:00");
    const service = makeService({ minNoticeMinutes: 60 });
    expect(clockTimesOf(computeSlots(makeQuery({ rosters, now, service }))).slice(0, 2)).toEqual(["10:15", "10:30"]);
  });

  it("lets staff override the notice, but never offers a time already past", () => {
    const now = new Date("2026-12-01T09:05:00+11:00");
    const service = makeService({ minNoticeMinutes: 60 });
    const slots = computeSlots(makeQuery({ rosters, now, service, ignoreMinNotice: true }));
    expect(clockTimesOf(slots)[0]).toBe("09:15");
  });

  it("offers a start exactly at now + notice", () => {
    const now = new Date("2026-12-01T08:00:00+11:00");
    const service = makeService({ minNoticeMinutes: 60 });
    expect(clockTimesOf(computeSlots(makeQuery({ rosters, now, service })))[0]).toBe("09:00");
  });

  it("works in a zone behind UTC, where the local date trails the UTC date", () => {
    // 20:00 on 1 December in Los Angeles is already 2 December in UTC.
    const la = "America/Los_Angeles";
    const now = new Date("2026-12-01T20:00:00-08:00");
    const q = makeQuery({ timezone: la, rosters: [makeRoster({ start: "21:00", end: "21:30" })], now });
    expect(startsOf(computeSlots(q), la)).toEqual(["2026-12-01T21:00:00-08:00"]);
  });

  it("offers nothing from days wholly in the past", () => {
    const now = new Date("2026-12-03T00:00:00+11:00");
    expect(computeSlots(makeQuery({ rosters, now, from: "2026-12-01", to: "2026-12-02" }))).toEqual([]);
  });

  it("stops at the horizon, counted in calendar days on the location's clock", () => {
    const now = new Date("2026-12-01T10:00:00+11:00");
    const service = makeService({ horizonDays: 7 });
    const slots = startsOf(computeSlots(makeQuery({ rosters, now, service, from: "2026-12-07", to: "2026-12-09" })));
    expect(slots.at(-1)).toBe("2026-12-08T10:00:00+11:00");
    expect(slots.some((s) => s.startsWith("2026-12-09"))).toBe(false);
  });

  it("keeps the horizon at the same wall-clock time across the October change", () => {
    // now is +10; seven calendar days later is +11, so 168 real hours would reach 11:00, not 10:00.
    const now = new Date("2026-09-29T10:00:00+10:00");
    const service = makeService({ horizonDays: 7 });
    const slots = startsOf(computeSlots(makeQuery({ rosters, now, service, from: "2026-10-06", to: "2026-10-06" })));
    expect(slots.at(-1)).toBe("2026-10-06T10:00:00+11:00");
  });

  it("offers nothing when the notice reaches past the horizon", () => {
    const service = makeService({ minNoticeMinutes: 3 * 24 * 60, horizonDays: 2 });
    expect(computeSlots(makeQuery({ rosters, service, to: "2026-12-31" }))).toEqual([]);
  });
});

describe("computeSlots: ordering", () => {
  it("sorts by start, then practitioner slug, across days, without duplicates", () => {
    const rosters = [
      makeRoster({ practitioner: "ben", weekday: 2, start: "09:00", end: "09:45" }),
      makeRoster({ practitioner: "ana", weekday: 2, start: "09:15", end: "09:45" }),
      makeRoster({ practitioner: "ana", weekday: 2, start: "09:15", end: "09:45" }), // entered twice
      makeRoster({ practitioner: "ben", weekday: 1, start: "16:00", end: "16:30" }),
    ];
    const slots = computeSlots(
      makeQuery({ rosters, practitioners: ["ben", "ana"], from: "2026-11-30", to: "2026-12-01" }),
    );
    expect(slots.map((s) => `${s.start.toISOString()} ${s.practitioner}`)).toEqual([
      "2026-11-30T05:00:00.000Z ben",
      "2026-11-30T22:00:00.000Z ben",
      "2026-11-30T22:15:00.000Z ana",
      "2026-11-30T22:15:00.000Z ben",
    ]);
  });

  it("returns nothing for a reversed date range", () => {
    expect(computeSlots(makeQuery({ from: "2026-12-02", to: "2026-12-01" }))).toEqual([]);
  });
});

describe("computeSlots: bad input", () => {
  it("refuses an unknown zone and impossible service rules", () => {
    expect(() => computeSlots(makeQuery({ timezone: "Nowhere/Town" }))).toThrow(RangeError);
    expect(() => computeSlots(makeQuery({ service: makeService({ stepMinutes: 0 }) }))).toThrow(RangeError);
    expect(() => computeSlots(makeQuery({ service: makeService({ durationMinutes: -5 }) }))).toThrow(RangeError);
    expect(() => computeSlots(makeQuery({ service: makeService({ bufferAfterMinutes: Number.NaN }) }))).toThrow(
      RangeError,
    );
    expect(() => computeSlots(makeQuery({ now: new Date(Number.NaN) }))).toThrow(RangeError);
    expect(() => computeSlots(makeQuery({ from: "2026-12-1" }))).toThrow(RangeError);
  });
});
