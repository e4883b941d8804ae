import "server-only";
import type { Tx } from "@/db/client";

/** A change to a booking that others may act on (the notifications domain sends its emails from these). */
export interface AppointmentEvent {
  kind: "booked" | "moved" | "cancelled";
  appointmentId: string;
  /** The appointment's start when the change has just written it; saves reading it back. */
  startsAt?: Date;
  /** A move: the time it left (the wait list offers it). */
  freed?: { practitionerId: string; start: Date; end: Date };
  /** Links with the patient's secret tokens; a listener must not store them in clear. */
  manageUrl?: string;
  intakeUrl?: string;
  /** Whether the patient has an email address, when the change knows; otherwise a listener reads it. */
  patientHasEmail?: boolean;
  /** The clock the change ran on (a test's, or the request's): reminders already due by then are not queued. */
  now: Date;
}

/**
 * Working time that may have become bookable without an appointment being freed: leave or a closure removed, a
 * roster added or widened, a holiday opened. `practitionerId` null means every practitioner at the location.
 */
export interface WorkingTimeEvent {
  kind: "time-freed";
  locationId: string;
  practitionerId: string | null;
  start: Date;
  end: Date;
  now: Date;
}

export type BookingEvent = AppointmentEvent | WorkingTimeEvent;

/**
 * Runs inside the transaction of the change, so whatever it writes commits or rolls back with the change. Gets
 * every event of the transaction at once. Every change that books or frees time (book, move, cancel, and the clinic
 * setup changes that free working time) publishes here: emails and the wait list subscribe.
 */
export type BookingEventListener = (tx: Tx, events: BookingEvent[]) => Promise<void>;

// Scheduling knows nothing of email or the wait list: each domain subscribes under its own name when this process
// opens its queue. Kept on globalThis because Next.js may load this module more than once (one copy per route bundle).
type Global = typeof globalThis & { __clinicBookingEventListeners?: Map<string, BookingEventListener> };

function listeners(): Map<string, BookingEventListener> {
  const g = globalThis as Global;
  g.__clinicBookingEventListeners ??= new Map();
  return g.__clinicBookingEventListeners;
}

/** Subscribes `name` (replacing its earlier listener), or unsubscribes it with `undefined`. */
export function setBookingEventListener(name: string, listener: BookingEventListener | undefined): void {
  if (listener) listeners().set(name, listener);
  else listeners().delete(name);
}

/** Call it after the change and its audit row. A process with no listener (scripts, most tests) does nothing. */
export async function publishBookingEvent(tx: Tx, event: BookingEvent): Promise<void> {
  await publishBookingEvents(tx, [event]);
}

/** The events of several changes made in one transaction; listeners run one after another, in subscription order. */
export async function publishBookingEvents(tx: Tx, events: BookingEvent[]): Promise<void> {
  if (events.length === 0) return;
  for (const listener of listeners().values()) await listener(tx, events);
}
