// Calendar and wall-clock helpers. Every conversion names its zone explicitly so the
// result never depends on the process TZ (tests run with TZ=UTC, servers may not).
import { DateTime, IANAZone } from "luxon";
import type { LocalDate, LocalTime } from "./slot-types";

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Year, month and day of a real YYYY-MM-DD date (years 1000 to 9999); anything else throws. */
function dateParts(date: string): [number, number, number] {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  if (
    !LOCAL_DATE.test(date) ||
    y < 1000 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d
  ) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return [y, mo, d];
}

// Pure calendar arithmetic happens on UTC midnights, where every day has 24 hours.
function calendarDayMs(date: LocalDate): number {
  const [year, month, day] = dateParts(date);
  return Date.UTC(year, month - 1, day);
}

/** The calendar date of a UTC-midnight-based ms count (or of a wall-clock time held as UTC). */
function formatCalendarDay(ms: number): LocalDate {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < 1000 || year > 9999) return DateTime.fromMillis(ms, { zone: "utc" }).toISODate() as LocalDate;
  return `${year}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function assertLocalDate(date: string): void {
  dateParts(date);
}

const knownZones = new Set<string>();

export function assertTimezone(timezone: string): void {
  if (knownZones.has(timezone)) return;
  if (!IANAZone.isValidZone(timezone)) throw new RangeError(`Unknown time zone: ${timezone}`);
  knownZones.add(timezone);
}

/** The calendar date of an instant as seen in `timezone`. */
export function localDateOf(date: Date, timezone: string): LocalDate {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Cannot read the date of ${String(date)} in ${timezone}`);
  return formatCalendarDay(ms + zoneOffsetMinutes(ms, timezone) * MINUTE_MS);
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const BUCKET_MS = 6 * 60 * MINUTE_MS;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const offsets = new Map<string, number>();

/**
 * The zone's UTC offset in minutes at an instant. Asking Intl (through luxon) costs about 20 µs, and an availability
 * answer formats over a thousand instants, so offsets are remembered per six hours: a bucket is cached only when
 * its first and last millisecond agree, so a change of offset inside it is always computed afresh.
 */
function zoneOffsetMinutes(ms: number, timezone: string): number {
  const bucket = Math.floor(ms / BUCKET_MS);
  const key = `${timezone}|${bucket}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const zone = IANAZone.create(timezone);
  if (!zone.isValid) throw new RangeError(`Unknown time zone: ${timezone}`);
  const start = bucket * BUCKET_MS;
  const first = zone.offset(start);
  if (first !== zone.offset(start + BUCKET_MS - 1)) return zone.offset(ms);
  if (offsets.size >= 100_000) offsets.clear();
  offsets.set(key, first);
  return first;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return formatCalendarDay(calendarDayMs(date) + days * DAY_MS);
}

/** ISO weekday (Monday = 1) of a calendar date; a date's weekday does not depend on any zone. */
export function isoWeekday(date: LocalDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return (((new Date(calendarDayMs(date)).getUTCDay() + 6) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** Inclusive list of dates; empty when from > to. */
export function eachLocalDate(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  const last = calendarDayMs(to);
  for (let d = calendarDayMs(from); d <= last; d += DAY_MS) out.push(formatCalendarDay(d));
  return out;
}

/**
 * Epoch ms of a wall-clock time on a date in `timezone`. A time inside the spring-forward gap
 * moves forward by the gap (02:30 -> 03:30); an ambiguous autumn time takes the first (earlier) instant.
 */
export function localTimeToMs(date: LocalDate, time: LocalTime, timezone: string): number {
  if (!LOCAL_TIME.test(time)) throw new RangeError(`Not a time of day (HH:MM): ${time}`);
  const [y, mo, d] = dateParts(date);
  const [h, m] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, m); // 24:00 is the next midnight
  // The offsets in force either side of this wall time; read with each, which instants really show it?
  const around = [...new Set([zoneOffsetMinutes(wall - DAY_MS, timezone), zoneOffsetMinutes(wall + DAY_MS, timezone)])];
  const fits = around
    .map((o) => wall - o * MINUTE_MS)
    .filter((t) => zoneOffsetMinutes(t, timezone) * MINUTE_MS === wall - t);
  // Clocks turned back show it twice: take the first. Clocks turned forward skip it: read it with the offset
  // before the change, which lands the same distance past the gap (02:30 becomes 03:30).
  return fits.length ? Math.min(...fits) : wall - Math.min(...around) * MINUTE_MS;
}

/** The instant `days` calendar days after `instant` in `timezone`, keeping the wall-clock time. */
export function plusLocalDays(instant: Date, days: number, timezone: string): Date {
  // Luxon's own first guess, without building its objects (each slot search asks once, each booking too): the
  // same offset `days` later shows the same wall-clock time when the zone keeps that offset there. Else luxon.
  const ms = instant.getTime();
  const same = ms + days * DAY_MS;
  if (Number.isFinite(same) && zoneOffsetMinutes(same, timezone) === zoneOffsetMinutes(ms, timezone))
    return new Date(same);
  return DateTime.fromJSDate(instant, { zone: timezone }).plus({ days }).toJSDate();
}

/** ISO 8601 with the zone's offset, the API's format: "2026-12-01T09:00:00+11:00" (milliseconds only when not zero). */
export function toOffsetIso(date: Date, timezone: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid instant: ${String(date)}`);
  const offset = zoneOffsetMinutes(ms, timezone);
  const wall = new Date(ms + offset * MINUTE_MS);
  const year = wall.getUTCFullYear();
  if (year < 1000 || year > 9999) {
    const d = DateTime.fromJSDate(date, { zone: timezone });
    return d.toISO({ suppressMilliseconds: true, includeOffset: false }) + d.toFormat("ZZ");
  }
  const millis = wall.getUTCMilliseconds();
  const abs = Math.abs(offset);
  // The offset is appended as "+HH:MM" (never "Z") so every zone gives the same shape.
  return (
    `${year}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}T${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())}` +
    (millis ? `.${String(millis).padStart(3, "0")}` : "") +
    `${offset < 0 ? "-" : "+"}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
}
