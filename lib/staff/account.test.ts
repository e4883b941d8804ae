// Password change and "my sessions", against a real database.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { auditLog, staffSessions, staffUsers } from "@/db/schema";
import { DomainError, NotFound, ValidationFailed } from "@/lib/errors";
import { hashPassword } from "@/lib/security/password";
import { createTestDb } from "@/lib/testing/test-db";
import type { SessionActor } from "./account-types";
import { changePassword } from "./change-password";
import { endAllMySessions, endMySession } from "./end-my-sessions";
import { listMySessions } from "./list-my-sessions";
import { signIn } from "./sign-in";

const OLD = "an old but decent passphrase";
const NEW = "a brand new harbour passphrase";
let handle: DbHandle;
let db: Db;

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  await db.insert(staffUsers).values({
    email: "rita@test.clinic",
    name: "Rita Reception",
    role: "reception",
    passwordHash: await hashPassword(OLD),
  });
});
afterEach(async () => handle.close());

async function session(ip: string, password = OLD): Promise<SessionActor> {
  const s = await signIn(db, { email: "rita@test.clinic", password }, ip);
  if (!s) throw new Error("sign-in failed");
  return {
    kind: "staff",
    userId: s.id,
    role: s.role,
    practitionerId: null,
    name: s.name,
    sessionId: s.sessionId,
    email: s.email,
  };
}
const fieldsOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? (e.fields ?? e.code) : e),
  );
const actionsOf = async (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action));

describe("changing one's password", () => {
  it("needs the current password, and audits the failure", async () => {
    const me = await session("203.0.113.1");
    expect(
      await fieldsOf(
        changePassword(db, me, { currentPassword: "not my password", newPassword: NEW, confirmPassword: NEW }),
      ),
    ).toEqual({ currentPassword: expect.any(String) });
    expect((await actionsOf("account.password-change")).map((r) => r.outcome)).toEqual(["failed"]);
  });

  it("refuses a short, mismatched or common new password, next to the field", async () => {
    const me = await session("203.0.113.1");
    expect(
      await fieldsOf(changePassword(db, me, { currentPassword: OLD, newPassword: "short", confirmPassword: "short" })),
    ).toHaveProperty("newPassword");
    expect(
      await fieldsOf(changePassword(db, me, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW + "x" })),
    ).toHaveProperty("confirmPassword");
    expect(
      await fieldsOf(
        changePassword(db, me, { currentPassword: OLD, newPassword: "password1234", confirmPassword: "password1234" }),
      ),
    ).toEqual({ newPassword: expect.stringMatching(/common/) });
  });

  it("sets the new password, ends every other session and keeps this one", async () => {
    const other = await session("198.51.100.2");
    const me = await session("203.0.113.1");
    expect(await changePassword(db, me, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW })).toEqual({
      sessionsEnded: 1,
    });
    const [o] = await db.select().from(staffSessions).where(eq(staffSessions.id, other.sessionId));
    const [m] = await db.select().from(staffSessions).where(eq(staffSessions.id, me.sessionId));
    expect(o!.revokedAt).not.toBeNull();
    expect(m!.revokedAt).toBeNull();
    expect(await signIn(db, { email: "rita@test.clinic", password: OLD }, "203.0.113.9")).toBeNull();
    expect(await signIn(db, { email: "rita@test.clinic", password: NEW }, "203.0.113.9")).not.toBeNull();
    expect((await actionsOf("account.password-change")).map((r) => [r.outcome, r.actorUserId])).toEqual([
      ["ok", me.userId],
    ]);
  });
});

describe("my sessions", () => {
  it("lists live sessions with their address, marks this one, and ends one or all", async () => {
    const phone = await session("198.51.100.2");
    const me = await session("203.0.113.1");
    const listed = await listMySessions(db, me);
    expect(listed.map((s) => [s.address, s.current])).toEqual(
      expect.arrayContaining([
        ["198.51.100.2", false],
        ["203.0.113.1", true],
      ]),
    );
    await endMySession(db, me, phone.sessionId);
    expect((await listMySessions(db, me)).map((s) => s.id)).toEqual([me.sessionId]);
    expect(await fieldsOf(endMySession(db, me, phone.sessionId))).toBe("not_found");
    await session("192.0.2.3");
    expect(await endAllMySessions(db, me)).toEqual({ sessionsEnded: 2 });
    expect(
      await db
        .select()
        .from(staffSessions)
        .where(and(eq(staffSessions.userId, me.userId))),
    ).toSatisfy((rows: { revokedAt: Date | null }[]) => rows.every((r) => r.revokedAt));
    expect((await actionsOf("account.session-end")).length).toBe(1);
    expect((await actionsOf("account.sessions-end-all")).length).toBe(1);
  });

  it("cannot end someone else's session", async () => {
    const me = await session("203.0.113.1");
    await db
      .insert(staffUsers)
      .values({ email: "amy@test.clinic", name: "Amy", role: "reception", passwordHash: await hashPassword(OLD) });
    const amy = await signIn(db, { email: "amy@test.clinic", password: OLD }, "203.0.113.4");
    await expect(endMySession(db, me, amy!.sessionId)).rejects.toBeInstanceOf(NotFound);
    await expect(endMySession(db, me, "not-a-uuid")).rejects.toBeInstanceOf(ValidationFailed);
  });
});
