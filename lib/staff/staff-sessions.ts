import "server-only";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { staffSessions } from "@/db/schema";
import { env } from "@/lib/env";

/** Sessions of a user that would still be accepted: not revoked, inside the idle and absolute timeouts. */
export function liveSessionsOf(userId: string, now = new Date()) {
  return and(
    eq(staffSessions.userId, userId),
    isNull(staffSessions.revokedAt),
    gt(staffSessions.lastSeenAt, new Date(now.getTime() - env.SESSION_IDLE_MINUTES * 60_000)),
    gt(staffSessions.createdAt, new Date(now.getTime() - env.SESSION_ABSOLUTE_HOURS * 3_600_000)),
  );
}

/** Revokes every unrevoked session of a user (but `except`); returns how many were live. */
export async function revokeSessionsOf(db: Db | Tx, userId: string, except?: string): Promise<number> {
  const live = liveSessionsOf(userId);
  const [count] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(staffSessions)
    .where(except ? and(live, ne(staffSessions.id, except)) : live);
  const open = and(eq(staffSessions.userId, userId), isNull(staffSessions.revokedAt));
  await db
    .update(staffSessions)
    .set({ revokedAt: new Date() })
    .where(except ? and(open, ne(staffSessions.id, except)) : open);
  return count?.n ?? 0;
}
