// Dates and times for patients. Every formatter names its zone: a physical clinic's times are in
// the clinic's zone wherever the browser is; online rehab is shown in the browser's own zone.

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = zone + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-AU", { timeZone: zone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** The browser's own zone, read once and then always passed explicitly. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** "2026-12-01": the calendar date of an instant in `zone`. */
export function dateKey(iso: string | Date, zone: string): string {
  const parts = fmt(zone, { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(
    typeof iso === "string" ? new Date(iso) : iso,
  );
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Hour of the day (0-23) of an instant in `zone`. */
export function hourIn(iso: string, zone: string): number {
  const h = fmt(zone, { hour: "numeric", hourCycle: "h23" })
    .formatToParts(new Date(iso))
    .find((p) => p.type === "hour")?.value;
  return Number(h ?? 0);
}

/** Calendar arithmetic on "YYYY-MM-DD" strings, in UTC where every day has 24 hours. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const asNoonUtc = (date: string) => new Date(`${date}T12:00:00Z`);

/** "Tue" / "2" / "Dec" parts of a calendar date (zone-free). */
export function dayParts(date: string): { weekday: string; day: string; month: string } {
  const d = asNoonUtc(date);
  return {
    weekday: fmt("UTC", { weekday: "short" }).format(d),
    day: fmt("UTC", { day: "numeric" }).format(d),
    month: fmt("UTC", { month: "short" }).format(d),
  };
}

/** "Tuesday 2 December" for a calendar date. */
export function longDate(date: string): string {
  return fmt("UTC", { weekday: "long", day: "numeric", month: "long" }).format(asNoonUtc(date));
}

/** "9:30 am" in `zone`. */
export function timeOf(iso: string, zone: string): string {
  return fmt(zone, { hour: "numeric", minute: "2-digit", hour12: true })
    .format(new Date(iso))
    .replace(/\s?([ap])\.?m\.?$/i, " $1m")
    .toLowerCase();
}

/** "Tuesday 2 December 2026" in `zone`. */
export function dateOf(iso: string, zone: string): string {
  return fmt(zone, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(new Date(iso));
}

/** "AEDT" / "GMT+8": the zone's short name at that instant. */
export function zoneName(iso: string, zone: string): string {
  return (
    fmt(zone, { timeZoneName: "short" })
      .formatToParts(new Date(iso))
      .find((p) => p.type === "timeZoneName")?.value ?? zone
  );
}

/** A readable place name for an IANA zone: "Australia/Sydney" → "Sydney". */
export function zoneCity(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

export type DayPart = "morning" | "afternoon" | "evening";
export function dayPartOf(iso: string, zone: string): DayPart {
  const h = hourIn(iso, zone);
  return h < 12 ? "morning" : h < 17 ? "afternoon" : "evening";
}

/** Which zones to show a booking in: the clinic's, plus the browser's for online rehab when it differs. */
export interface ZonePlan {
  /** Zone the times are listed in. */
  primary: string;
  /** Zone shown beside each time, or null. */
  secondary: string | null;
}
export function zonePlan(location: { timezone: string; online: boolean }, viewerZone: string | null): ZonePlan {
  if (!location.online || !viewerZone || viewerZone === location.timezone)
    return { primary: location.timezone, secondary: null };
  return { primary: viewerZone, secondary: location.timezone };
}

/** The clinic's time under a time in the patient's zone: "7:00 am Sydney", or "7:00 am Tue, Sydney" on another day. */
export function sideTime(iso: string, plan: ZonePlan): string | null {
  if (!plan.secondary) return null;
  const time = timeOf(iso, plan.secondary);
  const city = zoneCity(plan.secondary);
  if (dateKey(iso, plan.primary) === dateKey(iso, plan.secondary)) return `${time} ${city}`;
  return `${time} ${fmt(plan.secondary, { weekday: "short" }).format(new Date(iso))}, ${city}`;
}

/** "Tuesday 2 December 2026, 9:30 am AEDT" (+ " · 10:30 am in Sydney") for a summary line. */
export function whenText(iso: string, plan: ZonePlan): string {
  const main = `${dateOf(iso, plan.primary)}, ${timeOf(iso, plan.primary)} ${zoneName(iso, plan.primary)}`;
  if (!plan.secondary) return main;
  const sameDay = dateKey(iso, plan.primary) === dateKey(iso, plan.secondary);
  const other = sameDay ? timeOf(iso, plan.secondary) : `${timeOf(iso, plan.secondary)} ${dateOf(iso, plan.secondary)}`;
  return `${main} (${other} ${zoneCity(plan.secondary)} time)`;
}

/** When a practitioner is next free, for a list: "today 2:30 pm", "tomorrow 9:00 am", "Tue 9:30 am" within the week,
 * "Tue 15 Dec, 9:30 am" after it; in `zone`. */
export function nextFreeText(iso: string, zone: string, now = new Date()): string {
  const time = timeOf(iso, zone);
  const today = dateKey(now, zone);
  const day = dateKey(iso, zone);
  if (day === today) return `today ${time}`;
  if (day === addDays(today, 1)) return `tomorrow ${time}`;
  const weekday = fmt(zone, { weekday: "short" }).format(new Date(iso));
  if (day <= addDays(today, 6)) return `${weekday} ${time}`;
  const { day: d, month } = dayParts(day);
  return `${weekday} ${d} ${month}, ${time}`;
}
