// The staff-account routes as api.md gives them, against a real database with a mocked session cookie: 401 signed
// out, 403 for reception and practitioners, 422 with fields, 404 for unknown ids, and a deactivated account's session
// refused at once.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, practitioners, staffSessions, staffUsers } from "@/db/schema";
import { createMiniClinic } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";

const state = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "a-test-secret-that-is-long-enough-for-auth";
  return { sid: null as string | null, db: undefined as unknown };
});
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: async () => (state.sid ? { sid: state.sid } : null),
}));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => state.db }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

let handle: DbHandle;
let list: typeof import("./route");
let one: typeof import("./[id]/route");
let reset: typeof import("./[id]/password-reset/route");
const sessions: Record<string, string> = {};
const ids: Record<string, string> = {};

async function account(
  key: string,
  role: "admin" | "reception" | "practitioner",
  practitionerId: string | null = null,
) {
  const [u] = await handle.db
    .insert(staffUsers)
    .values({ email: `${key}@test.clinic`, name: key, role, practitionerId, passwordHash: "unused", mfaExempt: true })
    .returning();
  ids[key] = u!.id;
  sessions[key] = (await handle.db.insert(staffSessions).values({ userId: u!.id }).returning())[0]!.id;
}

beforeAll(async () => {
  handle = await createTestDb();
  state.db = handle.db;
  await createMiniClinic(handle.db);
  const [bob] = await handle.db.select().from(practitioners).where(eq(practitioners.slug, "bob"));
  await account("ada", "admin");
  await account("rita", "reception");
  await account("bob", "practitioner", bob!.id);
  list = await import("./route");
  one = await import("./[id]/route");
  reset = await import("./[id]/password-reset/route");
});
afterAll(async () => handle.close());

const JSON_TYPE = { "Content-Type": "application/json" };
const as = (who: string | null) => (state.sid = who ? sessions[who]! : null);
const post = (body: unknown) =>
  list.POST(
    new Request("http://localhost/api/v1/staff/admin/staff", {
      method: "POST",
      headers: JSON_TYPE,
      body: JSON.stringify(body),
    }),
    {},
  );
const patch = (id: string, body: unknown) =>
  one.PATCH(
    new Request(`http://localhost/x/${id}`, { method: "PATCH", headers: JSON_TYPE, body: JSON.stringify(body) }),
    {
      params: Promise.resolve({ id }),
    },
  );
const errorOf = async (r: Response) => ((await r.json()) as { error: { code: string; fields?: object } }).error;

describe("/api/v1/staff/admin/staff", () => {
  it("401 signed out, 403 (audited) for reception and practitioners", async () => {
    as(null);
    expect((await list.GET(new Request("http://localhost/"), {})).status).toBe(401);
    expect((await post({})).status).toBe(401);
    expect((await patch(ids.rita!, { active: false })).status).toBe(401);
    for (const who of ["rita", "bob"]) {
      as(who);
      expect((await list.GET(new Request("http://localhost/"), {})).status).toBe(403);
      const r = await post({ email: "x@test.clinic", name: "X", role: "reception" });
      expect(r.status).toBe(403);
      expect((await errorOf(r)).code).toBe("forbidden");
      expect((await patch(ids.ada!, { active: false })).status).toBe(403);
    }
    const denied = await handle.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"));
    expect(denied.length).toBeGreaterThanOrEqual(6);
  });

  it("POST 201 {staff}, 422 with fields, GET lists the accounts", async () => {
    as("ada");
    const created = await post({
      email: "amy@test.clinic",
      name: "Amy Adams",
      role: "practitioner",
      practitioner: "amy",
    });
    expect(created.status).toBe(201);
    const { staff } = (await created.json()) as { staff: Record<string, unknown> };
    expect(staff).toMatchObject({
      id: expect.any(String),
      role: "practitioner",
      practitioner: "amy",
      status: "invited",
    });
    expect(staff).not.toHaveProperty("passwordHash");

    const bad = await post({ email: "amy@test.clinic", name: "Amy Again", role: "reception" });
    expect(bad.status).toBe(422);
    expect(await errorOf(bad)).toMatchObject({ code: "validation_failed", fields: { email: expect.any(String) } });
    const unknown = await post({ email: "n@test.clinic", name: "N", role: "practitioner", practitioner: "nobody" });
    expect((await errorOf(unknown)).fields).toEqual({ practitioner: expect.any(String) });
    const linked = await post({ email: "b2@test.clinic", name: "Bob Two", role: "practitioner", practitioner: "bob" });
    expect((await errorOf(linked)).fields).toEqual({ practitioner: "This practitioner already has a staff account" });
    const junk = await post({ email: 3, name: "", role: "boss" });
    expect(Object.keys((await errorOf(junk)).fields!).sort()).toEqual(["email", "name", "role"]);
    const notJson = await list.POST(
      new Request("http://localhost/", { method: "POST", headers: JSON_TYPE, body: "{" }),
      {},
    );
    expect(notJson.status).toBe(400);

    const all = (await (await list.GET(new Request("http://localhost/"), {})).json()) as { staff: { email: string }[] };
    expect(all.staff.map((s) => s.email)).toEqual(expect.arrayContaining(["amy@test.clinic", "rita@test.clinic"]));
  });

  it("PATCH 200 {staff}; 404 for an unknown id or one that is not a uuid; 409 on yourself; 422 on bad fields", async () => {
    as("ada");
    const r = await patch(ids.rita!, { role: "admin" });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { staff: { role: string } }).staff.role).toBe("admin");
    expect((await patch(ids.rita!, { role: "reception" })).status).toBe(200);
    expect((await patch("00000000-0000-4000-8000-000000000000", { active: false })).status).toBe(404);
    expect((await patch("nope", { active: false })).status).toBe(404);
    expect((await patch(ids.ada!, { active: false })).status).toBe(409);
    const bad = await patch(ids.rita!, { active: "yes" });
    expect(bad.status).toBe(422);
    expect((await errorOf(bad)).fields).toHaveProperty("active");
    const resetUnknown = await reset.POST(new Request("http://localhost/", { method: "POST" }), {
      params: Promise.resolve({ id: "nope" }),
    });
    expect(resetUnknown.status).toBe(404);
    const sent = await reset.POST(new Request("http://localhost/", { method: "POST" }), {
      params: Promise.resolve({ id: ids.rita! }),
    });
    expect(sent.status).toBe(200);
  });

  it("a deactivated account's existing session stops working at once", async () => {
    as("rita");
    // rita's session works: a 403 here is her role, not a missing session
    expect((await list.GET(new Request("http://localhost/"), {})).status).toBe(403);
    as("ada");
    const r = await patch(ids.rita!, { active: false });
    expect(((await r.json()) as { staff: { status: string } }).staff.status).toBe("deactivated");
    as("rita");
    expect((await list.GET(new Request("http://localhost/"), {})).status).toBe(401);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, "staff.update"));
    expect(audits.map((a) => a.detail)).toContainEqual({
      before: { role: "reception", practitioner: null, active: true },
      after: { role: "reception", practitioner: null, active: false },
      sessionsEnded: 1,
    });
  });
});
