import "server-only";
import { and, count, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { loadBoardAppointments } from "./board-appointments";
import type { BoardAppointment } from "./reception-types";
import { FRONT_DESK, requireRole } from "./staff-access";

// Matches the partial index appointments_needs_moving_idx, so the count on every calendar load reads a handful of rows.
const waiting = and(isNotNull(appointments.needsMovingSince), eq(appointments.status, "booked"));

/**
 * Every booking a clinic setup change (roster, leave, closure, holiday) left outside working time, soonest first, at
 * every location, until each is moved or cancelled. Front desk only.
 */
export async function listNeedsMoving(db: Db, actor: Actor): Promise<BoardAppointment[]> {
  await requireRole(db, actor, FRONT_DESK, "appointments.needs-moving");
  return loadBoardAppointments(db, waiting, { limit: 500 });
}

/** How many bookings need moving, for the notice on reception's calendar. */
export async function countNeedsMoving(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(appointments).where(waiting);
  return row?.n ?? 0;
}
