import "server-only";
import { readClinicIdentity } from "@/lib/setup/clinic-identity";
import { and, asc, eq, gte, lt, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, calendarFeeds, locations, patients, practitioners, services } from "@/db/schema";
import { env } from "@/lib/env";
import { NotFound } from "@/lib/errors";
import { hashToken } from "@/lib/security/tokens";
import { buildPractitionerIcs, type CalendarAppointment } from "./practitioner-calendar";

const DAY = 86_400_000;
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 90;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/**
 * The practitioner's calendar for the feed's secret: their appointments from 30 days back to 90 ahead, cancelled ones
 * left out. The secret is the only key, so an unknown one is a plain 404 that says nothing more.
 */
export async function getCalendarFeed(db: Db, secret: string, now = new Date()): Promise<string> {
  if (!SECRET.test(secret)) throw new NotFound();
  const [owner] = await db
    .select({ id: practitioners.id, name: practitioners.name })
    .from(calendarFeeds)
    .innerJoin(practitioners, eq(practitioners.id, calendarFeeds.practitionerId))
    .where(eq(calendarFeeds.secretHash, hashToken(secret)));
  if (!owner) throw new NotFound();
  const rows = await db
    .select({
      id: appointments.id,
      start: appointments.startsAt,
      end: appointments.endsAt,
      updatedAt: appointments.updatedAt,
      status: appointments.status,
      service: services.name,
      location: { name: locations.name, address: locations.address, timezone: locations.timezone },
      patient: { firstName: patients.firstName, lastName: patients.lastName },
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(
      and(
        eq(appointments.practitionerId, owner.id),
        ne(appointments.status, "cancelled"),
        gte(appointments.startsAt, new Date(now.getTime() - FEED_DAYS_BACK * DAY)),
        lt(appointments.startsAt, new Date(now.getTime() + FEED_DAYS_AHEAD * DAY)),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  return buildPractitionerIcs(owner.name, rows as CalendarAppointment[], {
    groupName: (await readClinicIdentity(db)).name,
    uidDomain: new URL(env.PUBLIC_BASE_URL).hostname,
    now,
  });
}
