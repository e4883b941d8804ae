import "server-only";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import { strictRfc5545 } from "@/lib/notifications/ics";

/** One appointment as a practitioner's calendar shows it: no contact details, nothing clinical. */
export interface CalendarAppointment {
  id: string;
  start: Date;
  end: Date;
  updatedAt: Date;
  status: "booked" | "arrived" | "completed" | "no-show";
  service: string;
  location: { name: string; address: string | null; timezone: string };
  patient: { firstName: string; lastName: string };
}

/** "Ana L.": enough for the practitioner to recognise the visit on a phone's lock screen, no more. */
export function shortName(p: { firstName: string; lastName: string }): string {
  const initial = [...p.lastName.trim()][0];
  return initial ? `${p.firstName.trim()} ${initial.toUpperCase()}.` : p.firstName.trim();
}

/** The practitioner's feed as iCalendar (RFC 5545), each event in its location's zone with that zone's VTIMEZONE. */
export function buildPractitionerIcs(
  practitionerName: string,
  appointments: readonly CalendarAppointment[],
  opts: { groupName: string; uidDomain: string; now: Date },
): string {
  const cal = ical({
    prodId: { company: opts.groupName, product: "Practitioner calendar", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    name: `${practitionerName}: appointments`,
    // calendar apps refresh a subscribed feed at most this often
    ttl: 15 * 60,
    timezone: { name: appointments[0]?.location.timezone ?? "Australia/Sydney", generator: getVtimezoneComponent },
  });
  for (const a of appointments) {
    const tz = a.location.timezone;
    cal.createEvent({
      id: `${a.id}@${opts.uidDomain}`,
      start: DateTime.fromJSDate(a.start, { zone: tz }),
      end: DateTime.fromJSDate(a.end, { zone: tz }),
      timezone: tz,
      stamp: DateTime.fromJSDate(a.updatedAt, { zone: "utc" }),
      status: ICalEventStatus.CONFIRMED,
      summary: `${a.service}: ${shortName(a.patient)}`,
      location: [a.location.name, a.location.address].filter(Boolean).join(", "),
    });
  }
  return strictRfc5545(cal.toString(), opts.now);
}
