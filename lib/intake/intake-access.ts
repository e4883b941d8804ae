import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments, intakeResponses, locations, patients, practitioners, services } from "@/db/schema";
import { Conflict } from "@/lib/errors";
import { hashToken } from "@/lib/security/tokens";

// Tokens are 43 base64url characters; anything else is refused before touching the database.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** The appointment an intake token opens, with what the patient's page shows; null for an unknown token. */
export async function appointmentForIntakeToken(db: Db | Tx, token: string, opts: { lock?: boolean } = {}) {
  if (!TOKEN_SHAPE.test(token)) return null;
  const q = db
    .select({
      id: appointments.id,
      status: appointments.status,
      startsAt: appointments.startsAt,
      patientId: appointments.patientId,
      triageId: appointments.triageId,
      service: services.name,
      practitioner: practitioners.name,
      location: { name: locations.name, timezone: locations.timezone, online: locations.online },
      patient: { firstName: patients.firstName, dateOfBirth: patients.dateOfBirth },
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    // The hash is unique and indexed; comparing hashes leaks nothing about the token itself.
    .where(eq(appointments.intakeTokenHash, hashToken(token)));
  const [row] = opts.lock ? await q.for("update", { of: appointments }) : await q;
  return row ?? null;
}
export type IntakeAppointment = NonNullable<Awaited<ReturnType<typeof appointmentForIntakeToken>>>;

export type IntakeClosedReason = "cancelled" | "past";

/** Why the form no longer takes answers, or null while it is open (booked and not yet started). */
export function intakeClosedReason(
  a: Pick<IntakeAppointment, "status" | "startsAt">,
  now: Date,
): IntakeClosedReason | null {
  if (a.status === "cancelled") return "cancelled";
  if (a.status !== "booked" || a.startsAt.getTime() <= now.getTime()) return "past";
  return null;
}

export function assertIntakeOpen(a: Pick<IntakeAppointment, "status" | "startsAt">, now: Date): void {
  const reason = intakeClosedReason(a, now);
  if (reason === "cancelled")
    throw new Conflict(
      "This appointment was cancelled, so the form is closed. If you book again, you'll get a new form.",
    );
  if (reason === "past")
    throw new Conflict(
      "This appointment has already taken place, so the form is closed. Your practitioner can update your details with you.",
    );
}

/** The newest version for the appointment: the draft being filled in, or the last one sent. */
export async function latestIntakeResponse(db: Db | Tx, appointmentId: string) {
  const [row] = await db
    .select()
    .from(intakeResponses)
    .where(eq(intakeResponses.appointmentId, appointmentId))
    .orderBy(desc(intakeResponses.version))
    .limit(1);
  return row ?? null;
}
