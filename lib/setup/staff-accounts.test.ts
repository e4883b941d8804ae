// Staff accounts end to end against a real database: invitation by email (through a real SMTP server), its single use
// and 72-hour life, the password rules, role changes and deactivation with the "last admin" and "not yourself" guards.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, practitioners, staffInvitations, staffSessions, staffUsers } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { createHarness, type Harness } from "@/lib/notifications/testing/harness";
import { hashPassword } from "@/lib/security/password";
import { signIn } from "@/lib/staff/sign-in";
import { acceptInvitation, invitationFor } from "./accept-invitation";
import { inviteStaff } from "./invite-staff";
import { listStaff } from "./list-staff";
import { resendStaffInvitation } from "./resend-staff-invitation";
import { sendStaffPasswordReset } from "./send-staff-password-reset";
import { updateStaff } from "./update-staff";

const PASSWORD = "seven kites over the harbour";
const IP = "203.0.113.9";
let h: Harness;
let admin: Actor & { kind: "staff" };
let reception: Actor & { kind: "staff" };

async function account(email: string, role: "admin" | "reception", password = PASSWORD) {
  const [u] = await h.db
    .insert(staffUsers)
    .values({ email, name: email.split("@")[0]!, role, passwordHash: await hashPassword(password) })
    .returning();
  return { kind: "staff" as const, userId: u!.id, role, practitionerId: null, name: u!.name, ip: IP };
}

beforeEach(async () => {
  h = await createHarness();
  admin = await account("ada@test.clinic", "admin");
  reception = await account("rita@test.clinic", "reception");
});
afterEach(async () => h.close());

/** The token of the n-th email sent so far, read from its link. */
async function emailedLink(n: number, path = "invite"): Promise<string> {
  if (h.workers.length === 0) await h.startWorker();
  const mails = await h.sink.waitFor(n);
  const text = mails[n - 1]!.text ?? "";
  const match = new RegExp(`https?://\\S+/login/${path}/([A-Za-z0-9_-]{43})`).exec(text);
  expect(match, text).not.toBeNull();
  return match![1]!;
}

const invite = (over: Record<string, unknown> = {}, opts = {}) =>
  inviteStaff(
    h.db,
    admin,
    { email: "Amy@Test.Clinic", name: "Amy Adams", role: "practitioner", practitioner: "amy", ...over },
    opts,
  );

async function fieldsOf(p: Promise<unknown>): Promise<Record<string, string>> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationFailed);
  return (error as ValidationFailed).fields!;
}

