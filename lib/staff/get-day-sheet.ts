import "server-only";
import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, locations, practitionerLocations, practitioners } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { Forbidden, NotFound } from "@/lib/errors";
import { loadBoardAppointments } from "./board-appointments";
import { daySheetQuerySchema } from "./reception-schemas";
import type { BoardAppointment, DaySheet, DaySheetRow } from "./reception-types";
import { ANY_STAFF, FRONT_DESK, requireRole } from "./staff-access";
import { dayBounds } from "./working-time";

/**
 * The printed day sheet: every appointment of one local day at a location (reception and admins), or of one
 * practitioner across their locations (a practitioner: their own only). Cancelled ones included, marked so.
 */
export async function getDaySheet(db: Db, actor: Actor, input: unknown): Promise<DaySheet> {
  const q = daySheetQuerySchema.parse(input);
  if (q.location) {
    await requireRole(db, actor, FRONT_DESK, "calendar.day-sheet");
    const [loc] = await db.select().from(locations).where(eq(locations.slug, q.location));
    if (!loc) throw new NotFound("There is no location with that name.");
    const { start, end } = dayBounds(q.date, loc.timezone);
    const booked = await loadBoardAppointments(
      db,
      and(eq(appointments.locationId, loc.id), gte(appointments.startsAt, start), lt(appointments.startsAt, end)),
    );
    return { kind: "location", title: loc.name, date: q.date, timezone: loc.timezone, rows: booked.map(toRow) };
  }
  const staff = await requireRole(db, actor, ANY_STAFF, "calendar.day-sheet");
  const [p] = await db.select().from(practitioners).where(eq(practitioners.slug, q.practitioner!));
  if (!p) throw new NotFound("There is no practitioner with that name.");
  if (staff.role === "practitioner" && staff.practitionerId !== p.id)
    throw new Forbidden("You can only print your own day.");
  // the practitioner's day in the zone of their first location, as their week view draws it
  const [home] = await db
    .select({ timezone: locations.timezone })
    .from(locations)
    .innerJoin(
      practitionerLocations,
      and(eq(practitionerLocations.locationId, locations.id), eq(practitionerLocations.practitionerId, p.id)),
    )
    .orderBy(asc(locations.name))
    .limit(1);
  const timezone = home?.timezone ?? "Australia/Sydney";
  const { start, end } = dayBounds(q.date, timezone);
  const booked = await loadBoardAppointments(
    db,
    and(eq(appointments.practitionerId, p.id), gte(appointments.startsAt, start), lt(appointments.startsAt, end)),
  );
  return { kind: "practitioner", title: p.name, date: q.date, timezone, rows: booked.map(toRow) };
}

function toRow(a: BoardAppointment): DaySheetRow {
  return {
    id: a.id,
    start: a.start,
    end: a.end,
    patientName: a.patient.name,
    patientPhone: a.patientPhone,
    serviceName: a.serviceName,
    practitionerName: a.practitionerName,
    locationName: a.locationName,
    status: a.status,
    needsCall: a.intake.needsCall,
  };
}
