import { describe, expect, it } from "vitest";
import { holidayClosedDates } from "./holidays";
import { expandRosters, rotationWeekOf } from "./roster-expansion";
import type { RosterEntry } from "./slot-types";
import { computeSlots } from "./slots";
import { makeQuery, makeRoster, makeService } from "./testing/slot-fixtures";

function expand(
  rosters: RosterEntry[],
  from: string,
  to: string,
  timezone = "Australia/Sydney",
  closed = new Set<string>(),
) {
  return expandRosters({ timezone, rosters, practitioners: new Set(["ana"]), closedDates: closed, from, to });
}
const iso = (ms: number) => new Date(ms).toISOString();
const windowsOf = (days: ReturnType<typeof expand>) =>
  days.map((d) => [d.date, iso(d.window.start), iso(d.window.end)]);

describe("roster validity", () => {
  it("works from validFrom to validTo inclusive, and not a day either side", () => {
    const days = expand(
      [makeRoster({ weekday: 2, validFrom: "2027-01-05", validTo: "2027-01-19" })],
      "2026-12-28",
      "2027-01-31",
    );
    expect(days.map((d) => d.date)).toEqual(["2027-01-05", "2027-01-12", "2027-01-19"]);
  });

  it("starts the day of validFrom when it is not the first weekday of its week", () => {
    const days = expand(
      [makeRoster({ weekday: 2, validFrom: "2027-01-06", validTo: "2027-01-18" })],
      "2027-01-01",
      "2027-01-31",
    );
    expect(days.map((d) => d.date)).toEqual(["2027-01-12"]);
  });
});

describe("rotations", () => {
  // 6 January 2027 is a Wednesday: week 1 is Monday 4 to Sunday 10 January, though work only starts on the 6th.
  const twoWeeks = (over: Partial<RosterEntry>) =>
    makeRoster({ validFrom: "2027-01-06", validTo: null, rotationWeeks: 2, ...over });
  const rosters = [
    twoWeeks({ week: 1, weekday: 1, start: "09:00", end: "12:00" }),
    twoWeeks({ week: 2, weekday: 1, start: "13:00", end: "17:00" }),
    twoWeeks({ week: 1, weekday: 3, start: "08:00", end: "10:00" }),
  ];

  it("counts week 1 from the Monday of validFrom's week, alternating after it", () => {
    const days = expand(rosters, "2027-01-01", "2027-01-24");
    expect(days.map((d) => `${d.date}:${d.window.end - d.window.start}`)).toEqual([
      "2027-01-06:7200000", // Wednesday, week 1 (Monday the 4th is before validFrom)
      "2027-01-11:14400000", // Monday, week 2 afternoon
      "2027-01-18:10800000", // Monday, week 1 morning
      "2027-01-20:7200000", // Wednesday, week 1 again (the 13th was week 2: nothing)
    ]);
  });

  it("numbers weeks by calendar week, with a 3- and 4-week rotation", () => {
    expect(rotationWeekOf("2027-01-06", "2027-01-10", 3)).toBe(1); // Sunday of week 1
    expect(rotationWeekOf("2027-01-06", "2027-01-11", 3)).toBe(2);
    expect(rotationWeekOf("2027-01-06", "2027-01-25", 3)).toBe(1);
    expect(rotationWeekOf("2027-01-06", "2027-02-01", 4)).toBe(1);
    expect(rotationWeekOf("2027-01-06", "2027-01-27", 4)).toBe(4);
    expect(rotationWeekOf("2027-01-06", "2027-03-01", 1)).toBe(1);
  });

  it("treats an entry without rotation fields as a one-week rotation", () => {
    const days = expand([makeRoster({ weekday: 1, validFrom: "2027-01-06" })], "2027-01-01", "2027-01-24");
    expect(days.map((d) => d.date)).toEqual(["2027-01-11", "2027-01-18"]);
  });
});

