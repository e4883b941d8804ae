import "server-only";
import type { Db, Tx } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth";
import { Forbidden, NotFound } from "@/lib/errors";
import { loadBookingDetail } from "@/lib/scheduling/booking-dto";
import { UUID_SHAPE } from "./reception-schemas";

export const INTAKE_NOT_FOUND = "We could not find that appointment.";
export const INTAKE_FORBIDDEN = "Only the appointment's practitioner and clinic managers can open this intake.";

/** Clinical detail is for the treating practitioner and admins; reception sees only status, route and "needs a call". */
export function mayReadIntake(actor: StaffActor, appointmentPractitionerId: string): boolean {
  return (
    actor.role === "admin" || (actor.role === "practitioner" && actor.practitionerId === appointmentPractitionerId)
  );
}

/** The appointment with what the intake screen's header needs; null for an unknown or malformed id. */
export async function loadAppointmentForIntake(db: Db | Tx, appointmentId: string) {
  if (!UUID_SHAPE.test(appointmentId)) return null;
  const detail = await loadBookingDetail(db, appointmentId);
  if (!detail) return null;
  const { a, location } = detail;
  return {
    id: a.id,
    practitionerId: a.practitionerId,
    patientId: a.patientId,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    status: a.status,
    needsCall: a.needsCall,
    service: detail.service.name,
    location: { name: location.name, timezone: location.timezone, online: location.online },
    practitioner: detail.practitioner.name,
    patient: {
      firstName: detail.patient.firstName,
      lastName: detail.patient.lastName,
      dateOfBirth: detail.patient.dateOfBirth,
    },
  };
}
export type IntakeAppointmentRow = NonNullable<Awaited<ReturnType<typeof loadAppointmentForIntake>>>;

/**
 * Loads the appointment and checks the actor may see its intake. A refusal is audited (who, which
 * patient, when) in its own committed write before Forbidden is thrown, so the record survives the error.
 */
export async function appointmentForIntakeAccess(
  db: Db,
  actor: StaffActor,
  appointmentId: string,
  action: string,
): Promise<IntakeAppointmentRow> {
  const appointment = await loadAppointmentForIntake(db, appointmentId);
  if (!appointment) throw new NotFound(INTAKE_NOT_FOUND);
  if (!mayReadIntake(actor, appointment.practitionerId)) {
    await recordAudit(db, actor, {
      action,
      outcome: "denied",
      entityType: "appointment",
      entityId: appointment.id,
      patientId: appointment.patientId,
      detail: { reason: actor.role === "reception" ? "role" : "not-own-patient" },
    });
    throw new Forbidden(INTAKE_FORBIDDEN);
  }
  return appointment;
}
