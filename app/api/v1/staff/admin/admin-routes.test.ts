// The staff admin routes of api.md "Clinic setup", called as Next.js calls them, with a real session and database.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, practitioners, staffSessions, staffUsers } from "@/db/schema";
import { createMiniClinic } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";

const state = vi.hoisted(() => {
  process.env.STAFF_MFA = "off";
  process.env.AUTH_SECRET ??= "a-test-secret-that-is-long-enough-for-auth";
  return { sid: "" as string | null, db: undefined as unknown };
});
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: async () => (state.sid ? { sid: state.sid } : null),
}));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => state.db }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.5" }) }));

let handle: DbHandle;
let sessions: Record<"admin" | "reception" | "practitioner", string>;
const routes = {
  locations: () => import("./locations/route"),
  location: () => import("./locations/[slug]/route"),
  services: () => import("./services/route"),
  service: () => import("./services/[slug]/route"),
  practitioners: () => import("./practitioners/route"),
  practitioner: () => import("./practitioners/[slug]/route"),
  settings: () => import("./settings/route"),
};

beforeAll(async () => {
  handle = await createTestDb();
  state.db = handle.db;
  const clinic = await createMiniClinic(handle.db);
  const made: Record<string, string> = {};
  for (const role of ["admin", "reception", "practitioner"] as const) {
    const [u] = await handle.db
      .insert(staffUsers)
      .values({
        email: `${role}@test.clinic`,
        name: `The ${role}`,
        role,
        passwordHash: "unused",
        practitionerId: role === "practitioner" ? clinic.practitionerIds.amy : null,
      })
      .returning();
    const [s] = await handle.db.insert(staffSessions).values({ userId: u!.id }).returning();
    made[role] = s!.id;
  }
  sessions = made as typeof sessions;
});
afterAll(async () => handle.close());
beforeEach(() => {
  state.sid = sessions.admin;
});

const url = "http://localhost/api/v1/staff/admin/x";
const body = (method: string, data: unknown) =>
  new Request(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(data) });
const ctx = (slug: string) => ({ params: Promise.resolve({ slug }) });
async function answer(res: Response) {
  return {
    status: res.status,
    body: (await res.json()) as { error?: { code: string; fields?: object } } & Record<string, unknown>,
  };
}

const newLocation = {
  slug: "bondi",
  name: "Bondi",
  timezone: "Australia/Sydney",
  address: "1 Campbell Parade, Bondi Beach NSW 2026",
  phone: "(02) 9000 4106",
  holidayRegion: "AU-NSW",
};

describe("who may use the admin routes", () => {
  it("answers 401 signed out, 403 to reception and practitioners (audited), on every route", async () => {
    const calls: [string, () => Promise<Response>][] = [
      ["GET locations", async () => (await routes.locations()).GET(new Request(url), undefined as never)],
      ["POST locations", async () => (await routes.locations()).POST(body("POST", newLocation), undefined as never)],
      ["PATCH location", async () => (await routes.location()).PATCH(body("PATCH", { name: "X" }), ctx("test-clinic"))],
      ["GET services", async () => (await routes.services()).GET(new Request(url), undefined as never)],
      ["POST services", async () => (await routes.services()).POST(body("POST", {}), undefined as never)],
      ["PATCH service", async () => (await routes.service()).PATCH(body("PATCH", {}), ctx("shockwave"))],
      ["GET practitioners", async () => (await routes.practitioners()).GET(new Request(url), undefined as never)],
      ["POST practitioners", async () => (await routes.practitioners()).POST(body("POST", {}), undefined as never)],
      ["PATCH practitioner", async () => (await routes.practitioner()).PATCH(body("PATCH", {}), ctx("amy"))],
      ["GET settings", async () => (await routes.settings()).GET(new Request(url), undefined as never)],
      ["PATCH settings", async () => (await routes.settings()).PATCH(body("PATCH", { name: "X" }), undefined as never)],
    ];
    for (const [what, call] of calls) {
      state.sid = null;
      expect(await answer(await call()), what).toMatchObject({
        status: 401,
        body: { error: { code: "unauthorized" } },
      });
      for (const role of ["reception", "practitioner"] as const) {
        state.sid = sessions[role];
        expect(await answer(await call()), `${what} as ${role}`).toMatchObject({
          status: 403,
          body: { error: { code: "forbidden" } },
        });
      }
    }
    const denied = await handle.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"));
    expect(denied.length).toBeGreaterThanOrEqual(calls.length * 2);
    state.sid = sessions.admin;
    expect(
      await answer(await (await routes.location()).PATCH(body("PATCH", { name: "X" }), ctx("test-clinic"))),
    ).toMatchObject({ status: 200 });
  });
});

