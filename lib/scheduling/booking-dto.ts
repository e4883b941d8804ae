import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments, locations, patients, practitioners, services } from "@/db/schema";
import { env } from "@/lib/env";
import { toOffsetIso } from "./local-time";
import type { AppointmentStatus } from "@/db/schema/types";

export interface BookingDto {
  id: string;
  status: AppointmentStatus;
  service: string;
  location: string;
  practitioner: string;
  start: string;
  end: string;
}

/** A booking with everything a patient-facing page shows about it. */
/** A booking made: what the booker sees, with the patient's secret links. */
export interface BookingCreated {
  booking: BookingDto;
  manageUrl: string;
  intakeUrl: string;
}

export async function loadBookingDetail(db: Db | Tx, appointmentId: string) {
  const [row] = await db
    .select({
      a: appointments,
      service: services,
      location: locations,
      practitioner: { slug: practitioners.slug, name: practitioners.name },
      patient: {
        id: patients.id,
        firstName: patients.firstName,
        lastName: patients.lastName,
        email: patients.email,
        dateOfBirth: patients.dateOfBirth,
      },
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(eq(appointments.id, appointmentId));
  return row ?? null;
}
export type BookingDetail = NonNullable<Awaited<ReturnType<typeof loadBookingDetail>>>;

export function toBookingDto(d: BookingDetail): BookingDto {
  return bookingDto({
    ...d.a,
    service: d.service.slug,
    location: d.location.slug,
    practitioner: d.practitioner.slug,
    timezone: d.location.timezone,
  });
}

/** The API's booking from what a verb has in hand, times in the location's zone. */
export function bookingDto(
  b: Omit<BookingDto, "start" | "end"> & { startsAt: Date; endsAt: Date; timezone: string },
): BookingDto {
  return {
    id: b.id,
    status: b.status,
    service: b.service,
    location: b.location,
    practitioner: b.practitioner,
    start: toOffsetIso(b.startsAt, b.timezone),
    end: toOffsetIso(b.endsAt, b.timezone),
  };
}

export function manageUrl(token: string): string {
  return new URL(`/manage/${token}`, env.PUBLIC_BASE_URL).toString();
}
export function intakeUrl(token: string): string {
  return new URL(`/intake/${token}`, env.PUBLIC_BASE_URL).toString();
}
