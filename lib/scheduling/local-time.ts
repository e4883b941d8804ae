// Calendar and wall-clock helpers. Every conversion names its zone explicitly so the
// result never depends on the process TZ (tests run with TZ=UTC, servers may not).
import { DateTime } from "luxon";
import type { LocalDate, LocalTime } from "./slot-types";

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

// Pure calendar arithmetic happens in UTC, where every day has 24 hours.
function calendarDay(date: LocalDate): DateTime {
  const d = LOCAL_DATE.test(date) ? DateTime.fromISO(date, { zone: "utc" }) : null;
  if (!d || !d.isValid) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return d;
}

export function assertLocalDate(date: string): void {
  calendarDay(date);
}

export function assertTimezone(timezone: string): void {
  if (!DateTime.now().setZone(timezone).isValid) throw new RangeError(`Unknown time zone: ${timezone}`);
}

/** The calendar date of an instant as seen in `timezone`. */
export function localDateOf(date: Date, timezone: string): LocalDate {
  const d = DateTime.fromJSDate(date, { zone: timezone });
  if (!d.isValid) throw new RangeError(`Cannot read the date of ${String(date)} in ${timezone}`);
  return d.toISODate() as LocalDate;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return calendarDay(date).plus({ days }).toISODate() as LocalDate;
}

/** ISO weekday (Monday = 1) of a calendar date; a date's weekday does not depend on any zone. */
export function isoWeekday(date: LocalDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return calendarDay(date).weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** Inclusive list of dates; empty when from > to. */
export function eachLocalDate(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  const last = calendarDay(to);
  for (let d = calendarDay(from); d <= last; d = d.plus({ days: 1 })) out.push(d.toISODate() as LocalDate);
  return out;
}

/**
 * Epoch ms of a wall-clock time on a date in `timezone`. A time inside the spring-forward gap
 * moves forward by the gap (02:30 -> 03:30); an ambiguous autumn time takes the first (earlier) instant.
 */
export function localTimeToMs(date: LocalDate, time: LocalTime, timezone: string): number {
  if (!LOCAL_TIME.test(time)) throw new RangeError(`Not a time of day (HH:MM): ${time}`);
  calendarDay(date);
  const d = DateTime.fromISO(`${date}T${time}`, { zone: timezone });
  if (!d.isValid) throw new RangeError(`Cannot place ${date} ${time} in ${timezone}`);
  return d.toMillis();
}

/** The instant `days` calendar days after `instant` in `timezone`, keeping the wall-clock time. */
export function plusLocalDays(instant: Date, days: number, timezone: string): Date {
  return DateTime.fromJSDate(instant, { zone: timezone }).plus({ days }).toJSDate();
}

/** ISO 8601 with the zone's offset, the API's format: "2026-12-01T09:00:00+11:00". */
export function toOffsetIso(date: Date, timezone: string): string {
  const d = DateTime.fromJSDate(date, { zone: timezone });
  if (!d.isValid) throw new RangeError(`Unknown time zone: ${timezone}`);
  // The offset is appended as "+HH:MM" (never "Z") so every zone gives the same shape.
  return d.toISO({ suppressMilliseconds: true, includeOffset: false }) + d.toFormat("ZZ");
}
