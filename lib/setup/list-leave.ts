import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { leave } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/staff/staff-access";
import { practitionerBySlug, toLeaveDto, type LeaveDto, zoneOf } from "./working-time-dto";

/** A practitioner's leave that has not ended yet, soonest first. */
export async function listLeave(
  db: Db,
  actor: Actor,
  practitionerSlug: string,
  now = new Date(),
): Promise<{ leave: LeaveDto[] }> {
  await requireRole(db, actor, ["admin"], "setup.leave.list");
  const p = await practitionerBySlug(db, practitionerSlug);
  const zone = await zoneOf(db, p.id);
  const rows = await db
    .select()
    .from(leave)
    .where(and(eq(leave.practitionerId, p.id), gt(leave.endsAt, now)))
    .orderBy(asc(leave.startsAt));
  return { leave: rows.map((r) => toLeaveDto(r, p.slug, zone)) };
}