describe("locations", () => {
  it("creates one (201), lists it, refuses a duplicate slug and bad fields with 422, and patches it", async () => {
    const r = await routes.locations();
    const created = await answer(await r.POST(body("POST", newLocation), undefined as never));
    expect(created).toMatchObject({ status: 201, body: { location: { slug: "bondi", active: true, online: false } } });
    expect((await answer(await r.GET(new Request(url), undefined as never))).body.locations).toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: "bondi", holidayRegion: "AU-NSW" })]),
    );
    const dup = await answer(await r.POST(body("POST", { ...newLocation, name: "Other" }), undefined as never));
    expect(dup).toMatchObject({
      status: 422,
      body: { error: { code: "validation_failed", fields: { slug: expect.any(String) } } },
    });
    const bad = await answer(
      await r.POST(
        body("POST", {
          slug: "Bad Slug",
          name: "",
          timezone: "Mars/Olympus",
          holidayRegion: "California",
          address: null,
        }),
        undefined as never,
      ),
    );
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error!.fields!).sort()).toEqual([
      "address",
      "holidayRegion",
      "name",
      "slug",
      "timezone",
    ]);
    // a well-formed region the holiday library does not know
    const region = await answer(
      await r.POST(body("POST", { ...newLocation, slug: "x", holidayRegion: "AU-XX" }), undefined as never),
    );
    expect(region).toMatchObject({ status: 422, body: { error: { fields: { holidayRegion: expect.any(String) } } } });
    const patched = await answer(
      await (await routes.location()).PATCH(body("PATCH", { holidayRegion: "NZ", phone: "" }), ctx("bondi")),
    );
    expect(patched).toMatchObject({
      status: 200,
      body: { location: { holidayRegion: "NZ", phone: null }, clashes: [] },
    });
    expect(
      await answer(await (await routes.location()).PATCH(body("PATCH", { name: "X" }), ctx("nowhere"))),
    ).toMatchObject({
      status: 404,
      body: { error: { code: "not_found" } },
    });
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, "bondi"));
    expect(audit.map((a) => a.action)).toEqual(["setup.location.create", "setup.location.update"]);
    expect(audit[1]!.detail).toMatchObject({ before: { holidayRegion: "AU-NSW" }, after: { holidayRegion: "NZ" } });
  });

  it("answers 400 to a body that is not JSON", async () => {
    const res = await (
      await routes.locations()
    ).POST(
      new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{" }),
      undefined as never,
    );
    expect(res.status).toBe(400);
  });
});

describe("services", () => {
  it("creates one where it is offered, refuses unknown location slugs and bad numbers with 422, 404s an unknown path", async () => {
    const r = await routes.services();
    const created = await answer(
      await r.POST(
        body("POST", {
          slug: "dry-needling",
          name: "Dry needling",
          discipline: "sports-physio",
          durationMinutes: 30,
          bookableOnline: false,
          locations: ["test-clinic"],
        }),
        undefined as never,
      ),
    );
    expect(created).toMatchObject({
      status: 201,
      body: {
        service: {
          slug: "dry-needling",
          capacity: 1,
          bookableOnline: false,
          locations: ["test-clinic"],
          feeCents: null,
        },
      },
    });
    const unknown = await answer(
      await r.POST(
        body("POST", {
          slug: "x",
          name: "X",
          discipline: "sports-physio",
          durationMinutes: 30,
          locations: ["atlantis"],
        }),
        undefined as never,
      ),
    );
    expect(unknown).toMatchObject({
      status: 422,
      body: { error: { fields: { locations: expect.stringContaining("atlantis") } } },
    });
    const bad = await answer(
      await r.POST(
        body("POST", {
          slug: "y",
          name: "Y",
          discipline: "yoga",
          durationMinutes: 2,
          capacity: 0,
          feeCents: -5,
          locations: [],
        }),
        undefined as never,
      ),
    );
    expect(Object.keys(bad.body.error!.fields!).sort()).toEqual([
      "capacity",
      "discipline",
      "durationMinutes",
      "feeCents",
      "locations",
    ]);
    const dup = await answer(
      await r.POST(
        body("POST", {
          slug: "shockwave",
          name: "Again",
          discipline: "sports-physio",
          durationMinutes: 30,
          locations: ["test-clinic"],
        }),
        undefined as never,
      ),
    );
    expect(dup).toMatchObject({ status: 422, body: { error: { fields: { slug: expect.any(String) } } } });
    const s = await routes.service();
    expect(
      await answer(await s.PATCH(body("PATCH", { active: false, feeCents: 5000 }), ctx("dry-needling"))),
    ).toMatchObject({
      status: 200,
      body: { service: { active: false, feeCents: 5000 } },
    });
    expect(await answer(await s.PATCH(body("PATCH", { locations: ["nowhere"] }), ctx("dry-needling")))).toMatchObject({
      status: 422,
    });
    expect(await answer(await s.PATCH(body("PATCH", {}), ctx("nope")))).toMatchObject({ status: 404 });
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, "dry-needling"));
    expect(audit.map((a) => a.action)).toEqual(["setup.service.create", "setup.service.update"]);
  });
});

