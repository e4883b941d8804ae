// A practitioner's photo: uploaded through the admin route (judged by its bytes, at most 1 MB, audited), served by
// the public route from this site. Called as Next.js calls them, with a real session and database.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, practitionerPhotos, practitioners, staffSessions, staffUsers } from "@/db/schema";
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

const photos = path.join(process.cwd(), "lib/setup/testing/photos");
const file = (name: string) => new Uint8Array(readFileSync(path.join(photos, name)));
const PNG = file("tiny.png");
const JPEG = file("tiny.jpg");
const WEBP = file("tiny.webp");
const GIF = file("tiny.gif");
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

let handle: DbHandle;
let sessions: Record<"admin" | "reception" | "practitioner", string>;
const admin = () => import("./route");
const open = () => import("@/app/api/v1/practitioners/[slug]/photo/route");
const ctx = (slug = "amy") => ({ params: Promise.resolve({ slug }) });
const URL_OF = (slug = "amy") => `http://localhost/api/v1/staff/admin/practitioners/${slug}/photo`;

function put(bytes: Uint8Array | ReadableStream<Uint8Array>, type = "application/octet-stream", slug = "amy") {
  return new Request(URL_OF(slug), {
    method: "PUT",
    headers: { "content-type": type },
    body: bytes as BodyInit,
    ...(bytes instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}
async function upload(bytes: Uint8Array, type?: string, slug = "amy") {
  const res = await (await admin()).PUT(put(bytes, type, slug), ctx(slug));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: ErrorBody } };
}
type ErrorBody = { code: string; message: string; fields?: Record<string, string> };
async function fetchPhoto(slug = "amy", headers: Record<string, string> = {}) {
  return (await open()).GET(new Request(`http://localhost/api/v1/practitioners/${slug}/photo`, { headers }), ctx(slug));
}

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
beforeEach(async () => {
  state.sid = sessions.admin;
  await handle.db.delete(practitionerPhotos);
});

describe("uploading a practitioner's photo", () => {
  it.each([
    ["PNG", PNG, "image/png"],
    ["JPEG", JPEG, "image/jpeg"],
    ["WebP", WEBP, "image/webp"],
  ] as const)("keeps a real %s, and serves it from this site with its type", async (_, bytes, type) => {
    const { status, body } = await upload(bytes);
    expect(status).toBe(200);
    expect(body.photo).toMatch(/^\/api\/v1\/practitioners\/amy\/photo\?v=[0-9a-f]{16}$/);
    const res = await fetchPhoto();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(type);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });

  it("judges the file by its bytes, not the type it claims: PNG bytes sent as a .jpg are a PNG", async () => {
    expect((await upload(PNG, "image/jpeg")).status).toBe(200);
    expect((await fetchPhoto()).headers.get("content-type")).toBe("image/png");
    // and a file that claims to be a PNG but is not one is refused
    const { status, body } = await upload(new TextEncoder().encode("not really a png"), "image/png");
    expect(status).toBe(422);
    expect(body.error!.fields).toEqual({ photo: "Choose a PNG, JPEG or WebP image." });
  });

  it.each([
    ["a GIF", GIF],
    ["an SVG (a document that can carry script)", SVG],
    ["an empty file", new Uint8Array()],
  ])("refuses %s beside the photo field, and keeps the photo there was", async (_, bytes) => {
    await upload(PNG);
    const { status, body } = await upload(bytes);
    expect(status).toBe(422);
    expect(body.error!.fields).toEqual({ photo: "Choose a PNG, JPEG or WebP image." });
    expect((await fetchPhoto()).headers.get("content-type")).toBe("image/png");
  });

  it("refuses more than 1 MB with 413, whether or not the request says its length", async () => {
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(PNG.subarray(0, 8));
    const { status, body } = await upload(big);
    expect(status).toBe(413);
    expect(body.error).toMatchObject({ code: "payload_too_large", fields: { photo: expect.stringMatching(/1 MB/) } });
    // streamed, without a Content-Length: the read stops past the limit
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(big.subarray(i * 262144, (i + 1) * 262144 + (i === 4 ? 1 : 0)));
        c.close();
      },
    });
    const res = await (await admin()).PUT(put(stream), ctx());
    expect(res.status).toBe(413);
    expect(await handle.db.select().from(practitionerPhotos)).toEqual([]);
    // exactly 1 MB is kept
    const most = big.subarray(0, 1024 * 1024);
    expect((await upload(most)).status).toBe(200);
  });

  it("writes an audit row with the type, size and hash, never the image", async () => {
    const sha256 = createHash("sha256").update(JPEG).digest("hex");
    await upload(JPEG);
    await (await admin()).DELETE(new Request(URL_OF(), { method: "DELETE" }), ctx());
    const rows = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "practitioner"), eq(auditLog.entityId, "amy")));
    const put = rows.find((r) => r.action === "setup.practitioner.photo" && JSON.stringify(r.detail).includes(sha256));
    expect(put!.detail).toEqual({ contentType: "image/jpeg", bytes: JPEG.byteLength, sha256 });
    expect(put).toMatchObject({ actorKind: "admin", outcome: "ok" });
    expect(JSON.stringify(put!.detail)).not.toContain(Buffer.from(JPEG).toString("base64").slice(0, 24));
    const removed = rows.find(
      (r) => r.action === "setup.practitioner.photo.remove" && JSON.stringify(r.detail).includes(sha256),
    );
    expect(removed!.detail).toEqual({ sha256 });
  });

  it("answers 404 for a practitioner who does not exist", async () => {
    expect((await upload(PNG, undefined, "nobody")).status).toBe(404);
  });
});

