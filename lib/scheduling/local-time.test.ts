import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addDays,
  assertTimezone,
  eachLocalDate,
  isoWeekday,
  localDateOf,
  localTimeToMs,
  plusLocalDays,
  toOffsetIso,
} from "./local-time";

const SYD = "Australia/Sydney";

/**
 * A fixed sample of instants in 2026 and 2027 (a seeded generator, so a failure repeats): checking every instant
 * against luxon took most of the unit run, and a few thousand spread at random catch the same faults. The hours
 * around each change of offset, where the faults live, are still checked closely below.
 */
function sampleInstants(count: number, seed: number): number[] {
  const from = Date.UTC(2026, 0, 1);
  const span = Date.UTC(2028, 0, 1) - from;
  let x = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    out.push(from + Math.floor((x / 2 ** 32) * span));
  }
  return out;
}

/** The instants in 2026 and 2027 at which the zone's offset changes (to the minute). */
function offsetChanges(tz: string): number[] {
  const changes: number[] = [];
  const offsetAt = (t: number) => DateTime.fromMillis(t, { zone: tz }).offset;
  for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 6 * 3_600_000) {
    if (offsetAt(t) === offsetAt(t + 6 * 3_600_000)) continue;
    let lo = t;
    let hi = t + 6 * 3_600_000;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (offsetAt(mid) === offsetAt(lo)) lo = mid;
      else hi = mid;
    }
    changes.push(hi);
  }
  return changes;
}

describe("localDateOf", () => {
  it("gives the calendar date on the location's wall clock, not UTC's", () => {
    const instant = new Date("2026-12-01T13:30:00Z"); // 00:30 on 2 December in Sydney (+11)
    expect(localDateOf(instant, SYD)).toBe("2026-12-02");
    expect(localDateOf(instant, "UTC")).toBe("2026-12-01");
  });

  it("rejects an unknown zone", () => {
    expect(() => localDateOf(new Date(), "Mars/Olympus")).toThrow(RangeError);
    expect(() => assertTimezone("Mars/Olympus")).toThrow(RangeError);
    expect(() => assertTimezone(SYD)).not.toThrow();
  });
});

describe("calendar arithmetic", () => {
  it("adds days over month, year and leap-day boundaries", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-10-03", 2)).toBe("2026-10-05"); // across Sydney's spring-forward Sunday
  });

  it("knows ISO weekdays", () => {
    expect(isoWeekday("2026-12-01")).toBe(2); // Tuesday
    expect(isoWeekday("2026-10-04")).toBe(7); // Sunday
    expect(isoWeekday("2027-03-29")).toBe(1); // Monday
  });

  it("agrees with luxon on every day from 2024 to 2030, whatever the process zone", () => {
    for (let d = DateTime.fromISO("2024-01-01", { zone: "utc" }); d.year < 2031; d = d.plus({ days: 1 })) {
      const date = d.toISODate()!;
      expect(addDays(date, 1)).toBe(d.plus({ days: 1 }).toISODate());
      expect(addDays(date, -400)).toBe(d.minus({ days: 400 }).toISODate());
      expect(isoWeekday(date)).toBe(d.weekday);
    }
  });

  it("lists dates inclusively and nothing when the range is reversed", () => {
    expect(eachLocalDate("2026-04-04", "2026-04-06")).toEqual(["2026-04-04", "2026-04-05", "2026-04-06"]);
    expect(eachLocalDate("2026-04-04", "2026-04-04")).toEqual(["2026-04-04"]);
    expect(eachLocalDate("2026-04-05", "2026-04-04")).toEqual([]);
  });

  it("rejects malformed dates", () => {
    for (const bad of ["2026-13-01", "2026-02-30", "26-12-01", "2026-12-1", ""]) {
      expect(() => addDays(bad, 1), bad).toThrow(RangeError);
    }
  });
});

describe("localTimeToMs", () => {
  it("places 09:00 at +11 before and +10 after the April change", () => {
    expect(new Date(localTimeToMs("2026-04-04", "09:00", SYD)).toISOString()).toBe("2026-04-03T22:00:00.000Z");
    expect(new Date(localTimeToMs("2026-04-06", "09:00", SYD)).toISOString()).toBe("2026-04-05T23:00:00.000Z");
  });

  it("moves a time inside the October gap forward by the hour the clocks skip", () => {
    expect(toOffsetIso(new Date(localTimeToMs("2026-10-04", "02:30", SYD)), SYD)).toBe("2026-10-04T03:30:00+11:00");
  });

  it("takes the first of the two 02:30s on the April change", () => {
    expect(toOffsetIso(new Date(localTimeToMs("2026-04-05", "02:30", SYD)), SYD)).toBe("2026-04-05T02:30:00+11:00");
  });

  it("reads 24:00 as the following midnight", () => {
    expect(toOffsetIso(new Date(localTimeToMs("2026-12-01", "24:00", SYD)), SYD)).toBe("2026-12-02T00:00:00+11:00");
  });

  it("rejects dates that are not on the calendar", () => {
    for (const bad of ["2026-00-15", "2026-13-01", "2026-02-30", "2026-04-00", "0050-01-01", "26-01-01"]) {
      expect(() => localTimeToMs(bad, "09:00", SYD), bad).toThrow(RangeError);
    }
  });

  it("rejects malformed times", () => {
    for (const bad of ["9:00", "25:00", "12:60", "24:30", "noon"]) {
      expect(() => localTimeToMs("2026-12-01", bad, SYD), bad).toThrow(RangeError);
    }
  });
});

