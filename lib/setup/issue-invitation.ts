import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { staffInvitations } from "@/db/schema";
import { enqueueStaffInvitationEmail, type EnqueueOptions } from "@/lib/notifications/enqueue";
import { hashToken, newToken } from "@/lib/security/tokens";
import { readClinicIdentity } from "./clinic-identity";
import { INVITATION_HOURS } from "./staff-schemas";

/**
 * Stores a new single-use invitation for the account (any earlier one stops working) and queues its email, in the
 * caller's transaction. Only the token's hash is kept; the link exists only in the sealed email job.
 */
export async function issueInvitation(
  tx: Db | Tx,
  user: { id: string; email: string; name: string },
  invitedBy: string | null,
  opts: EnqueueOptions = {},
): Promise<{ expiresAt: Date }> {
  const now = opts.now ?? new Date();
  await tx
    .update(staffInvitations)
    .set({ revokedAt: now })
    .where(
      and(eq(staffInvitations.userId, user.id), isNull(staffInvitations.usedAt), isNull(staffInvitations.revokedAt)),
    );
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_HOURS * 3_600_000);
  await tx.insert(staffInvitations).values({ userId: user.id, tokenHash: hashToken(token), expiresAt, invitedBy });
  const inviteUrl = new URL(`/login/invite/${token}`, (await readClinicIdentity(tx)).publicBaseUrl).toString();
  await enqueueStaffInvitationEmail(tx, { email: user.email, name: user.name, inviteUrl }, opts);
  return { expiresAt };
}