describe("practitioners", () => {
  it("creates one (email validated), patches locations and active, with 422 and 404 as documented", async () => {
    const r = await routes.practitioners();
    const created = await answer(
      await r.POST(
        body("POST", {
          slug: "cara",
          name: "Cara Chen",
          discipline: "exercise-physiology",
          email: "cara@test.clinic",
          locations: ["test-clinic"],
        }),
        undefined as never,
      ),
    );
    expect(created).toMatchObject({
      status: 201,
      body: {
        practitioner: { slug: "cara", discipline: "exercise-physiology", locations: ["test-clinic"], active: true },
      },
    });
    const bad = await answer(
      await r.POST(
        body("POST", { slug: "-x", name: "", discipline: "sports-physio", email: "not-an-email", locations: ["mars"] }),
        undefined as never,
      ),
    );
    expect(Object.keys(bad.body.error!.fields!).sort()).toEqual(["email", "name", "slug"]);
    const unknown = await answer(
      await r.POST(
        body("POST", { slug: "dan", name: "Dan", discipline: "sports-physio", locations: ["mars"] }),
        undefined as never,
      ),
    );
    expect(unknown).toMatchObject({ status: 422, body: { error: { fields: { locations: expect.any(String) } } } });
    const dup = await answer(
      await r.POST(
        body("POST", { slug: "amy", name: "Amy 2", discipline: "sports-physio", locations: ["test-clinic"] }),
        undefined as never,
      ),
    );
    expect(dup).toMatchObject({ status: 422, body: { error: { fields: { slug: expect.any(String) } } } });
    const p = await routes.practitioner();
    expect(await answer(await p.PATCH(body("PATCH", { active: false }), ctx("cara")))).toMatchObject({
      status: 200,
      body: { practitioner: { active: false }, clashes: [] },
    });
    expect(await answer(await p.PATCH(body("PATCH", { active: "no" }), ctx("cara")))).toMatchObject({
      status: 422,
      body: { error: { fields: { active: expect.any(String) } } },
    });
    expect(await answer(await p.PATCH(body("PATCH", { active: true }), ctx("zed")))).toMatchObject({ status: 404 });
    const [row] = await handle.db.select().from(practitioners).where(eq(practitioners.slug, "cara"));
    expect(row!.active).toBe(false);
  });
});

describe("settings", () => {
  it("shows the server's defaults until saved, then the saved identity; refuses a bad email and URL", async () => {
    const r = await routes.settings();
    expect(await answer(await r.GET(new Request(url), undefined as never))).toMatchObject({
      status: 200,
      body: { settings: { configured: false, name: expect.any(String) } },
    });
    const bad = await answer(
      await r.PATCH(body("PATCH", { senderEmail: "nope", publicBaseUrl: "ftp://x" }), undefined as never),
    );
    expect(Object.keys(bad.body.error!.fields!).sort()).toEqual(["publicBaseUrl", "senderEmail"]);
    const saved = await answer(
      await r.PATCH(
        body("PATCH", {
          name: "Bayside Physio",
          phone: "(03) 9000 1000",
          senderEmail: "Hello@Bayside.example",
          publicBaseUrl: "https://book.bayside.example/",
        }),
        undefined as never,
      ),
    );
    expect(saved).toMatchObject({
      status: 200,
      body: {
        settings: {
          name: "Bayside Physio",
          senderEmail: "hello@bayside.example",
          publicBaseUrl: "https://book.bayside.example",
          configured: true,
        },
      },
    });
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "setup.settings.update"));
    expect(audit!.detail).toMatchObject({ before: { configured: false }, after: { name: "Bayside Physio" } });
  });
});
