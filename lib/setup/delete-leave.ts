import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { leave, practitioners } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { publishBookingEvents } from "@/lib/scheduling/booking-events";
import { leaveSpanIn } from "@/lib/scheduling/leave-span";
import { requireRole } from "@/lib/staff/staff-access";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import { inTransaction, reviewNeedsMoving } from "./needs-moving";
import { locationsOf, toLeaveDto, type LeaveDto, zoneOf } from "./working-time-dto";
import { idSchema } from "./working-time-schemas";

/** Removes leave; the time it held is working time again (the wait list hears of it), flags it raised clear. */
export async function deleteLeave(
  db: Db,
  actor: Actor,
  id: string,
  opts: { now?: Date } = {},
): Promise<{ leave: LeaveDto; clashes: StaffAppointmentDto[] }> {
  const staff = await requireRole(db, actor, ["admin"], "setup.leave.delete");
  const now = opts.now ?? new Date();
  if (!idSchema.safeParse(id).success) throw new NotFound("There is no such leave.");
  return inTransaction(db, false, async (tx) => {
    const [found] = await tx
      .select({ l: leave, slug: practitioners.slug })
      .from(leave)
      .innerJoin(practitioners, eq(practitioners.id, leave.practitionerId))
      .where(eq(leave.id, id))
      .for("update");
    if (!found) throw new NotFound("There is no such leave.");
    const { l } = found;
    const dto = toLeaveDto(l, found.slug, await zoneOf(tx, l.practitionerId));
    await tx.delete(leave).where(eq(leave.id, id));
    await recordAudit(tx, staff, {
      action: "setup.leave.delete",
      entityType: "leave",
      entityId: id,
      detail: { practitioner: found.slug, before: dto, after: null },
    });
    const clashes = await reviewNeedsMoving(
      tx,
      { practitionerId: l.practitionerId, from: l.startsAt, to: l.endsAt },
      now,
    );
    const places = await locationsOf(tx, l.practitionerId);
    await publishBookingEvents(
      tx,
      places.map((place) => {
        const span = leaveSpanIn(
          { start: l.startsAt, end: l.endsAt, startsOn: l.startsOn, endsOn: l.endsOn },
          place.timezone,
        );
        return { kind: "time-freed" as const, locationId: place.id, practitionerId: l.practitionerId, ...span, now };
      }),
    );
    return { leave: dto, clashes };
  });
}
