import "server-only";
import { and, eq, gt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, staffSessions, staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { RateLimited } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { hashPassword, verifyPassword } from "@/lib/security/password";
import { type MfaMode, mfaStatus } from "./mfa-policy";
import { signInSchema, type StaffRole } from "./schemas";
import { checkSecondFactor } from "./second-factor";

/** The password was right, and this account also needs a code from its authenticator app (or a recovery code). */
export class SecondFactorNeeded extends Error {
  override name = "SecondFactorNeeded";
}

export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed sign-ins a minute from one client address before it waits (SIGN_IN_FAILURES_PER_ADDRESS, 30 by default). */
export const MAX_FAILURES_PER_ADDRESS = env.SIGN_IN_FAILURES_PER_ADDRESS;
// Attempts (right or wrong) per account per minute (SIGN_IN_ATTEMPTS_PER_ACCOUNT, 10 by default), counted atomically
// before the password is checked: the failure counts come from the audit log and so cannot stop guesses sent in parallel.
export const MAX_ATTEMPTS_PER_ACCOUNT = env.SIGN_IN_ATTEMPTS_PER_ACCOUNT;
const THROTTLED = "Too many attempts. Wait a minute, then try again.";

// Hashed once so that an unknown email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export interface SignedIn {
  id: string;
  sessionId: string;
  email: string;
  name: string;
  role: StaffRole;
}

/** Failed sign-ins in the last minute for this account and this address, counted from the audit log. */
export async function recentFailures(db: Db, email: string, ip: string): Promise<{ account: number; address: number }> {
  const since = new Date(Date.now() - 60_000);
  const [row] = await db
    .select({
      account: sql<number>`count(*) filter (where ${auditLog.actorLabel} = ${email})`.mapWith(Number),
      address: sql<number>`count(*) filter (where ${auditLog.ip} = ${ip})`.mapWith(Number),
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "auth.sign-in"),
        eq(auditLog.outcome, "failed"),
        gt(auditLog.at, since),
        or(eq(auditLog.actorLabel, email), eq(auditLog.ip, ip)),
      ),
    );
  return { account: row?.account ?? 0, address: row?.address ?? 0 };
}

/**
 * Throws RateLimited when this account or address has failed too often in the last minute, or this account has had
 * too many attempts. Called by every verb that checks a secret (password, MFA code), whatever the request looked like.
 */
export async function assertSignInAllowed(
  db: Db,
  email: string,
  ip: string,
): Promise<{ account: number; address: number }> {
  const failures = await recentFailures(db, email, ip);
  if (failures.account >= MAX_FAILURES_PER_ACCOUNT || failures.address >= MAX_FAILURES_PER_ADDRESS)
    throw new RateLimited(60, THROTTLED);
  // counted only past the address check, so a throttled address cannot use up an account's attempts
  await enforceRateLimit(db, `sign-in:account:${email}`, MAX_ATTEMPTS_PER_ACCOUNT, 60, THROTTLED);
  return failures;
}

/**
 * Checks a staff password; each failure is audited and slows the next attempt for that account. Throws RateLimited
 * (before looking at the password) when the account or address is throttled.
 */
export async function signIn(
  db: Db,
  raw: unknown,
  ip: string,
  opts: { mfaMode?: MfaMode } = {},
): Promise<SignedIn | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password, code } = parsed.data;
  const failures = await assertSignInAllowed(db, email, ip);
  await new Promise((r) => setTimeout(r, Math.min(failures.account, 5) * 200));
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  dummyHash ??= hashPassword("no-such-account-placeholder");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  const fail = async (reason: string) => {
    await db.insert(auditLog).values({
      actorKind: "anonymous",
      actorLabel: email,
      actorUserId: user?.id ?? null,
      action: "auth.sign-in",
      outcome: "failed",
      ip,
      detail: { reason },
    });
    return null;
  };
  if (!user || !ok || user.disabledAt) return fail(user?.disabledAt ? "disabled" : "credentials");
  let secondFactor: "totp" | "recovery" | undefined;
  if (mfaStatus(opts.mfaMode ?? env.STAFF_MFA, user).challenge) {
    if (!code) throw new SecondFactorNeeded();
    // a wrong code counts as a failed sign-in, so code guesses are throttled like passwords
    secondFactor = (await checkSecondFactor(db, user, code)) ?? undefined;
    if (!secondFactor) return fail("second-factor");
  }
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(staffSessions)
      .values({ userId: user.id, ip })
      .returning({ id: staffSessions.id });
    await tx.update(staffUsers).set({ lastSignInAt: new Date() }).where(eq(staffUsers.id, user.id));
    await recordAudit(
      tx,
      { kind: "staff", userId: user.id, role: user.role, practitionerId: user.practitionerId, name: user.name, ip },
      {
        action: "auth.sign-in",
        entityType: "staff_user",
        entityId: user.id,
        ...(secondFactor ? { detail: { secondFactor } } : {}),
      },
    );
    return { id: user.id, sessionId: session!.id, email: user.email, name: user.name, role: user.role };
  });
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.update(staffSessions).set({ revokedAt: new Date() }).where(eq(staffSessions.id, sessionId));
}