describe("wall-clock shifts in each zone", () => {
  const fortnight = (weekday: RosterEntry["weekday"], start: string, end: string, week = 1) =>
    makeRoster({ weekday, start, end, validFrom: "2026-01-05", rotationWeeks: 2, week });

  it("Sydney, April 2027: 09:00 is +11 on Saturday and +10 on Monday, in both weeks of a rotation", () => {
    // 64 weeks after 5 January 2026, Saturday 3 April 2027 is in week 1 again and Monday 5 April in week 2
    const days = expand(
      [fortnight(6, "09:00", "10:00", 1), fortnight(1, "09:00", "10:00", 2)],
      "2027-04-03",
      "2027-04-05",
    );
    expect(rotationWeekOf("2026-01-05", "2027-04-03", 2)).toBe(1);
    expect(rotationWeekOf("2026-01-05", "2027-04-05", 2)).toBe(2);
    expect(windowsOf(days)).toEqual([
      ["2027-04-03", "2027-04-02T22:00:00.000Z", "2027-04-02T23:00:00.000Z"],
      ["2027-04-05", "2027-04-04T23:00:00.000Z", "2027-04-05T00:00:00.000Z"],
    ]);
  });

  it("Sydney, October 2026: a shift through the 02:00 spring-forward on the Sunday is an hour shorter", () => {
    const days = expand([makeRoster({ weekday: 7, start: "01:00", end: "04:00" })], "2026-10-04", "2026-10-04");
    expect(windowsOf(days)).toEqual([["2026-10-04", "2026-10-03T15:00:00.000Z", "2026-10-03T17:00:00.000Z"]]);
  });

  it("Perth keeps +08 all year", () => {
    const tz = "Australia/Perth";
    const days = expand([makeRoster({ weekday: 1, start: "09:00", end: "17:00" })], "2027-01-04", "2027-07-05", tz);
    const jan = days.find((d) => d.date === "2027-01-04")!;
    const jul = days.find((d) => d.date === "2027-07-05")!;
    expect([iso(jan.window.start), iso(jul.window.start)]).toEqual([
      "2027-01-04T01:00:00.000Z",
      "2027-07-05T01:00:00.000Z",
    ]);
  });

  it("Adelaide's half-hour offset: +10:30 in summer, +09:30 in winter", () => {
    const tz = "Australia/Adelaide";
    const days = expand([makeRoster({ weekday: 1, start: "09:00", end: "17:00" })], "2027-01-04", "2027-07-05", tz);
    const jan = days.find((d) => d.date === "2027-01-04")!;
    const jul = days.find((d) => d.date === "2027-07-05")!;
    expect([iso(jan.window.start), iso(jul.window.start)]).toEqual([
      "2027-01-03T22:30:00.000Z",
      "2027-07-04T23:30:00.000Z",
    ]);
  });

  it("Lord Howe's 30-minute shift: a 01:00-03:00 Sunday is 150 minutes in April and 90 in October", () => {
    const tz = "Australia/Lord_Howe";
    const roster = [makeRoster({ weekday: 7, start: "01:00", end: "03:00" })];
    const april = expand(roster, "2027-04-04", "2027-04-04", tz);
    const october = expand(roster, "2027-10-03", "2027-10-03", tz);
    expect(windowsOf(april)).toEqual([["2027-04-04", "2027-04-03T14:00:00.000Z", "2027-04-03T16:30:00.000Z"]]);
    expect(windowsOf(october)).toEqual([["2027-10-03", "2027-10-02T14:30:00.000Z", "2027-10-02T16:00:00.000Z"]]);
  });

  it("breaks follow the same rotation week and wall clock", () => {
    const days = expand(
      [
        fortnight(2, "09:00", "17:00", 1),
        { ...fortnight(2, "09:00", "12:00", 2), breaks: [{ start: "10:00", end: "10:30" }] },
      ],
      "2026-01-06",
      "2026-01-13",
    );
    expect(days.map((d) => [d.date, d.breaks.map((b) => iso(b.start))])).toEqual([
      ["2026-01-06", []],
      ["2026-01-13", ["2026-01-12T23:00:00.000Z"]],
    ]);
  });
});

describe("leave and holidays in the slots", () => {
  const hour = makeService({ durationMinutes: 60, stepMinutes: 60, horizonDays: 1000 });
  const before = new Date("2026-01-01T00:00:00Z");

  it("leave across midnight takes the end of one day and the start of the next", () => {
    const rosters = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) =>
      makeRoster({ weekday, start: "07:00", end: "23:00", validFrom: "2027-01-01" }),
    );
    const slots = computeSlots(
      makeQuery({
        service: hour,
        rosters,
        from: "2027-01-05",
        to: "2027-01-06",
        now: before,
        busy: [
          {
            practitioner: "ana",
            start: new Date("2027-01-05T21:00:00+11:00"),
            end: new Date("2027-01-06T09:00:00+11:00"),
          },
        ],
      }),
    );
    const local = slots.map((s) => s.start.toLocaleString("sv-SE", { timeZone: "Australia/Sydney" }).slice(0, 16));
    expect(local).toContain("2027-01-05 20:00");
    expect(local).not.toContain("2027-01-05 21:00");
    expect(local).not.toContain("2027-01-06 08:00");
    expect(local).toContain("2027-01-06 09:00");
  });

  it("closes a location on its own region's holidays only, and opens it on a day marked open", () => {
    // 1 June 2026 is Western Australia Day; 8 June is the King's Birthday in NSW (WA keeps it in September)
    const nsw = holidayClosedDates("AU-NSW", new Set(), "2026-06-01", "2026-06-08");
    const wa = holidayClosedDates("AU-WA", new Set(), "2026-06-01", "2026-06-08");
    expect([...nsw]).toEqual(["2026-06-08"]);
    expect([...wa]).toEqual(["2026-06-01"]);
    expect([...holidayClosedDates("AU-NSW", new Set(["2026-06-08"]), "2026-06-01", "2026-06-08")]).toEqual([]);

    const monday = (closedDates: Set<string>, timezone: string) =>
      computeSlots(
        makeQuery({
          service: hour,
          timezone,
          rosters: [makeRoster({ weekday: 1, start: "09:00", end: "10:00" })],
          closedDates,
          from: "2026-06-08",
          to: "2026-06-08",
          now: before,
        }),
      ).length;
    expect(monday(nsw, "Australia/Sydney")).toBe(0);
    expect(monday(wa, "Australia/Perth")).toBe(1);
  });
});
