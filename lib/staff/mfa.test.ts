// Two-step sign-in: who must use it, enrolment, and the second step of sign-in.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { staffRecoveryCodes, staffUsers } from "@/db/schema";
import { RateLimited, ValidationFailed } from "@/lib/errors";
import { hashPassword } from "@/lib/security/password";
import { totpAt } from "@/lib/security/totp";
import { createTestDb } from "@/lib/testing/test-db";
import type { SessionActor } from "./account-types";
import { confirmMfaEnrolment, startMfaEnrolment } from "./enrol-mfa";
import { mfaStatus } from "./mfa-policy";
import { SecondFactorNeeded, signIn } from "./sign-in";

describe("who must use two-step sign-in", () => {
  const account = (role: "admin" | "reception" | "practitioner", enrolled = false, exempt = false) => ({
    role,
    mfaEnabledAt: enrolled ? new Date() : null,
    mfaExempt: exempt,
  });
  it("required: admins and practitioners must enrol, reception may; demo accounts are exempt", () => {
    expect(mfaStatus("required", account("admin"))).toEqual({ challenge: false, mustEnrol: true });
    expect(mfaStatus("required", account("practitioner"))).toEqual({ challenge: false, mustEnrol: true });
    expect(mfaStatus("required", account("reception"))).toEqual({ challenge: false, mustEnrol: false });
    expect(mfaStatus("required", account("admin", false, true))).toEqual({ challenge: false, mustEnrol: false });
    expect(mfaStatus("required", account("reception", true))).toEqual({ challenge: true, mustEnrol: false });
  });
  it("optional asks only the enrolled; off asks nobody", () => {
    expect(mfaStatus("optional", account("admin"))).toEqual({ challenge: false, mustEnrol: false });
    expect(mfaStatus("optional", account("admin", true))).toEqual({ challenge: true, mustEnrol: false });
    expect(mfaStatus("off", account("admin", true))).toEqual({ challenge: false, mustEnrol: false });
  });
});

const PASSWORD = "a long and quiet harbour";
let handle: DbHandle;
let db: Db;
let me: SessionActor;

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  const [u] = await db
    .insert(staffUsers)
    .values({ email: "ann@test.clinic", name: "Ann Admin", role: "admin", passwordHash: await hashPassword(PASSWORD) })
    .returning();
  me = {
    kind: "staff",
    userId: u!.id,
    role: "admin",
    practitionerId: null,
    name: "Ann Admin",
    sessionId: "00000000-0000-4000-8000-000000000000",
    email: "ann@test.clinic",
  };
});
afterEach(async () => handle.close());

const now = () => Date.now() / 1000;
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

async function enrol(): Promise<{ secret: string; recoveryCodes: string[] }> {
  const e = await startMfaEnrolment(me);
  expect(e.qrSvg).toMatch(/^<svg/);
  const { recoveryCodes } = await confirmMfaEnrolment(db, me, e.sealed, { code: await totpAt(e.secret) });
  return { secret: e.secret, recoveryCodes };
}

describe("enrolment", () => {
  it("turns on only with a right code from the new secret, and gives ten recovery codes kept as hashes", async () => {
    const e = await startMfaEnrolment(me);
    expect(await refusal(confirmMfaEnrolment(db, me, e.sealed, { code: "000000" }))).toBeInstanceOf(ValidationFailed);
    expect(
      await refusal(
        confirmMfaEnrolment(db, { ...me, userId: "00000000-0000-4000-8000-000000000009" }, e.sealed, {
          code: await totpAt(e.secret),
        }),
      ),
    ).toBeInstanceOf(ValidationFailed);
    const { recoveryCodes } = await confirmMfaEnrolment(db, me, e.sealed, { code: await totpAt(e.secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, me.userId));
    expect(stored).toHaveLength(10);
    expect(stored.every((r) => r.codeHash.startsWith("$argon2id$"))).toBe(true);
    const [u] = await db.select().from(staffUsers).where(eq(staffUsers.id, me.userId));
    expect(u!.mfaEnabledAt).not.toBeNull();
    expect(u!.mfaSecret).not.toContain(e.secret);
  });
});

describe("signing in with a second step", () => {
  it("asks for a code after the right password, and takes each code once", async () => {
    const { secret } = await enrol();
    const creds = { email: "ann@test.clinic", password: PASSWORD };
    expect(await refusal(signIn(db, creds, "203.0.113.1", { mfaMode: "optional" }))).toBeInstanceOf(SecondFactorNeeded);
    // a wrong password never reveals that a code is needed
    expect(
      await signIn(db, { ...creds, password: "not the password" }, "203.0.113.1", { mfaMode: "optional" }),
    ).toBeNull();
    const next = await totpAt(secret, now() + 30);
    expect(await signIn(db, { ...creds, code: next }, "203.0.113.1", { mfaMode: "optional" })).toMatchObject({
      email: "ann@test.clinic",
    });
    expect(await signIn(db, { ...creds, code: next }, "203.0.113.1", { mfaMode: "optional" })).toBeNull();
  });

  it("takes a recovery code once, in any case and with or without its dash", async () => {
    const { recoveryCodes } = await enrol();
    const creds = { email: "ann@test.clinic", password: PASSWORD };
    const code = recoveryCodes[3]!;
    expect(
      await signIn(db, { ...creds, code: code.toUpperCase().replace("-", "") }, "203.0.113.1", { mfaMode: "required" }),
    ).not.toBeNull();
    expect(await signIn(db, { ...creds, code }, "203.0.113.1", { mfaMode: "required" })).toBeNull();
  });

  it("throttles code guesses like passwords", async () => {
    await enrol();
    const creds = { email: "ann@test.clinic", password: PASSWORD };
    for (let i = 0; i < 5; i++)
      expect(
        await signIn(db, { ...creds, code: String(100000 + i) }, `192.0.2.${i}`, { mfaMode: "required" }),
      ).toBeNull();
    expect(
      await refusal(signIn(db, { ...creds, code: "123456" }, "192.0.2.77", { mfaMode: "required" })),
    ).toBeInstanceOf(RateLimited);
  });

  it("asks nothing when STAFF_MFA=off", async () => {
    await enrol();
    expect(
      await signIn(db, { email: "ann@test.clinic", password: PASSWORD }, "203.0.113.1", { mfaMode: "off" }),
    ).not.toBeNull();
  });
});
