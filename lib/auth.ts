import "server-only";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { staffSessions, staffUsers } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { ensurePrivateDirSync } from "@/lib/private-files";
import { Forbidden, RateLimited, Unauthorized } from "@/lib/errors";
import { clientAddress, headersOf } from "@/lib/http/client-address";
import { safeNextPath } from "@/lib/http/safe-redirect";
import type { SessionActor } from "@/lib/staff/account-types";
import type { StaffRole } from "@/lib/staff/schemas";
import { mfaStatus } from "@/lib/staff/mfa-policy";
import { revokeSession, SecondFactorNeeded, signIn } from "@/lib/staff/sign-in";

/** Where a member who must enrol in two-step sign-in is sent, whatever they asked for. */
export const MFA_ENROL_PATH = "/account/mfa";

/** The error `authorize` reports when the password was right and a second factor is needed. */
export const SIGN_IN_NEEDS_CODE = "mfa_required";

/** The error `authorize` reports when sign-in is throttled; the auth route answers it with a 429. */
export const SIGN_IN_THROTTLED = "rate_limited";

export type StaffActor = Extract<Actor, { kind: "staff" }>;

/** AUTH_SECRET, or for the embedded demo a random one kept beside its data. */
function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(env.DATA_DIR, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    ensurePrivateDirSync(env.DATA_DIR);
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

function ipOf(headers: Record<string, unknown> | undefined): string {
  return clientAddress(headersOf(headers), env.TRUSTED_PROXY_HOPS);
}

/** The client's address for the current request (server actions, pages), derived as for sign-in. */
export async function requestAddress(): Promise<string> {
  return ipOf(Object.fromEntries(await headers()));
}

/**
 * Behind https (PUBLIC_BASE_URL), the session and CSRF cookies are `__Host-` (Secure, whole site, this host only) and
 * every cookie is Secure; next-auth would otherwise decide from NEXTAUTH_URL, which this app does not use.
 */
export function sessionCookies(publicBaseUrl: string): Pick<NextAuthOptions, "cookies" | "useSecureCookies"> {
  if (!publicBaseUrl.startsWith("https://")) return { useSecureCookies: false };
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: true };
  return {
    useSecureCookies: true,
    cookies: {
      sessionToken: { name: "__Host-next-auth.session-token", options },
      csrfToken: { name: "__Host-next-auth.csrf-token", options },
      callbackUrl: { name: "__Secure-next-auth.callback-url", options: { ...options, httpOnly: false } },
    },
  };
}

export const authOptions: NextAuthOptions = {
  ...sessionCookies(env.PUBLIC_BASE_URL),
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: env.SESSION_ABSOLUTE_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Code", type: "text" },
      },
      async authorize(credentials, req) {
        let user;
        try {
          user = await signIn(await getDb(), credentials, ipOf(req?.headers));
        } catch (error) {
          if (error instanceof RateLimited) throw new Error(SIGN_IN_THROTTLED);
          if (error instanceof SecondFactorNeeded) throw new Error(SIGN_IN_NEEDS_CODE);
          throw error;
        }
        return user
          ? { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: user.sessionId }
          : null;
      },
    }),
  ],
  callbacks: {
    // Only paths on our own origin, whatever callbackUrl was given.
    async redirect({ url, baseUrl }) {
      return `${baseUrl}${safeNextPath(url, baseUrl) ?? "/"}`;
    },
    async jwt({ token, user }) {
      if (user)
        Object.assign(token, {
          sid: (user as { sessionId?: string }).sessionId,
          role: (user as { role?: string }).role,
        });
      return token;
    },
    async session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined, role: token.role as string | undefined };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(await getDb(), token.sid as string);
    },
  },
};

/** A live session and whether its member must enrol in two-step sign-in before anything else. */
export interface StaffSessionState {
  actor: SessionActor;
  mustEnrolMfa: boolean;
}

/**
 * The signed-in staff member's session, or null. The cookie only names a server-side session, which must be
 * unrevoked, inside the idle and absolute timeouts, and belong to an account that is not disabled.
 */
export async function getStaffSessionState(): Promise<StaffSessionState | null> {
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  if (!session?.sid || !/^[0-9a-f-]{36}$/.test(session.sid)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ s: staffSessions, u: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(and(eq(staffSessions.id, session.sid), isNull(staffSessions.revokedAt), isNull(staffUsers.disabledAt)));
  if (!row) return null;
  const now = Date.now();
  if (
    now - row.s.createdAt.getTime() > env.SESSION_ABSOLUTE_HOURS * 3_600_000 ||
    now - row.s.lastSeenAt.getTime() > env.SESSION_IDLE_MINUTES * 60_000
  ) {
    await revokeSession(db, row.s.id);
    return null;
  }
  // Written at most once a minute: enough for a 30-minute idle timeout without a write per request.
  if (now - row.s.lastSeenAt.getTime() > 60_000)
    await db
      .update(staffSessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(staffSessions.id, row.s.id));
  return {
    // the address goes into every audit row this member's actions write
    actor: {
      kind: "staff",
      userId: row.u.id,
      role: row.u.role,
      practitionerId: row.u.practitionerId,
      name: row.u.name,
      sessionId: row.s.id,
      email: row.u.email,
      ip: await requestAddress(),
    },
    mustEnrolMfa: mfaStatus(env.STAFF_MFA, row.u).mustEnrol,
  };
}

/** The signed-in staff member, or null; also null while they still have to enrol in two-step sign-in. */
export async function getStaffActor(): Promise<SessionActor | null> {
  const state = await getStaffSessionState();
  return state && !state.mustEnrolMfa ? state.actor : null;
}

/** For pages: signed out → /login; wrong role → an audited denial and a 404-style page. */
export async function requireStaffPage(roles: readonly StaffRole[], from: string): Promise<SessionActor> {
  const state = await getStaffSessionState();
  if (!state) redirect(`/login?next=${encodeURIComponent(from)}`);
  if (state.mustEnrolMfa) redirect(MFA_ENROL_PATH);
  const actor = state.actor;
  if (!roles.includes(actor.role)) {
    await recordAudit(await getDb(), actor, {
      action: "access.denied",
      outcome: "denied",
      entityType: "page",
      entityId: from,
    });
    notFound();
  }
  return actor;
}

/** For staff API routes: 401 without a session, 403 (audited) for the wrong role. */
export async function requireStaffApi(roles: readonly StaffRole[], what: string): Promise<SessionActor> {
  const state = await getStaffSessionState();
  if (!state) throw new Unauthorized("Sign in as staff to use this.");
  if (state.mustEnrolMfa) throw new Forbidden(`Set up two-step sign-in first, at ${MFA_ENROL_PATH}.`);
  const actor = state.actor;
  if (!roles.includes(actor.role)) {
    await recordAudit(await getDb(), actor, {
      action: "access.denied",
      outcome: "denied",
      entityType: "api",
      entityId: what,
    });
    throw new Forbidden();
  }
  return actor;
}
