// "Forgot password?" end to end: the request, the queued email through a real SMTP server, and the link.
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { auditLog, staffPasswordResets, staffSessions, staffUsers } from "@/db/schema";
import { NotFound, RateLimited, ValidationFailed } from "@/lib/errors";
import { createHarness, type Harness } from "@/lib/notifications/testing/harness";
import { hashPassword } from "@/lib/security/password";
import { requestPasswordReset, RESETS_PER_ADDRESS_PER_HOUR } from "./request-password-reset";
import { resetLinkIsUsable, resetPassword } from "./reset-password";
import { signIn } from "./sign-in";

const OLD = "an old but decent passphrase";
const NEW = "seven kites over the harbour";
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await h.db.insert(staffUsers).values({
    email: "rita@test.clinic",
    name: "Rita Reception",
    role: "reception",
    passwordHash: await hashPassword(OLD),
  });
});
afterEach(async () => h.close());

const jobCount = async () =>
  Number(
    rowsOf<{ n: number }>(
      await h.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'patient-email'`),
    )[0]!.n,
  );

async function emailedToken(): Promise<string> {
  await h.startWorker();
  const [mail] = await h.sink.waitFor(1);
  expect(mail!.subject).toMatch(/Reset your .* staff password/);
  const url = /https?:\/\/\S+\/login\/reset\/([A-Za-z0-9_-]{43})/.exec(mail!.text ?? "");
  expect(url).not.toBeNull();
  return url![1]!;
}

describe("password reset by emailed link", () => {
  it("answers alike for an unknown email and queues nothing", async () => {
    await expect(requestPasswordReset(h.db, { email: "nobody@test.clinic" }, "203.0.113.1")).resolves.toBeUndefined();
    expect(await jobCount()).toBe(0);
    await expect(requestPasswordReset(h.db, { email: "Rita@Test.Clinic" }, "203.0.113.1")).resolves.toBeUndefined();
    expect(await jobCount()).toBe(1);
  });

  it("emails a single-use link, stored only as a hash, that sets the password and ends every session", async () => {
    const before = await signIn(h.db, { email: "rita@test.clinic", password: OLD }, "198.51.100.1");
    await requestPasswordReset(h.db, { email: "rita@test.clinic" }, "203.0.113.1");
    const token = await emailedToken();
    const [stored] = await h.db.select().from(staffPasswordResets);
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(stored!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect(await resetLinkIsUsable(h.db, token)).toBe(true);

    await expect(
      resetPassword(h.db, token, { newPassword: "password1234", confirmPassword: "password1234" }, "203.0.113.1"),
    ).rejects.toBeInstanceOf(ValidationFailed);
    await resetPassword(h.db, token, { newPassword: NEW, confirmPassword: NEW }, "203.0.113.1");
    const [session] = await h.db.select().from(staffSessions).where(eq(staffSessions.id, before!.sessionId));
    expect(session!.revokedAt).not.toBeNull();
    expect(await signIn(h.db, { email: "rita@test.clinic", password: NEW }, "198.51.100.2")).not.toBeNull();
    await expect(
      resetPassword(
        h.db,
        token,
        { newPassword: "yet another fine phrase", confirmPassword: "yet another fine phrase" },
        "203.0.113.1",
      ),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await resetLinkIsUsable(h.db, token)).toBe(false);
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.action, "account.password-reset"));
    expect(audits).toHaveLength(1);
  });

  it("refuses an expired link", async () => {
    await requestPasswordReset(h.db, { email: "rita@test.clinic" }, "203.0.113.1");
    const token = await emailedToken();
    await h.db.update(staffPasswordResets).set({ expiresAt: new Date(Date.now() - 1000) });
    await expect(
      resetPassword(h.db, token, { newPassword: NEW, confirmPassword: NEW }, "203.0.113.1"),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it("limits requests per address with a 429, and per account silently", async () => {
    for (let i = 0; i < 5; i++) await requestPasswordReset(h.db, { email: "rita@test.clinic" }, `192.0.2.${i}`);
    expect(await jobCount()).toBe(3);
    for (let i = 0; i < RESETS_PER_ADDRESS_PER_HOUR; i++)
      await requestPasswordReset(h.db, { email: `x${i}@test.clinic` }, "203.0.113.9");
    await expect(requestPasswordReset(h.db, { email: "y@test.clinic" }, "203.0.113.9")).rejects.toBeInstanceOf(
      RateLimited,
    );
  });
});