describe("inviting staff", () => {
  it("creates an invited practitioner account, emails a single-use link stored only as a hash, and audits it", async () => {
    const { staff } = await invite();
    expect(staff).toMatchObject({
      email: "amy@test.clinic",
      role: "practitioner",
      practitioner: "amy",
      status: "invited",
      lastSignInAt: null,
    });
    // no usable password until the invitation is accepted
    expect(await signIn(h.db, { email: "amy@test.clinic", password: "!invited" }, IP)).toBeNull();
    const token = await emailedLink(1);
    const [stored] = await h.db.select().from(staffInvitations);
    expect(stored!.tokenHash).not.toContain(token);
    expect(await invitationFor(h.db, token)).toEqual({ name: "Amy Adams", email: "amy@test.clinic" });
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.action, "staff.invite"));
    expect(audit).toMatchObject({ actorUserId: admin.userId, entityId: staff.id });
    expect(audit!.detail).toMatchObject({ before: null, after: { role: "practitioner", practitioner: "amy" } });

    await acceptInvitation(h.db, token, { newPassword: PASSWORD, confirmPassword: PASSWORD }, IP);
    expect(await signIn(h.db, { email: "amy@test.clinic", password: PASSWORD }, IP)).not.toBeNull();
    const after = (await listStaff(h.db, admin)).staff.find((s) => s.id === staff.id)!;
    expect(after.status).toBe("active");
    expect(after.lastSignInAt).not.toBeNull();
    // single use
    await expect(
      acceptInvitation(h.db, token, { newPassword: "another fine phrase", confirmPassword: "another fine phrase" }, IP),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await invitationFor(h.db, token)).toBeNull();
  });

  it("refuses an 11-character password and a common one, with the message on the field", async () => {
    await invite();
    const token = await emailedLink(1);
    expect(
      await fieldsOf(acceptInvitation(h.db, token, { newPassword: "abcdefghijk", confirmPassword: "abcdefghijk" }, IP)),
    ).toEqual({ newPassword: "Use at least 12 characters" });
    expect(
      (
        await fieldsOf(
          acceptInvitation(h.db, token, { newPassword: "password1234", confirmPassword: "password1234" }, IP),
        )
      ).newPassword,
    ).toMatch(/too common/);
    expect(
      (
        await fieldsOf(
          acceptInvitation(h.db, token, { newPassword: "iloveyou2026!", confirmPassword: "iloveyou2026!" }, IP),
        )
      ).newPassword,
    ).toMatch(/too common/);
    // still usable after refusals
    expect(await invitationFor(h.db, token)).not.toBeNull();
  });

  it("expires 72 hours after it was sent (injected clock)", async () => {
    const sent = new Date("2026-12-01T09:00:00Z");
    await invite({}, { now: sent });
    await invite({ email: "bob@test.clinic", name: "Bob Brown", practitioner: "bob" }, { now: sent });
    const first = await emailedLink(1);
    const second = await emailedLink(2);
    const justBefore = new Date(sent.getTime() + 72 * 3_600_000 - 60_000);
    const atExpiry = new Date(sent.getTime() + 72 * 3_600_000);
    expect(await invitationFor(h.db, first, justBefore)).not.toBeNull();
    expect(await invitationFor(h.db, first, atExpiry)).toBeNull();
    await expect(
      acceptInvitation(h.db, first, { newPassword: PASSWORD, confirmPassword: PASSWORD }, IP, atExpiry),
    ).rejects.toBeInstanceOf(NotFound);
    await acceptInvitation(h.db, second, { newPassword: PASSWORD, confirmPassword: PASSWORD }, IP, justBefore);
  });

  it("a resent invitation replaces the earlier link", async () => {
    const { staff } = await invite();
    const old = await emailedLink(1);
    await resendStaffInvitation(h.db, admin, staff.id);
    const fresh = await emailedLink(2);
    expect(await invitationFor(h.db, old)).toBeNull();
    expect(await invitationFor(h.db, fresh)).not.toBeNull();
    await expect(resendStaffInvitation(h.db, admin, admin.userId)).rejects.toBeInstanceOf(Conflict);
  });

  it("answers 422 with the field for each kind of bad input", async () => {
    expect(Object.keys(await fieldsOf(inviteStaff(h.db, admin, {})))).toEqual(
      expect.arrayContaining(["email", "name", "role"]),
    );
    expect(await fieldsOf(invite({ practitioner: undefined }))).toEqual({ practitioner: expect.any(String) });
    expect(await fieldsOf(invite({ role: "reception" }))).toEqual({ practitioner: expect.any(String) });
    expect(await fieldsOf(invite({ role: "owner" }))).toHaveProperty("role");
    expect(await fieldsOf(invite({ email: "not an email" }))).toHaveProperty("email");
    expect(await fieldsOf(invite({ name: "Amy <script>" }))).toHaveProperty("name");
    expect(await fieldsOf(invite({ practitioner: "nobody-here" }))).toEqual({
      practitioner: "There is no practitioner with this identifier",
    });
    expect(await fieldsOf(invite({ email: "RITA@test.clinic", role: "reception", practitioner: undefined }))).toEqual({
      email: "There is already a staff account with this email",
    });
    await invite();
    expect(await fieldsOf(invite({ email: "amy2@test.clinic" }))).toEqual({
      practitioner: "This practitioner already has a staff account",
    });
    expect(await h.db.select().from(staffUsers)).toHaveLength(3);
  });

  it("is for admins only: reception and practitioners are refused, and the refusal audited", async () => {
    await expect(inviteStaff(h.db, reception, { email: "x@test.clinic" })).rejects.toBeInstanceOf(Forbidden);
    const [amy] = await h.db.select().from(practitioners).where(eq(practitioners.slug, "amy"));
    const practitioner = { ...reception, role: "practitioner" as const, practitionerId: amy!.id };
    await expect(listStaff(h.db, practitioner)).rejects.toBeInstanceOf(Forbidden);
    await expect(updateStaff(h.db, reception, admin.userId, { active: false })).rejects.toBeInstanceOf(Forbidden);
    const denied = await h.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"));
    expect(denied).toHaveLength(3);
  });
});

