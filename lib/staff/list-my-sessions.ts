import "server-only";
import { desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffSessions } from "@/db/schema";
import type { SessionActor } from "./account-types";
import { liveSessionsOf } from "./staff-sessions";

export interface MySession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  address: string | null;
  current: boolean;
}

/** The signed-in member's live sessions, newest first, this one marked. */
export async function listMySessions(db: Db, actor: SessionActor): Promise<MySession[]> {
  const rows = await db
    .select()
    .from(staffSessions)
    .where(liveSessionsOf(actor.userId))
    .orderBy(desc(staffSessions.lastSeenAt));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    address: r.ip,
    current: r.id === actor.sessionId,
  }));
}
