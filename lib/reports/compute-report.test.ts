import { describe, expect, it } from "vitest";
import { presetRange } from "./report-range";
import { availableTime, computeReport, ratioOf, weekOf, type ReportInput, type ReportRoster } from "./compute-report";

const SYDNEY = {
  id: "L1",
  slug: "harbour",
  name: "Harbour",
  timezone: "Australia/Sydney",
  closedDates: new Set<string>(),
};

function roster(over: Partial<ReportRoster> = {}): ReportRoster {
  return {
    practitioner: "P1",
    locationId: "L1",
    weekday: 7,
    start: "00:00",
    end: "06:00",
    validFrom: "2026-01-01",
    validTo: null,
    service: null,
    breaks: [],
    ...over,
  };
}

const base: ReportInput = {
  from: "2026-10-04",
  to: "2026-10-04",
  locations: [SYDNEY],
  practitioners: [{ id: "P1", slug: "amy", name: "Amy" }],
  rosters: [],
  leave: [],
  days: [],
  routes: {},
};

describe("ratioOf", () => {
  it("rounds to 4 decimals and is 0 when nothing is available", () => {
    expect(ratioOf(1, 3)).toBe(0.3333);
    expect(ratioOf(2, 3)).toBe(0.6667);
    expect(ratioOf(90, 0)).toBe(0);
    expect(ratioOf(0, 420)).toBe(0);
  });
});

describe("weekOf", () => {
  it("gives the Monday of the ISO week", () => {
    expect(weekOf("2027-01-25")).toBe("2027-01-25");
    expect(weekOf("2027-01-31")).toBe("2027-01-25");
    expect(weekOf("2027-01-01")).toBe("2026-12-28");
  });
});

describe("availableTime", () => {
  it("counts the wall-clock hours that exist: 00:00-06:00 on the Sunday clocks go forward is 5 hours", () => {
    const days = availableTime({ ...base, rosters: [roster()] });
    expect(days).toEqual([{ practitionerId: "P1", locationId: "L1", date: "2026-10-04", minutes: 300 }]);
    // and 7 hours on the Sunday they go back
    const back = availableTime({ ...base, from: "2027-04-04", to: "2027-04-04", rosters: [roster()] });
    expect(back[0]!.minutes).toBe(420);
  });

  it("takes out breaks and leave, counts overlapping windows once, and skips closed dates", () => {
    const rosters = [
      roster({ weekday: 1, start: "09:00", end: "17:00", breaks: [{ start: "12:00", end: "13:00" }] }),
      roster({ weekday: 1, start: "16:00", end: "18:00", service: "pilates-class" }),
    ];
    const leave = [
      {
        practitionerId: "P1",
        start: Date.parse("2026-10-05T09:30:00+11:00"),
        end: Date.parse("2026-10-05T10:00:00+11:00"),
      },
    ];
    const days = availableTime({ ...base, from: "2026-10-05", to: "2026-10-12", rosters, leave });
    // Monday 5 October is Labour Day in NSW, but closed dates come from the caller: none here
    expect(days.map((d) => [d.date, d.minutes])).toEqual([
      ["2026-10-05", 9 * 60 - 60 - 30],
      ["2026-10-12", 9 * 60 - 60],
    ]);
    const closed = availableTime({
      ...base,
      from: "2026-10-05",
      to: "2026-10-12",
      rosters,
      locations: [{ ...SYDNEY, closedDates: new Set(["2026-10-05"]) }],
    });
    expect(closed.map((d) => d.date)).toEqual(["2026-10-12"]);
  });

  it("leaves out entries outside their validity", () => {
    const days = availableTime({
      ...base,
      from: "2026-10-04",
      to: "2026-10-18",
      rosters: [roster({ validFrom: "2026-10-05", validTo: "2026-10-11", start: "09:00", end: "10:00" })],
    });
    expect(days.map((d) => d.date)).toEqual(["2026-10-11"]);
  });
});

describe("computeReport", () => {
  it("keys every source and route even when nothing happened", () => {
    const r = computeReport(base);
    expect(r.bySource).toEqual({ online: 0, phone: 0, waitlist: 0, "booking-referral": 0, import: 0 });
    expect(r.routes).toEqual({
      emergency: 0,
      "urgent-care": 0,
      "sports-physio": 0,
      "exercise-physiology": 0,
      "online-rehab": 0,
    });
    expect(r.utilisation).toEqual({ availableMinutes: 0, bookedMinutes: 0, ratio: 0 });
    expect(r.practitioners).toEqual([]);
    expect(r.weeks).toEqual([{ week: "2026-09-28", availableMinutes: 0, bookedMinutes: 0, ratio: 0, newPatients: 0 }]);
  });
});

describe("presetRange", () => {
  it("gives weeks from Monday and whole months, across a year's end", () => {
    expect(presetRange("this-week", "2027-01-01")).toEqual({ from: "2026-12-28", to: "2027-01-03" });
    expect(presetRange("last-week", "2027-01-04")).toEqual({ from: "2026-12-28", to: "2027-01-03" });
    expect(presetRange("this-month", "2028-02-10")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(presetRange("last-month", "2027-01-31")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });
});
