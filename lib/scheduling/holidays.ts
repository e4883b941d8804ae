// Public holidays as local dates, from the date-holidays rule set (substitute days included,
// e.g. Boxing Day 2026 falls on a Saturday and NSW observes Monday 28 December).
import Holidays from "date-holidays";
import { addDays, assertLocalDate } from "./local-time";
import type { LocalDate } from "./slot-types";

const calendars = new Map<string, Holidays>();
const byRegionYear = new Map<string, readonly LocalDate[]>();

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

function holidaysIn(region: string, year: number): readonly LocalDate[] {
  const key = `${region}:${year}`;
  let dates = byRegionYear.get(key);
  if (dates) return dates;
  const out: LocalDate[] = [];
  for (const h of calendarFor(region).getHolidays(year)) {
    if (h.type !== "public") continue;
    // `date` is the local date in the region's own zone; a rare multi-day holiday covers each day.
    const first = h.date.slice(0, 10);
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
    for (let i = 0; i < days; i++) out.push(addDays(first, i));
  }
  dates = out;
  byRegionYear.set(key, dates);
  return dates;
}

/** Public-holiday dates in [fromDate, toDate] (inclusive, YYYY-MM-DD); a null region has none. */
export function publicHolidayDates(region: string | null, fromDate: LocalDate, toDate: LocalDate): Set<LocalDate> {
  assertLocalDate(fromDate);
  assertLocalDate(toDate);
  const result = new Set<LocalDate>();
  if (region === null || region.trim() === "" || fromDate > toDate) return result;
  const firstYear = Number(fromDate.slice(0, 4));
  const lastYear = Number(toDate.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    for (const d of holidaysIn(region, year)) if (d >= fromDate && d <= toDate) result.add(d);
  }
  return result;
}
