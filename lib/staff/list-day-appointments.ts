import "server-only";
import { and, eq, gte, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, locations } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { loadBoardAppointments, toStaffAppointmentDto } from "./board-appointments";
import { dayQuerySchema } from "./reception-schemas";
import type { StaffAppointmentDto } from "./reception-types";
import { ANY_STAFF, ownPractitionerOnly, requireRole } from "./staff-access";
import { dayBounds } from "./working-time";

/** Every appointment at a location on one local day (cancelled included); a practitioner sees only their own. */
export async function listDayAppointments(
  db: Db,
  actor: Actor,
  input: unknown,
): Promise<{ appointments: StaffAppointmentDto[] }> {
  const staff = await requireRole(db, actor, ANY_STAFF, "appointments.day");
  const q = dayQuerySchema.parse(input);
  const [loc] = await db
    .select({ id: locations.id, timezone: locations.timezone })
    .from(locations)
    .where(eq(locations.slug, q.location));
  if (!loc) throw new NotFound("There is no location with that name.");
  const { start, end } = dayBounds(q.date, loc.timezone);
  const own = ownPractitionerOnly(staff);
  const rows = await loadBoardAppointments(
    db,
    and(
      eq(appointments.locationId, loc.id),
      gte(appointments.startsAt, start),
      lt(appointments.startsAt, end),
      // a practitioner account always has a practitioner; "" matches nobody, should one ever lack it
      staff.role === "practitioner"
        ? eq(appointments.practitionerId, own ?? "00000000-0000-0000-0000-000000000000")
        : undefined,
    ),
  );
  return { appointments: rows.map(toStaffAppointmentDto) };
}
