import "server-only";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { and, count, eq } from "drizzle-orm";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import type { Db, Tx } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { BookingDetail } from "@/lib/scheduling/booking-dto";
import { type ClinicGroup, clinicOf } from "./clinic";

export interface IcsOptions {
  /** Bumped on every move and on cancellation, so calendars replace the event they already hold. */
  sequence: number;
  /** Used for the event's UID: stable per appointment across emails and downloads. */
  uidDomain: string;
  /** The clinic's sending address, the event's ORGANIZER (iTIP needs one to cancel). */
  organizerEmail?: string;
  /** The group's name and phone as the admin set them (clinic settings); lib/env.ts when absent. */
  group?: ClinicGroup;
}

/**
 * The appointment as an iCalendar event, in the location's zone (with its VTIMEZONE) so that every
 * calendar shows the Sydney wall-clock time and the right instant. Nothing clinical goes in it.
 */
export function buildBookingIcs(detail: BookingDetail, opts: IcsOptions): string {
  const tz = detail.location.timezone;
  const clinic = clinicOf(detail.location, opts.group);
  const cancelled = detail.a.status === "cancelled";
  const cal = ical({
    prodId: { company: clinic.groupName, product: "Bookings", language: "EN" },
    // a cancellation is an iTIP CANCEL of the same UID, so calendar apps remove the event they hold
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    timezone: { name: tz, generator: getVtimezoneComponent },
  });
  cal.createEvent({
    id: `${detail.a.id}@${opts.uidDomain}`,
    organizer: { name: clinic.groupName, email: opts.organizerEmail ?? `bookings@${opts.uidDomain}` },
    sequence: opts.sequence,
    start: DateTime.fromJSDate(detail.a.startsAt, { zone: tz }),
    end: DateTime.fromJSDate(detail.a.endsAt, { zone: tz }),
    timezone: tz,
    stamp: DateTime.fromJSDate(detail.a.updatedAt, { zone: "utc" }),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    summary: `${cancelled ? "Cancelled: " : ""}${detail.service.name} with ${detail.practitioner.name}`,
    location: clinic.where,
    description: [
      `${clinic.name}${clinic.address ? `, ${clinic.address}` : ""}`,
      `Phone ${clinic.phone}`,
      cancelled
        ? "This appointment has been cancelled."
        : "To change or cancel, use the link in your confirmation email or call us.",
    ].join("\n"),
  });
  return strictRfc5545(cal.toString(), detail.a.updatedAt);
}

/**
 * ical-generator writes a few non-standard lines (X-WR-TIMEZONE, TIMEZONE-ID, the zone's X-LIC-LOCATION) and, with a
 * calendar zone set, a DTSTAMP in local time; RFC 5545 wants DTSTAMP in UTC, and some strict parsers reject the rest.
 */
export function strictRfc5545(text: string, stamp: Date): string {
  const utc = stamp
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  return text
    .split("\r\n")
    .filter((line) => !/^(X-[A-Z0-9-]+|TIMEZONE-ID)[:;]/i.test(line))
    .map((line) => (line.startsWith("DTSTAMP") ? `DTSTAMP:${utc}` : line))
    .join("\r\n");
}

/** How many times the appointment has changed in a way its calendar entry must follow. */
export async function calendarSequence(db: Db | Tx, detail: BookingDetail): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, "appointment.reschedule"), eq(auditLog.entityId, detail.a.id)));
  return (row?.n ?? 0) + (detail.a.status === "cancelled" ? 1 : 0);
}
