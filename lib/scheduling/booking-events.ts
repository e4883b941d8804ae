import "server-only";
import type { Tx } from "@/db/client";

/** A change to a booking that others may act on (the notifications domain sends its emails from these). */
export interface BookingEvent {
  kind: "booked" | "moved" | "cancelled";
  appointmentId: string;
  /** The appointment's start when the change has just written it; saves reading it back. */
  startsAt?: Date;
  /** Links with the patient's secret tokens; a listener must not store them in clear. */
  manageUrl?: string;
  intakeUrl?: string;
  /** Whether the patient has an email address, when the change knows; otherwise a listener reads it. */
  patientHasEmail?: boolean;
  /** The clock the change ran on (a test's, or the request's): reminders already due by then are not queued. */
  now: Date;
}

/**
 * Runs inside the transaction of the change, so whatever it writes commits or rolls back with the change. Gets
 * every event of the transaction at once. Every change that books or frees time (book, move, cancel) publishes here:
 * this is where anything that must follow freed time (a wait list) subscribes.
 */
export type BookingEventListener = (tx: Tx, events: BookingEvent[]) => Promise<void>;

// Scheduling knows nothing of email: the notifications domain subscribes when this process opens its queue.
// Kept on globalThis because Next.js may load this module more than once (one copy per route bundle).
type Global = typeof globalThis & { __clinicBookingEventListener?: BookingEventListener };

export function setBookingEventListener(listener: BookingEventListener | undefined): void {
  (globalThis as Global).__clinicBookingEventListener = listener;
}

/** Call it after the change and its audit row. A process with no listener (scripts, most tests) does nothing. */
export async function publishBookingEvent(tx: Tx, event: BookingEvent): Promise<void> {
  await publishBookingEvents(tx, [event]);
}

/** The events of several changes made in one transaction. */
export async function publishBookingEvents(tx: Tx, events: BookingEvent[]): Promise<void> {
  if (events.length > 0) await (globalThis as Global).__clinicBookingEventListener?.(tx, events);
}
