import "server-only";
import type { Db } from "@/db/client";
import { leave } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { addDays, localTimeToMs } from "@/lib/scheduling/local-time";
import { requireRole } from "@/lib/staff/staff-access";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import { inTransaction, reviewNeedsMoving } from "./needs-moving";
import { FALLBACK_ZONE, locationsOf, practitionerBySlug, toLeaveDto, type LeaveDto } from "./working-time-dto";
import { addLeaveSchema } from "./working-time-schemas";

/**
 * Adds a practitioner's leave: two instants, or two dates for whole days in the zone of each location they work at
 * (stored with the dates, and the widest instants across those zones). Bookings it covers are flagged "needs
 * moving" and returned as clashes, never cancelled.
 */
export async function addLeave(
  db: Db,
  actor: Actor,
  practitionerSlug: string,
  rawInput: unknown,
  opts: { now?: Date; dryRun?: boolean } = {},
): Promise<{ leave: LeaveDto; clashes: StaffAppointmentDto[] }> {
  const staff = await requireRole(db, actor, ["admin"], "setup.leave.add");
  const now = opts.now ?? new Date();
  const input = addLeaveSchema.parse(rawInput);
  const p = await practitionerBySlug(db, practitionerSlug);
  const places = await locationsOf(db, p.id);
  const zones = places.length ? [...new Set(places.map((l) => l.timezone))] : [FALLBACK_ZONE];
  const wholeDays = input.start.length === 10;
  const startsAt = wholeDays
    ? new Date(Math.min(...zones.map((z) => localTimeToMs(input.start, "00:00", z))))
    : new Date(input.start);
  const endsAt = wholeDays
    ? new Date(Math.max(...zones.map((z) => localTimeToMs(addDays(input.end, 1), "00:00", z))))
    : new Date(input.end);
  return inTransaction(db, opts.dryRun ?? false, async (tx) => {
    const [row] = await tx
      .insert(leave)
      .values({
        practitionerId: p.id,
        startsAt,
        endsAt,
        startsOn: wholeDays ? input.start : null,
        endsOn: wholeDays ? input.end : null,
        reason: input.reason || "Leave",
      })
      .returning();
    const dto = toLeaveDto(row!, p.slug, zones[0]!);
    await recordAudit(tx, staff, {
      action: "setup.leave.add",
      entityType: "leave",
      entityId: row!.id,
      detail: { practitioner: p.slug, before: null, after: dto },
    });
    const clashes = await reviewNeedsMoving(tx, { practitionerId: p.id, from: startsAt, to: endsAt }, now);
    return { leave: dto, clashes };
  });
}
