// Public holidays as local dates, from the date-holidays rule set (substitute days included,
// e.g. Boxing Day 2026 falls on a Saturday and NSW observes Monday 28 December).
import Holidays from "date-holidays";
import { addDays, assertLocalDate } from "./local-time";
import type { LocalDate } from "./slot-types";

const calendars = new Map<string, Holidays>();
const byRegionYear = new Map<string, readonly PublicHoliday[]>();

export interface PublicHoliday {
  date: LocalDate;
  name: string;
}

/** "AU-NSW" -> the NSW calendar; an unknown code throws rather than silently returning no holidays. */
function calendarFor(region: string): Holidays {
  let hd = calendars.get(region);
  if (hd) return hd;
  const [country = "", state, subRegion] = region.split("-");
  const probe = new Holidays();
  const countryKnown = country in probe.getCountries();
  const stateKnown = state === undefined || (countryKnown && state in (probe.getStates(country) ?? {}));
  if (!countryKnown || !stateKnown) throw new RangeError(`Unknown holiday region: ${region}`);
  hd = new Holidays(country, state ?? "", subRegion ?? "", { types: ["public"] });
  calendars.set(region, hd);
  return hd;
}

function holidaysIn(region: string, year: number): readonly PublicHoliday[] {
  const key = `${region}:${year}`;
  let dates = byRegionYear.get(key);
  if (dates) return dates;
  const out: PublicHoliday[] = [];
  for (const h of calendarFor(region).getHolidays(year)) {
    if (h.type !== "public") continue;
    // `date` is the local date in the region's own zone; a rare multi-day holiday covers each day.
    const first = h.date.slice(0, 10);
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
    for (let i = 0; i < days; i++) out.push({ date: addDays(first, i), name: h.name });
  }
  dates = out;
  byRegionYear.set(key, dates);
  return dates;
}

/** Public-holiday dates in [fromDate, toDate] (inclusive, YYYY-MM-DD); a null region has none. */
export function publicHolidayDates(region: string | null, fromDate: LocalDate, toDate: LocalDate): Set<LocalDate> {
  return new Set(publicHolidays(region, fromDate, toDate).map((h) => h.date));
}

/** Public holidays in [fromDate, toDate] with their names, by date (two on one day both listed). */
export function publicHolidays(region: string | null, fromDate: LocalDate, toDate: LocalDate): PublicHoliday[] {
  assertLocalDate(fromDate);
  assertLocalDate(toDate);
  const result: PublicHoliday[] = [];
  if (region === null || region.trim() === "" || fromDate > toDate) return result;
  const firstYear = Number(fromDate.slice(0, 4));
  const lastYear = Number(toDate.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    for (const h of holidaysIn(region, year)) if (h.date >= fromDate && h.date <= toDate) result.push(h);
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The dates a location is shut for a public holiday: its own region's holidays (never another region's), less the
 * days the clinic marked "open this day".
 */
export function holidayClosedDates(
  region: string | null,
  openDates: ReadonlySet<LocalDate>,
  fromDate: LocalDate,
  toDate: LocalDate,
): Set<LocalDate> {
  const out = publicHolidayDates(region, fromDate, toDate);
  for (const d of openDates) out.delete(d);
  return out;
}
