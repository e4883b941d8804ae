// Input and output shapes of the pure slot engine (slots.ts). The database-facing
// verbs build a SlotQuery; nothing here knows about tables.

export type LocalDate = string; // "YYYY-MM-DD" in the location's zone
export type LocalTime = string; // "HH:MM" 24h ("24:00" = the following midnight)

export interface RosterEntry {
  practitioner: string; // practitioner slug
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO weekday, Monday = 1, in the location's zone
  start: LocalTime;
  end: LocalTime; // working window that day; a window that does not end after it starts is ignored
  validFrom: LocalDate;
  validTo: LocalDate | null; // inclusive
  /** null = general time; a service slug = a block dedicated to that service (group classes). */
  service: string | null;
  breaks: { start: LocalTime; end: LocalTime }[];
  /** A rotation of 1 to 4 weeks (default 1); week 1 is the Monday-to-Sunday week holding validFrom. */
  rotationWeeks?: number;
  /** Which week of the rotation this entry works in, 1..rotationWeeks (default 1). */
  week?: number;
}

export interface ServiceRules {
  slug: string;
  durationMinutes: number;
  capacity: number; // capacity > 1 => group class
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  stepMinutes: number;
}

/** Half-open [start, end). */
export interface Interval {
  start: Date;
  end: Date;
}

/**
 * Existing active appointments' blocked ranges (buffers included) at ANY location, and leave.
 * For a class query the class's own bookings must not be here: they come in classBookings.
 * classKey is carried for the caller's benefit; the engine does not read it.
 */
export interface BusyInterval extends Interval {
  practitioner: string;
  classKey?: string;
}

/** Places taken in an existing class occurrence. */
export interface ClassBooking {
  practitioner: string;
  start: Date;
  booked: number;
}

export interface SlotQuery {
  timezone: string; // IANA, e.g. "Australia/Sydney"
  location: string; // location slug, copied into each slot
  service: ServiceRules;
  /** Who may deliver this service here (already filtered by discipline and location). */
  practitioners: string[];
  rosters: RosterEntry[]; // rosters at THIS location
  closedDates: Set<LocalDate>; // location closures + public holidays
  busy: BusyInterval[]; // includes leave
  classBookings: ClassBooking[];
  from: LocalDate; // inclusive
  to: LocalDate; // inclusive
  now: Date;
  ignoreMinNotice?: boolean; // staff may override minimum notice (never the past)
}

export interface Slot {
  start: Date;
  end: Date;
  practitioner: string;
  location: string;
  remaining: number;
}