describe("changing and deactivating accounts", () => {
  it("deactivating ends every session at once; reactivating lets them sign in again", async () => {
    const session = await signIn(h.db, { email: "rita@test.clinic", password: PASSWORD }, IP);
    const { staff } = await updateStaff(h.db, admin, reception.userId, { active: false });
    expect(staff.status).toBe("deactivated");
    const [s] = await h.db.select().from(staffSessions).where(eq(staffSessions.id, session!.sessionId));
    expect(s!.revokedAt).not.toBeNull();
    expect(await signIn(h.db, { email: "rita@test.clinic", password: PASSWORD }, IP)).toBeNull();
    const [audit] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "staff.update"), eq(auditLog.entityId, reception.userId)));
    expect(audit!.detail).toEqual({
      before: { role: "reception", practitioner: null, active: true },
      after: { role: "reception", practitioner: null, active: false },
      sessionsEnded: 1,
    });
    expect((await updateStaff(h.db, admin, reception.userId, { active: true })).staff.status).toBe("active");
    expect(await signIn(h.db, { email: "rita@test.clinic", password: PASSWORD }, "203.0.113.10")).not.toBeNull();
  });

  it("changes a role, linking a practitioner when it becomes practitioner", async () => {
    expect(await fieldsOf(updateStaff(h.db, admin, reception.userId, { role: "practitioner" }))).toHaveProperty(
      "practitioner",
    );
    const { staff } = await updateStaff(h.db, admin, reception.userId, { role: "practitioner", practitioner: "bob" });
    expect(staff).toMatchObject({ role: "practitioner", practitioner: "bob" });
    const back = await updateStaff(h.db, admin, reception.userId, { role: "admin" });
    expect(back.staff).toMatchObject({ role: "admin", practitioner: null });
    expect(await fieldsOf(updateStaff(h.db, admin, reception.userId, {}))).toHaveProperty("role");
    expect(await fieldsOf(updateStaff(h.db, admin, reception.userId, { active: "no" }))).toHaveProperty("active");
  });

  it("an admin cannot demote or deactivate themselves, and the last active admin stays", async () => {
    await expect(updateStaff(h.db, admin, admin.userId, { role: "reception" })).rejects.toThrow(/your own role/);
    await expect(updateStaff(h.db, admin, admin.userId, { active: false })).rejects.toThrow(/your own account/);
    const other = await account("otto@test.clinic", "admin");
    // another admin was removed meanwhile (say, by a third): otto is now the only active admin
    await h.db.update(staffUsers).set({ disabledAt: new Date() }).where(eq(staffUsers.id, admin.userId));
    await expect(updateStaff(h.db, admin, other.userId, { active: false })).rejects.toThrow(/last active admin/);
    await expect(updateStaff(h.db, admin, other.userId, { role: "reception" })).rejects.toBeInstanceOf(Conflict);
  });

  it("unknown ids and ids that are not uuids are not found", async () => {
    await expect(updateStaff(h.db, admin, "not-a-uuid", { active: false })).rejects.toBeInstanceOf(NotFound);
    await expect(
      updateStaff(h.db, admin, "00000000-0000-4000-8000-000000000000", { active: false }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(sendStaffPasswordReset(h.db, admin, "nope")).rejects.toBeInstanceOf(NotFound);
  });

  it("an admin emails a password-reset link", async () => {
    await sendStaffPasswordReset(h.db, admin, reception.userId);
    expect(await emailedLink(1, "reset")).toHaveLength(43);
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.action, "staff.password-reset-send"));
    expect(rows).toHaveLength(1);
  });
});
