// Dates and times on staff screens, always in the location's zone (every clinic is in Sydney; online is too).
const cache = new Map<string, Intl.DateTimeFormat>();

function fmt(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat("en-AU", { timeZone: zone, ...options })));
  return f;
}

/** "9:00 am" */
export const timeOf = (iso: string, zone: string) =>
  fmt(zone, { hour: "numeric", minute: "2-digit", hour12: true }).format(new Date(iso)).toLowerCase();
/** "Mon 30 Nov 2026" */
export const shortDate = (iso: string, zone: string) =>
  fmt(zone, { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(new Date(iso));
/** "Mon 30 Nov 2026, 9:00 am" */
export const dateTime = (iso: string, zone: string) => `${shortDate(iso, zone)}, ${timeOf(iso, zone)}`;
/** "30 November 2026" for a YYYY-MM-DD clinic date. */
export const dayMonthYear = (date: string) =>
  fmt("UTC", { day: "numeric", month: "long", year: "numeric" }).format(new Date(`${date}T00:00:00Z`));
