// Wall-clock helpers for the reception calendar. API times carry the location's offset
// ("2026-12-01T09:00:00+11:00"), so their local hour and minute can be read straight from the string.

/** Minutes after local midnight of an offset ISO time, in the zone it was written in. */
export function minutesOf(iso: string): number {
  return Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
}

/** 540 → "9:00", 1330 → "22:10". */
export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}:${String(m).padStart(2, "0")}`;
}

/** 540 → "9 am", 780 → "1 pm". */
export function hourLabel(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  return `${h % 12 === 0 ? 12 : h % 12} ${h < 12 ? "am" : "pm"}`;
}

export function timeRange(start: string, end: string): string {
  return `${clock(minutesOf(start))}–${clock(minutesOf(end))}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday, Monday = 1. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay() || 7;
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** The next weekday on or after `date` (weekends are quiet at the clinics). */
export function nextWeekday(date: string): string {
  let d = date;
  while (weekdayOf(d) > 5) d = addDays(d, 1);
  return d;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat("en-AU", { timeZone: "UTC", ...options })));
  return f;
}

/** "Tuesday 1 December 2026" (a calendar date has no zone: format it at noon UTC). */
export function longDate(date: string): string {
  return fmt({ weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(new Date(`${date}T12:00:00Z`));
}

/** "Tue 1 Dec". */
export function shortDate(date: string): string {
  return fmt({ weekday: "short", day: "numeric", month: "short" }).format(new Date(`${date}T12:00:00Z`));
}

/** "Tue 1 Dec 2026, 9:00" for an offset ISO time, in its own zone. */
export function whenLabel(iso: string): string {
  return `${shortDate(iso.slice(0, 10))} ${iso.slice(0, 4)}, ${clock(minutesOf(iso))}`;
}
