// Pure helpers that turn the availability answer into what the time picker shows.
import type { Slot } from "./public-api";
import { dateKey, dayPartOf, type DayPart } from "./time-format";

/** One button per start time: for "first available", the first practitioner free then (the API sorts by start, then practitioner). */
export function uniqueStarts(slots: readonly Slot[]): Slot[] {
  const seen = new Set<number>();
  const out: Slot[] = [];
  for (const s of slots) {
    const t = Date.parse(s.start);
    if (seen.has(t)) continue;
    seen.add(t);
    out.push(s);
  }
  return out;
}

export function slotsByDay(slots: readonly Slot[], zone: string): Map<string, Slot[]> {
  const days = new Map<string, Slot[]>();
  for (const s of uniqueStarts(slots)) {
    const key = dateKey(s.start, zone);
    const list = days.get(key);
    if (list) list.push(s);
    else days.set(key, [s]);
  }
  return days;
}

export const DAY_PARTS: readonly { part: DayPart; label: string }[] = [
  { part: "morning", label: "Morning" },
  { part: "afternoon", label: "Afternoon" },
  { part: "evening", label: "Evening" },
];

export function slotsByPart(slots: readonly Slot[], zone: string): Record<DayPart, Slot[]> {
  const out: Record<DayPart, Slot[]> = { morning: [], afternoon: [], evening: [] };
  for (const s of slots) out[dayPartOf(s.start, zone)].push(s);
  return out;
}

/** The `n` free times closest to `target`, in time order. */
export function nearestSlots(slots: readonly Slot[], target: string, n: number): Slot[] {
  const t = Date.parse(target);
  return uniqueStarts(slots)
    .sort((a, b) => Math.abs(Date.parse(a.start) - t) - Math.abs(Date.parse(b.start) - t))
    .slice(0, n)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
