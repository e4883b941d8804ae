import "server-only";
import { and, asc, desc, eq, gte, inArray, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { appointments, intakeResponses, locations, patients, services } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth";
import { Forbidden } from "@/lib/errors";
import { FLAG_TIERS, type FlagTier } from "@/lib/intake/red-flags";
import { CLINIC_ZONE, myAppointmentsRangeSchema } from "./practice-schemas";
import type { AppointmentStatus } from "@/db/schema/types";

export type IntakeState = "not-started" | "in-progress" | "completed";

export interface MyAppointment {
  id: string;
  /** YYYY-MM-DD in the location's zone. */
  date: string;
  start: string;
  end: string;
  status: AppointmentStatus;
  service: string;
  location: { slug: string; name: string; online: boolean; timezone: string };
  groupClass: boolean;
  patient: { id: string; name: string };
  needsCall: boolean;
  intake: {
    status: IntakeState;
    route: string | null;
    /** How many flags the last sent version raised, and the most serious tier; no codes or answers here. */
    flagCount: number;
    topTier: FlagTier | null;
    reviewed: boolean;
  };
}

interface IntakeRow {
  appointmentId: string;
  status: "in-progress" | "completed";
  route: string | null;
  summary: unknown;
  reviewedAt: Date | null;
}

function flagTiers(summary: unknown): FlagTier[] {
  const flags = (summary as { flags?: { tier?: unknown }[] } | null)?.flags;
  if (!Array.isArray(flags)) return [];
  return flags.map((f) => f.tier).filter((t): t is FlagTier => FLAG_TIERS.includes(t as FlagTier));
}

/** Rows arrive newest version first; the list shows the last sent version, or the draft when none was sent. */
function intakeFor(rows: IntakeRow[]): MyAppointment["intake"] {
  const sent = rows.find((r) => r.status === "completed");
  if (!sent)
    return {
      status: rows.length ? "in-progress" : "not-started",
      route: null,
      flagCount: 0,
      topTier: null,
      reviewed: false,
    };
  const tiers = flagTiers(sent.summary);
  const topTier = FLAG_TIERS.find((t) => tiers.includes(t)) ?? null;
  return {
    status: "completed",
    route: sent.route,
    flagCount: tiers.length,
    topTier,
    reviewed: sent.reviewedAt !== null,
  };
}

/** A practitioner's own appointments across all their locations, from..to inclusive (clinic dates). */
export async function listMyAppointments(
  db: Db,
  actor: StaffActor,
  rawRange: unknown,
): Promise<{ from: string; to: string; appointments: MyAppointment[] }> {
  if (actor.role !== "practitioner" || !actor.practitionerId) {
    await recordAudit(db, actor, {
      action: "appointments.list-mine",
      outcome: "denied",
      entityType: "api",
      entityId: "my-appointments",
    });
    throw new Forbidden("Only practitioners have their own day and week.");
  }
  const range = myAppointmentsRangeSchema.parse(rawRange);
  const start = DateTime.fromISO(range.from, { zone: CLINIC_ZONE }).startOf("day").toJSDate();
  const end = DateTime.fromISO(range.to, { zone: CLINIC_ZONE }).plus({ days: 1 }).startOf("day").toJSDate();

  const rows = await db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      classId: appointments.classId,
      needsCall: appointments.needsCall,
      service: services.name,
      location: { slug: locations.slug, name: locations.name, online: locations.online, timezone: locations.timezone },
      patient: { id: patients.id, firstName: patients.firstName, lastName: patients.lastName },
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(
      and(
        eq(appointments.practitionerId, actor.practitionerId),
        gte(appointments.startsAt, start),
        lt(appointments.startsAt, end),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(patients.lastName));

  const ids = rows.map((r) => r.id);
  const intakeRows: IntakeRow[] = ids.length
    ? await db
        .select({
          appointmentId: intakeResponses.appointmentId,
          status: intakeResponses.status,
          route: intakeResponses.route,
          summary: intakeResponses.summary,
          reviewedAt: intakeResponses.reviewedAt,
        })
        .from(intakeResponses)
        .where(inArray(intakeResponses.appointmentId, ids))
        .orderBy(desc(intakeResponses.version))
    : [];
  const byAppointment = new Map<string, IntakeRow[]>();
  for (const r of intakeRows) byAppointment.set(r.appointmentId, [...(byAppointment.get(r.appointmentId) ?? []), r]);

  return {
    from: range.from,
    to: range.to,
    appointments: rows.map((r) => ({
      id: r.id,
      date: DateTime.fromJSDate(r.startsAt, { zone: r.location.timezone }).toISODate()!,
      start: r.startsAt.toISOString(),
      end: r.endsAt.toISOString(),
      status: r.status,
      service: r.service,
      location: r.location,
      groupClass: r.classId !== null,
      patient: { id: r.patient.id, name: `${r.patient.firstName} ${r.patient.lastName}` },
      needsCall: r.needsCall,
      intake: intakeFor(byAppointment.get(r.id) ?? []),
    })),
  };
}
