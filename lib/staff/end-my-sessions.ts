import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffSessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { sessionIdSchema } from "./account-schemas";
import type { SessionActor } from "./account-types";
import { revokeSessionsOf } from "./staff-sessions";

/** Signs out one of the member's own sessions (another device); someone else's is "not found". */
export async function endMySession(db: Db, actor: SessionActor, rawId: unknown): Promise<void> {
  const id = sessionIdSchema.safeParse(rawId);
  if (!id.success) throw new ValidationFailed({ sessionId: "Choose a session" });
  await db.transaction(async (tx) => {
    const ended = await tx
      .update(staffSessions)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(staffSessions.id, id.data), eq(staffSessions.userId, actor.userId), isNull(staffSessions.revokedAt)),
      )
      .returning({ id: staffSessions.id });
    if (ended.length === 0) throw new NotFound("That session has already ended.");
    await recordAudit(tx, actor, { action: "account.session-end", entityType: "staff_session", entityId: id.data });
  });
}

/** "Sign out everywhere": every session of the member, this one included. */
export async function endAllMySessions(db: Db, actor: SessionActor): Promise<{ sessionsEnded: number }> {
  return db.transaction(async (tx) => {
    const sessionsEnded = await revokeSessionsOf(tx, actor.userId);
    await recordAudit(tx, actor, {
      action: "account.sessions-end-all",
      entityType: "staff_user",
      entityId: actor.userId,
      detail: { sessionsEnded },
    });
    return { sessionsEnded };
  });
}