describe("plusLocalDays", () => {
  it("keeps the wall-clock time across a DST change (a 6-day-23-hour week)", () => {
    const now = new Date("2026-09-29T10:00:00+10:00");
    const later = plusLocalDays(now, 7, SYD);
    expect(toOffsetIso(later, SYD)).toBe("2026-10-06T10:00:00+11:00");
    expect(later.getTime() - now.getTime()).toBe((7 * 24 - 1) * 3_600_000);
  });
  it("agrees with luxon at a sample of 2026 and 2027, and minute by minute around each change, for 1 to 90 days", () => {
    let checked = 0;
    for (const tz of [SYD, "Australia/Lord_Howe", "America/New_York", "UTC"]) {
      for (const t of sampleInstants(1_500, tz.length)) {
        for (const days of [1, 7, 30, 90]) {
          expect(plusLocalDays(new Date(t), days, tz).getTime()).toBe(
            DateTime.fromMillis(t, { zone: tz }).plus({ days }).toMillis(),
          );
          checked++;
        }
      }
      const changes = offsetChanges(tz);
      expect(changes.length, tz).toBe(tz === "UTC" ? 0 : 4);
      // instants whose result lands on the day of a change, in its gap or its repeated hour
      for (const c of changes) {
        for (let u = c - 3 * 3600_000; u < c + 3 * 3600_000; u += 60_000 + 11) {
          for (const days of [1, 7]) {
            const from = u - days * 86_400_000;
            expect(plusLocalDays(new Date(from), days, tz).getTime()).toBe(
              DateTime.fromMillis(from, { zone: tz }).plus({ days }).toMillis(),
            );
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(30_000);
  });
});

describe("toOffsetIso", () => {
  it("formats with the zone's offset as the API does", () => {
    expect(toOffsetIso(new Date("2026-11-30T22:00:00Z"), SYD)).toBe("2026-12-01T09:00:00+11:00");
    expect(toOffsetIso(new Date("2026-06-30T23:00:00Z"), SYD)).toBe("2026-07-01T09:00:00+10:00");
    expect(toOffsetIso(new Date("2026-06-30T23:00:00Z"), "UTC")).toBe("2026-06-30T23:00:00+00:00");
  });
});

describe("the fast offset formatting agrees with luxon", () => {
  const zones = [
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Australia/Perth",
    "Australia/Adelaide",
    "Pacific/Chatham",
    "Asia/Kathmandu",
    "America/St_Johns",
    "America/New_York",
    "Europe/London",
    "UTC",
    "Asia/Gaza",
  ];
  const luxonIso = (d: Date, tz: string) => {
    const x = DateTime.fromJSDate(d, { zone: tz });
    return x.toISO({ suppressMilliseconds: true, includeOffset: false }) + x.toFormat("ZZ");
  };
  it("at a sample of 2026 and 2027, and minute by minute around every change of offset, in zones with odd offsets and rules", () => {
    let checked = 0;
    const check = (t: number, tz: string) => {
      const d = new Date(t);
      const local = luxonIso(d, tz);
      expect(toOffsetIso(d, tz)).toBe(local);
      expect(localDateOf(d, tz)).toBe(local.slice(0, 10));
      checked++;
    };
    for (const tz of zones) {
      for (const t of sampleInstants(2_000, tz.length * 7)) check(t, tz);
      for (const c of offsetChanges(tz)) for (let u = c - 3 * 3600_000; u < c + 3600_000; u += 60_000 + 7) check(u, tz);
    }
    expect(checked).toBeGreaterThan(25_000);
  });
  it("names an unknown zone", () => {
    expect(() => toOffsetIso(new Date(), "Mars/Olympus")).toThrow(/Unknown time zone/);
    expect(() => localDateOf(new Date(), "Mars/Olympus")).toThrow(/Unknown time zone/);
  });
});

describe("localTimeToMs does not depend on today's date", () => {
  it("resolves the April overlap and the October gap the same in summer and in winter", async () => {
    const { Settings } = await import("luxon");
    const saved = Settings.now;
    try {
      for (const today of [Date.UTC(2026, 10, 28), Date.UTC(2026, 5, 15)]) {
        Settings.now = () => today;
        expect(toOffsetIso(new Date(localTimeToMs("2026-04-05", "02:30", SYD)), SYD)).toBe("2026-04-05T02:30:00+11:00");
        expect(toOffsetIso(new Date(localTimeToMs("2026-10-04", "02:30", SYD)), SYD)).toBe("2026-10-04T03:30:00+11:00");
        expect(toOffsetIso(new Date(localTimeToMs("2026-04-05", "03:00", SYD)), SYD)).toBe("2026-04-05T03:00:00+10:00");
      }
    } finally {
      Settings.now = saved;
    }
  });

  it("agrees with a plain reading for every quarter hour of 2026 and 2027 outside the changes", () => {
    for (const tz of ["Australia/Sydney", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "UTC"]) {
      for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000 * 3 + 3_600_000 * 7) {
        const date = new Date(day).toISOString().slice(0, 10);
        for (let q = 0; q < 96; q += 5) {
          const time = `${String(Math.floor(q / 4)).padStart(2, "0")}:${String((q % 4) * 15).padStart(2, "0")}`;
          const ms = localTimeToMs(date, time, tz);
          const back = toOffsetIso(new Date(ms), tz);
          // either the same wall time, or (inside a gap) a later one
          if (back.slice(0, 16) !== `${date}T${time}`) expect(back.slice(0, 16) > `${date}T${time}`).toBe(true);
        }
      }
    }
  });
});
