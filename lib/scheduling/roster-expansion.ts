// Turns weekly roster entries into concrete working windows, one local date at a time,
// in the location's zone: a 09:00 entry is 09:00 on the wall clock whatever the UTC offset.
import type { Span } from "./intervals";
import { addDays, eachLocalDate, isoWeekday, localTimeToMs } from "./local-time";
import type { LocalDate, LocalTime, RosterEntry } from "./slot-types";

export interface DayWindow {
  practitioner: string;
  date: LocalDate;
  service: string | null;
  window: Span;
  breaks: Span[];
}

export interface ExpansionInput {
  timezone: string;
  rosters: readonly RosterEntry[];
  practitioners: ReadonlySet<string>;
  closedDates: ReadonlySet<LocalDate>;
  from: LocalDate;
  to: LocalDate;
}

/** Windows for every (entry, date) that applies; entries whose window is empty on a date are dropped. */
export function expandRosters(input: ExpansionInput): DayWindow[] {
  const { timezone } = input;
  const byWeekday = new Map<number, RosterEntry[]>();
  for (const entry of input.rosters) {
    if (!input.practitioners.has(entry.practitioner)) continue;
    const list = byWeekday.get(entry.weekday) ?? [];
    list.push(entry);
    byWeekday.set(entry.weekday, list);
  }

  // Rosters repeat the same few times every day; zone conversion is the costly part, so memoise it.
  const cache = new Map<string, number>();
  const at = (date: LocalDate, time: LocalTime): number => {
    const key = `${date}T${time}`;
    let ms = cache.get(key);
    if (ms === undefined) {
      ms = localTimeToMs(date, time, timezone);
      cache.set(key, ms);
    }
    return ms;
  };

  const out: DayWindow[] = [];
  if (input.from > input.to) return out;
  for (const date of eachLocalDate(input.from, input.to)) {
    if (input.closedDates.has(date)) continue;
    for (const entry of byWeekday.get(isoWeekday(date)) ?? []) {
      if (date < entry.validFrom) continue;
      if (entry.validTo !== null && date > entry.validTo) continue;
      if (rotationWeekOf(entry.validFrom, date, entry.rotationWeeks ?? 1) !== (entry.week ?? 1)) continue;
      const window = { start: at(date, entry.start), end: at(date, entry.end) };
      if (window.end <= window.start) continue;
      const breaks = entry.breaks
        .map((b) => ({ start: at(date, b.start), end: at(date, b.end) }))
        .filter((b) => b.end > b.start);
      out.push({ practitioner: entry.practitioner, date, service: entry.service, window, breaks });
    }
  }
  return out;
}

/** The Monday of the ISO week holding `date`. */
function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * Which week (1..rotationWeeks) of a rotation `date` falls in, week 1 being the Monday-to-Sunday week that holds
 * `validFrom`. Local dates only, so daylight saving never moves a date into another week.
 */
export function rotationWeekOf(validFrom: LocalDate, date: LocalDate, rotationWeeks: number): number {
  if (rotationWeeks <= 1) return 1;
  const days = Math.round((Date.parse(mondayOf(date)) - Date.parse(mondayOf(validFrom))) / 86_400_000);
  const weeks = Math.floor(days / 7);
  return (((weeks % rotationWeeks) + rotationWeeks) % rotationWeeks) + 1;
}
