import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffRecoveryCodes, staffUsers } from "@/db/schema";
import type { SessionActor } from "./account-types";

export interface MfaSummary {
  enabledAt: string | null;
  recoveryCodesLeft: number;
}

/** Whether the member has two-step sign-in on, and how many recovery codes they have left. */
export async function getMfaSummary(db: Db, actor: SessionActor): Promise<MfaSummary> {
  const [user] = await db
    .select({ enabledAt: staffUsers.mfaEnabledAt })
    .from(staffUsers)
    .where(eq(staffUsers.id, actor.userId));
  const [codes] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.userId, actor.userId), isNull(staffRecoveryCodes.usedAt)));
  return {
    enabledAt: user?.enabledAt?.toISOString() ?? null,
    recoveryCodesLeft: user?.enabledAt ? (codes?.n ?? 0) : 0,
  };
}
