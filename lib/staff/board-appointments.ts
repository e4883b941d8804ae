import "server-only";
import { and, asc, desc, inArray, type SQL } from "drizzle-orm";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments, intakeResponses, locations, patients, practitioners, services } from "@/db/schema";
import { toOffsetIso } from "@/lib/scheduling/local-time";
import type { BoardAppointment, IntakeState, StaffAppointmentDto } from "./reception-types";

/** Appointments with everything a calendar card shows, ordered by start. Intake: status, route and flag only. */
export async function loadBoardAppointments(
  db: Db | Tx,
  where: SQL | undefined,
  opts: { newestFirst?: boolean; limit?: number } = {},
): Promise<BoardAppointment[]> {
  let q = db
    .select({
      a: {
        id: appointments.id,
        startsAt: appointments.startsAt,
        endsAt: appointments.endsAt,
        status: appointments.status,
        source: appointments.source,
        notes: appointments.notes,
        classId: appointments.classId,
        needsCall: appointments.needsCall,
        calledAt: appointments.calledAt,
        cancelReason: appointments.cancelReason,
        needsMovingSince: appointments.needsMovingSince,
      },
      service: { slug: services.slug, name: services.name },
      location: { slug: locations.slug, name: locations.name, timezone: locations.timezone },
      practitioner: { slug: practitioners.slug, name: practitioners.name },
      patient: { id: patients.id, firstName: patients.firstName, lastName: patients.lastName, phone: patients.phone },
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(where)
    .orderBy(
      opts.newestFirst ? desc(appointments.startsAt) : asc(appointments.startsAt),
      asc(practitioners.slug),
      asc(patients.lastName),
    )
    .$dynamic();
  if (opts.limit) q = q.limit(opts.limit);
  const rows = await q;
  const intake = await loadIntakeStates(
    db,
    rows.map((r) => r.a.id),
  );
  return rows.map((r) => {
    const i = intake.get(r.a.id);
    const tz = r.location.timezone;
    return {
      id: r.a.id,
      start: toOffsetIso(r.a.startsAt, tz),
      end: toOffsetIso(r.a.endsAt, tz),
      status: r.a.status,
      service: r.service.slug,
      location: r.location.slug,
      practitioner: r.practitioner.slug,
      patient: { id: r.patient.id, name: `${r.patient.firstName} ${r.patient.lastName}` },
      // once reception has called the patient back, the flag is cleared for the calendar
      intake: {
        status: i?.status ?? "not-started",
        route: i?.route ?? null,
        needsCall: (r.a.needsCall || (i?.needsCall ?? false)) && !r.a.calledAt,
      },
      serviceName: r.service.name,
      practitionerName: r.practitioner.name,
      locationName: r.location.name,
      patientPhone: r.patient.phone,
      source: r.a.source,
      notes: r.a.notes,
      classId: r.a.classId,
      cancelReason: r.a.cancelReason,
      needsMoving: r.a.needsMovingSince !== null && r.a.status === "booked",
    };
  });
}

interface IntakeState_ {
  status: IntakeState;
  route: string | null;
  needsCall: boolean;
}

/** The newest submitted version wins; a draft alone means "in-progress". */
async function loadIntakeStates(db: Db | Tx, ids: string[]): Promise<Map<string, IntakeState_>> {
  const out = new Map<string, IntakeState_>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      appointmentId: intakeResponses.appointmentId,
      status: intakeResponses.status,
      route: intakeResponses.route,
      needsCall: intakeResponses.needsCall,
    })
    .from(intakeResponses)
    .where(and(inArray(intakeResponses.appointmentId, ids)))
    .orderBy(asc(intakeResponses.appointmentId), desc(intakeResponses.version));
  for (const r of rows) {
    const seen = out.get(r.appointmentId);
    if (!seen)
      out.set(r.appointmentId, {
        status: r.status,
        route: r.status === "completed" ? r.route : null,
        needsCall: r.status === "completed" && r.needsCall,
      });
    else if (seen.status !== "completed" && r.status === "completed")
      out.set(r.appointmentId, { status: "completed", route: r.route, needsCall: r.needsCall });
  }
  return out;
}

/** Narrows a board card to the exact API shape of api.md. */
export function toStaffAppointmentDto(a: BoardAppointment): StaffAppointmentDto {
  return {
    id: a.id,
    start: a.start,
    end: a.end,
    status: a.status,
    service: a.service,
    location: a.location,
    practitioner: a.practitioner,
    patient: a.patient,
    intake: a.intake,
  };
}
