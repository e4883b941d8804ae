import "server-only";
import { and, asc, count, eq, inArray, isNull, max, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, intakeResponses } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { loadBoardAppointments } from "./board-appointments";
import type { BoardAppointment } from "./reception-types";
import { FRONT_DESK, requireRole } from "./staff-access";

export interface NeedsCallItem {
  appointment: BoardAppointment;
  /** When the answers that raised the flag were sent (ISO), or null when staff raised it. */
  flaggedAt: string | null;
}

const waiting = and(eq(appointments.needsCall, true), isNull(appointments.calledAt));
const LIMIT = 500;

/**
 * Every patient whose intake asked for a call and who has not been called back, at every location and on every date,
 * the longest waiting first: a red flag for an appointment weeks away must reach a person today. Front desk only;
 * like the calendar it carries the flag and the route, never the answers.
 */
export async function listNeedsCall(db: Db, actor: Actor): Promise<NeedsCallItem[]> {
  await requireRole(db, actor, FRONT_DESK, "appointments.needs-call");
  const flagged = max(intakeResponses.submittedAt);
  const order = await db
    .select({ id: appointments.id, flaggedAt: flagged })
    .from(appointments)
    .leftJoin(
      intakeResponses,
      and(eq(intakeResponses.appointmentId, appointments.id), eq(intakeResponses.needsCall, true)),
    )
    .where(waiting)
    .groupBy(appointments.id)
    .orderBy(sql`${flagged} asc nulls first`, asc(appointments.startsAt))
    .limit(LIMIT);
  if (order.length === 0) return [];
  const rows = new Map(
    (
      await loadBoardAppointments(
        db,
        inArray(
          appointments.id,
          order.map((o) => o.id),
        ),
      )
    ).map((a) => [a.id, a]),
  );
  return order.flatMap((o) => {
    const appointment = rows.get(o.id);
    return appointment ? [{ appointment, flaggedAt: o.flaggedAt ? new Date(o.flaggedAt).toISOString() : null }] : [];
  });
}

/** How many wait for a call, for the count in every staff page's navigation. */
export async function countNeedsCall(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(appointments).where(waiting);
  return row?.n ?? 0;
}
