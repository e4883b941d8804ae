import "server-only";
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { practitioners, staffInvitations, staffUsers } from "@/db/schema";
import type { StaffDto, StaffStatus } from "./staff-schemas";

/** An invited account's password hash until the invitation is accepted: argon2 can never match it. */
export const NO_PASSWORD = "!invited";

/** Staff accounts as the admin sees them, by name; `where` narrows to one. */
export async function loadStaff(db: Db | Tx, where?: SQL): Promise<StaffDto[]> {
  const invited = db
    .select({
      userId: staffInvitations.userId,
      any: sql<number>`count(*)`.as("any"),
      expiresAt:
        sql<Date | null>`max(${staffInvitations.expiresAt}) filter (where ${staffInvitations.usedAt} is null and ${staffInvitations.revokedAt} is null)`.as(
          "expires_at",
        ),
    })
    .from(staffInvitations)
    .groupBy(staffInvitations.userId)
    .as("invited");
  const rows = await db
    .select({
      u: staffUsers,
      slug: practitioners.slug,
      practitionerName: practitioners.name,
      invitations: invited.any,
      expiresAt: invited.expiresAt,
    })
    .from(staffUsers)
    .leftJoin(practitioners, eq(practitioners.id, staffUsers.practitionerId))
    .leftJoin(invited, eq(invited.userId, staffUsers.id))
    .where(where)
    .orderBy(asc(staffUsers.name), asc(staffUsers.email));
  return rows.map(({ u, slug, practitionerName, invitations, expiresAt }) => {
    // invited: made by invitation and no password of their own yet (accepting or a reset link sets one)
    const status: StaffStatus = u.disabledAt
      ? "deactivated"
      : invitations && u.passwordChangedAt === null
        ? "invited"
        : "active";
    const expires = expiresAt ? new Date(expiresAt) : null;
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      practitioner: slug ?? null,
      practitionerName: practitionerName ?? null,
      status,
      lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
      invitationExpiresAt: status === "invited" && expires ? expires.toISOString() : null,
      createdAt: u.createdAt.toISOString(),
    };
  });
}

export async function loadOneStaff(db: Db | Tx, id: string): Promise<StaffDto | undefined> {
  return (await loadStaff(db, eq(staffUsers.id, id)))[0];
}

/**
 * Serialises changes to staff accounts (a transaction-scoped advisory lock), so two admins removing each other cannot
 * both pass the "last active admin" check; taken first, before any row lock, so it cannot deadlock.
 */
export async function lockStaffChanges(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('staff-accounts'))`);
}

export async function countActiveAdmins(tx: Tx): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, "admin"), isNull(staffUsers.disabledAt)));
  return row?.n ?? 0;
}
