// With STAFF_MFA=required, an admin or practitioner who has not enrolled reaches only the enrolment page.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { staffSessions, staffUsers } from "@/db/schema";
import { Forbidden } from "@/lib/errors";
import { createTestDb } from "@/lib/testing/test-db";

// set before lib/env is first imported (it reads the environment once)
const state = vi.hoisted(() => {
  const before = { STAFF_MFA: process.env.STAFF_MFA, AUTH_SECRET: process.env.AUTH_SECRET };
  process.env.STAFF_MFA = "required";
  process.env.AUTH_SECRET ??= "a-test-secret-that-is-long-enough-for-auth";
  return { sid: "" as string, db: undefined as unknown, before };
});
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: async () => ({ sid: state.sid }),
}));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => state.db }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.5" }) }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("redirect"), { to });
  },
  notFound: () => {
    throw new Error("not found");
  },
}));

let handle: DbHandle;
let auth: typeof import("./auth");

beforeAll(async () => {
  handle = await createTestDb();
  state.db = handle.db;
  auth = await import("./auth");
});
afterAll(async () => {
  for (const [k, v] of Object.entries(state.before)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await handle.close();
});

async function signedInAs(role: "admin" | "reception", mfaExempt = false): Promise<void> {
  const [u] = await handle.db
    .insert(staffUsers)
    .values({ email: `${role}-${mfaExempt}@test.clinic`, name: role, role, passwordHash: "unused", mfaExempt })
    .returning();
  const [s] = await handle.db.insert(staffSessions).values({ userId: u!.id }).returning();
  state.sid = s!.id;
}
const redirectOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { to?: string }) => e.to ?? e,
  );

describe("STAFF_MFA=required", () => {
  it("sends an admin who has not enrolled to enrol, from every page and API", async () => {
    await signedInAs("admin");
    expect(await redirectOf(auth.requireStaffPage(["admin"], "/admin/audit"))).toBe("/account/mfa");
    await expect(auth.requireStaffApi(["admin"], "audit")).rejects.toBeInstanceOf(Forbidden);
    expect(await auth.getStaffActor()).toBeNull();
    expect((await auth.getStaffSessionState())?.mustEnrolMfa).toBe(true);
  });
  it("lets reception and the demo accounts in without it", async () => {
    await signedInAs("reception");
    expect(await auth.requireStaffPage(["reception"], "/calendar")).toMatchObject({ role: "reception" });
    await signedInAs("admin", true);
    expect(await auth.requireStaffApi(["admin"], "audit")).toMatchObject({ role: "admin" });
  });
});

describe("session cookies", () => {
  it("are __Host- and Secure behind https, and plain on http", () => {
    const https = auth.sessionCookies("https://book.example.com");
    expect(https.useSecureCookies).toBe(true);
    expect(https.cookies?.sessionToken).toMatchObject({
      name: "__Host-next-auth.session-token",
      options: { secure: true, httpOnly: true, path: "/" },
    });
    expect(https.cookies?.csrfToken?.name).toBe("__Host-next-auth.csrf-token");
    expect(auth.sessionCookies("http://localhost:3000")).toEqual({ useSecureCookies: false });
  });
  it("a staff member's actions carry the client's address for the audit log", async () => {
    const [u] = await handle.db
      .insert(staffUsers)
      .values({ email: "desk-ip@test.clinic", name: "Desk", role: "reception", passwordHash: "unused" })
      .returning();
    state.sid = (await handle.db.insert(staffSessions).values({ userId: u!.id }).returning())[0]!.id;
    // no proxy declared: a forged X-Forwarded-For is not the address
    expect((await auth.getStaffActor())?.ip).toBe("unknown");
  });
});