describe("who may change a photo", () => {
  it("answers 401 signed out, 403 to reception and practitioners (even their own), and changes nothing", async () => {
    for (const [sid, code] of [
      [null, 401],
      [sessions.reception, 403],
      [sessions.practitioner, 403],
    ] as const) {
      state.sid = sid;
      expect((await upload(PNG)).status).toBe(code);
      const del = await (await admin()).DELETE(new Request(URL_OF(), { method: "DELETE" }), ctx());
      expect(del.status).toBe(code);
    }
    expect(await handle.db.select().from(practitionerPhotos)).toEqual([]);
  });

  it("refuses a change from another site (the proxy's check), and a body type a cross-site form could send", async () => {
    const { proxy } = await import("@/proxy");
    const req = (headers: Record<string, string>) =>
      new NextRequest(URL_OF(), { method: "PUT", headers: { host: "localhost", ...headers }, body: PNG as BodyInit });
    const evil = proxy(req({ "content-type": "application/octet-stream", origin: "https://evil.example" }));
    expect(evil.status).toBe(403);
    const fetchSite = proxy(req({ "content-type": "application/octet-stream", "sec-fetch-site": "cross-site" }));
    expect(fetchSite.status).toBe(403);
    // multipart/form-data and text/plain need no preflight: refused whatever the origin
    expect(proxy(req({ "content-type": "multipart/form-data; boundary=x" })).status).toBe(400);
    expect(proxy(req({ "content-type": "text/plain" })).status).toBe(400);
    // this site's own page passes on to the route
    const own = proxy(req({ "content-type": "application/octet-stream", "sec-fetch-site": "same-origin" }));
    expect(own.status).toBe(200);
    expect(own.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("the public photo", () => {
  it("is served with its type, nosniff, a locked-down policy, an ETag and a five-minute cache; 304 when unchanged", async () => {
    await upload(PNG);
    const res = await fetchPhoto();
    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await fetchPhoto("amy", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect((await fetchPhoto("amy", { "if-none-match": '"other"' })).status).toBe(200);
  });

  it("is 404 when they have none, after it is removed, and for an inactive practitioner", async () => {
    expect((await fetchPhoto()).status).toBe(404);
    expect((await fetchPhoto("nobody")).status).toBe(404);
    await upload(PNG);
    const del = await (await admin()).DELETE(new Request(URL_OF(), { method: "DELETE" }), ctx());
    expect(await del.json()).toEqual({ photo: null });
    expect((await fetchPhoto()).status).toBe(404);
    await upload(PNG);
    await handle.db.update(practitioners).set({ active: false }).where(eq(practitioners.slug, "amy"));
    expect((await fetchPhoto()).status).toBe(404);
    await handle.db.update(practitioners).set({ active: true }).where(eq(practitioners.slug, "amy"));
  });

  it("is named in the public list and the admin list by its path on this site, or null", async () => {
    const { listPractitioners } = await import("@/lib/catalog/list-practitioners");
    const { photo } = (await upload(WEBP)).body;
    const list = await listPractitioners(handle.db);
    expect(list.find((p) => p.slug === "amy")!.photo).toBe(photo);
    expect(list.find((p) => p.slug === "bob")!.photo).toBeNull();
    const { GET } = await import("../../route");
    const admins = (await (await GET(new Request("http://localhost/x"), undefined as never)).json()) as {
      practitioners: { slug: string; photo: string | null }[];
    };
    expect(admins.practitioners.find((p) => p.slug === "amy")!.photo).toBe(photo);
  });
});
