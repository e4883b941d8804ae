import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments, locations, patients, practitioners, services } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth";
import { Forbidden, NotFound } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const INTAKE_NOT_FOUND = "We could not find that appointment.";
export const INTAKE_FORBIDDEN = "Only the appointment's practitioner and clinic managers can open this intake.";

/** Clinical detail is for the treating practitioner and admins; reception sees only status, route and "needs a call". */
export function mayReadIntake(actor: StaffActor, appointmentPractitionerId: string): boolean {
  return actor.role === "admin" || (actor.role === "practitioner" && actor.practitionerId === appointmentPractitionerId);
}

/** The appointment with what the intake screen's header needs; null for an unknown or malformed id. */
export async function loadAppointmentForIntake(db: Db | Tx, appointmentId: string) {
  if (!UUID.test(appointmentId)) return null;
  const [row] = await db
    .select({
      id: appointments.id,
      practitionerId: appointments.practitionerId,
      patientId: appointments.patientId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      needsCall: appointments.needsCall,
      service: services.name,
      location: { name: locations.name, timezone: locations.timezone, online: locations.online },
      practitioner: practitioners.name,
      patient: { firstName: patients.firstName, lastName: patients.lastName, dateOfBirth: patients.dateOfBirth },
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(eq(appointments.id, appointmentId));
  return row ?? null;
}
export type IntakeAppointmentRow = NonNullable<Awaited<ReturnType<typeof loadAppointmentForIntake>>>;

/**
 * Loads the appointment and checks the actor may see its intake. A refusal is audited (who, which
 * patient, when) in its own committed write before Forbidden is thrown, so the record survives the error.
 */
export async function appointmentForIntakeAccess(db: Db, actor: StaffActor, appointmentId: string, action: string): Promise<IntakeAppointmentRow> {
  const appointment = await loadAppointmentForIntake(db, appointmentId);
  if (!appointment) throw new NotFound(INTAKE_NOT_FOUND);
  if (!mayReadIntake(actor, appointment.practitionerId)) {
    await recordAudit(db, actor, {
      action, outcome: "denied", entityType: "appointment", entityId: appointment.id, patientId: appointment.patientId,
      detail: { reason: actor.role === "reception" ? "role" : "not-own-patient" },
    });
    throw new Forbidden(INTAKE_FORBIDDEN);
  }
  return appointment;
}
