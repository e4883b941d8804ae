import { OutsideBookingWindow, OutsideCancellationWindow } from "@/lib/errors";
import type { ServiceRules } from "./slot-types";

const MINUTE = 60_000;

function hoursText(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const h = Math.round(minutes / 60);
  return h === 1 ? "1 hour" : `${h} hours`;
}

/** Minimum notice and horizon, with a message that says what the patient can do instead. */
export function assertInsideBookingWindow(
  start: Date,
  service: ServiceRules,
  now: Date,
  opts: { ignoreMinNotice?: boolean; phone?: string | null } = {},
): void {
  if (start.getTime() < now.getTime())
    throw new OutsideBookingWindow("That time has already passed. Please choose a later time.");
  if (!opts.ignoreMinNotice && start.getTime() < now.getTime() + service.minNoticeMinutes * MINUTE) {
    const call = opts.phone ? ` For something sooner, please call us on ${opts.phone}.` : "";
    throw new OutsideBookingWindow(
      `Online bookings need at least ${hoursText(service.minNoticeMinutes)} notice.${call}`,
    );
  }
  if (start.getTime() > now.getTime() + service.horizonDays * 24 * 60 * MINUTE) {
    throw new OutsideBookingWindow(
      `We take bookings up to ${Math.floor(service.horizonDays / 7)} weeks ahead. Please choose an earlier date.`,
    );
  }
}

/** Cancelling or moving online closes `cancellationWindowHours` before the start. */
export function isOutsideCancellationWindow(start: Date, windowHours: number, now: Date): boolean {
  return start.getTime() - now.getTime() >= windowHours * 60 * MINUTE;
}

export function assertOutsideCancellationWindow(
  start: Date,
  windowHours: number,
  now: Date,
  phone: string | null,
  verb: "cancel" | "move",
): void {
  if (!isOutsideCancellationWindow(start, windowHours, now)) {
    const call = phone ? ` Please call the clinic on ${phone}.` : " Please call the clinic.";
    throw new OutsideCancellationWindow(
      `Bookings can only be ${verb === "cancel" ? "cancelled" : "moved"} online up to ${windowHours} hours before the start.${call}`,
    );
  }
}

/** What a patient is told about a service the clinic books by phone only (clinic setup: bookable by staff only). */
export function staffOnlyMessage(phone: string | null): string {
  return `This service is booked by the clinic, not online. Please call ${phone ? `us on ${phone}` : "the clinic"}.`;
}
