// The wait list's pure rules: which waiting entries a free time suits, in what order they are offered it, and how
// long an offer holds. No I/O; make-offers.ts feeds them.
import { DateTime } from "luxon";
import { localDateOf } from "@/lib/scheduling/local-time";

import type { PartOfDay } from "./schemas";
export { PARTS_OF_DAY, type PartOfDay } from "./schemas";

const MINUTE = 60_000;

/** api.md: morning is before 12:00, afternoon 12:00 to 17:00, evening from 17:00, in the location's zone. */
export function partOfDay(start: Date, timezone: string): PartOfDay {
  const hour = DateTime.fromJSDate(start, { zone: timezone }).hour;
  return hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening";
}

export interface WaitingEntry {
  id: string;
  serviceId: string;
  locationId: string;
  /** null: anyone */
  practitionerId: string | null;
  earliest: string;
  latest: string;
  /** empty: any part of the day */
  partsOfDay: readonly string[];
  urgent: boolean;
  createdAt: Date;
}

export interface FreeTime {
  serviceId: string;
  locationId: string;
  practitionerId: string;
  start: Date;
  timezone: string;
}

/** Whether a free time suits an entry: same service and location, its practitioner or anyone, its dates and parts. */
export function suits(entry: WaitingEntry, time: FreeTime): boolean {
  if (entry.serviceId !== time.serviceId || entry.locationId !== time.locationId) return false;
  if (entry.practitionerId && entry.practitionerId !== time.practitionerId) return false;
  const date = localDateOf(time.start, time.timezone);
  if (date < entry.earliest || date > entry.latest) return false;
  return entry.partsOfDay.length === 0 || entry.partsOfDay.includes(partOfDay(time.start, time.timezone));
}

/** Urgent entries (marked by staff) first, then the oldest; the id breaks ties so the order is the same everywhere. */
export function offerOrder(a: WaitingEntry, b: WaitingEntry): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  const t = a.createdAt.getTime() - b.createdAt.getTime();
  return t !== 0 ? t : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The next batch for a time: the entries it suits, in offer order, at most `batch` of them, skipping `already`. */
export function nextBatch(
  entries: readonly WaitingEntry[],
  time: FreeTime,
  batch: number,
  already: ReadonlySet<string> = new Set(),
): WaitingEntry[] {
  return entries
    .filter((e) => !already.has(e.id) && suits(e, time))
    .sort(offerOrder)
    .slice(0, batch);
}

/**
 * When an offer made `now` stops holding the time: after `holdMinutes`, but never past the time's start less its
 * minimum notice (an online booking then is refused anyway). null when that leaves less than a minute: no offer.
 */
export function holdUntil(now: Date, start: Date, minNoticeMinutes: number, holdMinutes: number): Date | null {
  const last = start.getTime() - minNoticeMinutes * MINUTE;
  const until = Math.min(now.getTime() + holdMinutes * MINUTE, last);
  return until - now.getTime() < MINUTE ? null : new Date(until);
}
