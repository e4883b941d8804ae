// Every page and route this wave added, asked as an outsider would: signed out, signed in with the wrong role, and
// (for the changes) from another site, server actions included.
import { readdirSync, readFileSync } from "node:fs";
import { expect, request as newRequest, test, type APIRequestContext } from "@playwright/test";
import { credentialsSignIn } from "./support/staff";

const UUID = "3f0c1c9e-0000-4000-8000-000000000000";
const PAGES_FRONT_DESK = ["/needs-a-call", "/patients/duplicates"];
const PAGES_ANY_STAFF = ["/account", "/account/mfa", "/calendar/print?location=chatswood&date=2026-12-14"];

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await newRequest.newContext({ baseURL });
  expect((await (await credentialsSignIn(ctx))(email)).status(), `${email} signs in`).toBeLessThan(400);
  return ctx;
}

test("signed out: new staff pages send you to sign in, new staff routes answer 401, the outbox nothing", async ({
  request,
}) => {
  for (const path of [...PAGES_FRONT_DESK, ...PAGES_ANY_STAFF]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(res.headers().location, path).toMatch(/^\/login\?next=/);
  }
  expect((await request.get("/admin/outbox/20261201T000000000Z-x.eml")).status()).toBe(404);
  expect((await request.get("/api/v1/staff/calendar/location-week?location=chatswood&date=2026-12-14")).status()).toBe(
    401,
  );
  for (const path of [`/api/v1/staff/appointments/${UUID}/resend`, `/api/v1/staff/patients/${UUID}/keep-apart`]) {
    const res = await request.post(path, { data: { kind: "confirmation" } });
    expect(res.status(), path).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  }
});

test("a practitioner gets 404 from the front desk's pages and the admin outbox, and 403 from its routes", async ({
  baseURL,
}) => {
  const practitioner = await signedIn(baseURL!, "priya-raman@demo.clinic");
  for (const path of [...PAGES_FRONT_DESK, "/admin/outbox"])
    expect((await practitioner.get(path)).status(), path).toBe(404);
  // another practitioner's or a location's day sheet is not theirs to print
  expect((await practitioner.get("/calendar/print?location=chatswood&date=2026-12-14")).status()).toBe(404);
  expect((await practitioner.get("/admin/outbox/20261201T000000000Z-x.eml")).status()).toBe(404);
  expect(
    (await practitioner.get("/api/v1/staff/calendar/location-week?location=chatswood&date=2026-12-14")).status(),
  ).toBe(403);
  for (const path of [`/api/v1/staff/appointments/${UUID}/resend`, `/api/v1/staff/patients/${UUID}/keep-apart`]) {
    const res = await practitioner.post(path, { data: { kind: "confirmation" } });
    expect(res.status(), path).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  }
  // the pages every member has
  for (const path of ["/account", "/account/mfa"]) expect((await practitioner.get(path)).status(), path).toBe(200);
  await practitioner.dispose();
});

test("reception's new changes are refused from another site or without a JSON body", async ({ baseURL }) => {
  const reception = await signedIn(baseURL!, "reception@demo.clinic");
  for (const path of [`/api/v1/staff/appointments/${UUID}/resend`, `/api/v1/staff/patients/${UUID}/keep-apart`]) {
    const sibling = await reception.post(path, {
      headers: { Origin: "http://evil.example" },
      data: { kind: "intake" },
    });
    expect(sibling.status(), path).toBe(403);
    const crossSite = await reception.post(path, {
      headers: { "Sec-Fetch-Site": "cross-site" },
      data: { kind: "intake" },
    });
    expect(crossSite.status(), path).toBe(403);
    const plain = await reception.fetch(path, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      data: "{}",
    });
    expect(plain.status(), path).toBe(400);
    // the clinic's own page gets past the gate (and then finds no such appointment or patient)
    const own = await reception.post(path, { headers: { Origin: baseURL! }, data: { kind: "intake" } });
    expect(own.status(), path).toBe(404);
  }
  await reception.dispose();
});

// Every staff page and who may open it. The last test reads the pages' own `requireStaffPage` calls, so a page added
// without a line here, or a line that no longer says what the page does, fails.
const STAFF_PAGES: Record<string, readonly ("admin" | "reception" | "practitioner")[]> = {
  "/admin/audit": ["admin"],
  "/admin/leave": ["admin"],
  "/admin/locations": ["admin"],
  "/admin/notifications": ["admin"],
  "/admin/outbox": ["admin"],
  "/admin/practitioners": ["admin"],
  "/admin/reports": ["admin"],
  "/admin/rosters": ["admin"],
  "/admin/services": ["admin"],
  "/admin/settings": ["admin"],
  "/admin/setup": ["admin"],
  "/admin/staff": ["admin"],
  "/calendar": ["reception", "admin"],
  "/needs-a-call": ["reception", "admin"],
  "/needs-moving": ["reception", "admin"],
  "/patients": ["reception", "admin"],
  "/patients/duplicates": ["reception", "admin"],
  [`/patients/${UUID}`]: ["reception", "admin"],
  "/waitlist": ["reception", "admin"],
  "/my-calendar": ["practitioner"],
  "/my-day": ["practitioner"],
  "/my-week": ["practitioner"],
  "/calendar/print": ["reception", "admin", "practitioner"],
  "/account": ["reception", "admin", "practitioner"],
  [`/appointments/${UUID}/intake`]: ["reception", "admin", "practitioner"],
};
const SIGN_INS = {
  admin: "admin@demo.clinic",
  reception: "reception@demo.clinic",
  practitioner: "priya-raman@demo.clinic",
};

test("signed out, every staff page sends you to sign in and comes back to it", async ({ request }) => {
  for (const path of Object.keys(STAFF_PAGES)) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(res.headers().location, path).toBe(`/login?next=${encodeURIComponent(path)}`);
  }
});

test("each role opens only its own staff pages: the others are not found", async ({ baseURL }) => {
  for (const [role, email] of Object.entries(SIGN_INS)) {
    const ctx = await signedIn(baseURL!, email);
    for (const [path, roles] of Object.entries(STAFF_PAGES)) {
      // a page a role may open can still be a 404 for a missing record (the made-up patient and appointment ids)
      const allowed = roles.includes(role as keyof typeof SIGN_INS);
      if (allowed && path.includes(UUID)) continue;
      // a day sheet names its location or practitioner; a location's is the front desk's (a practitioner asking for
      // one is refused in the test above)
      const url = path === "/calendar/print" ? "/calendar/print?location=chatswood&date=2026-12-14" : path;
      const expected = allowed && !(url !== path && role === "practitioner") ? 200 : 404;
      expect((await ctx.get(url, { maxRedirects: 0 })).status(), `${role} ${url}`).toBe(expected);
    }
    await ctx.dispose();
  }
});

test("the list above is every staff page, with the roles each page itself requires", () => {
  const pages = readdirSync("app", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("page.tsx"));
  const guarded = new Map<string, string>();
  for (const file of pages) {
    const call = /requireStaffPage\(\s*(STAFF_ROLES|\[[^\]]*\])/.exec(readFileSync(`app/${file}`, "utf8"));
    if (!call) continue;
    const route = `/${file}`
      .replace(/\/page\.tsx$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[[^\]]+\]/g, UUID);
    const named = call[1] ?? "";
    const roles =
      named === "STAFF_ROLES"
        ? "admin,practitioner,reception"
        : [...named.matchAll(/"(\w+)"/g)]
            .map((m) => m[1])
            .sort()
            .join();
    guarded.set(route, roles);
  }
  const listed = new Map(Object.entries(STAFF_PAGES).map(([path, roles]) => [path, [...roles].sort().join()]));
  // /account/mfa is open to a session that still has to enrol, so it has its own check (covered above)
  guarded.delete("/account/mfa");
  expect(Object.fromEntries(listed)).toEqual(Object.fromEntries(guarded));
});

// Server actions (the setup, staff, account, intake and sign-in forms) post to a page with a `Next-Action` header.
// From another site every one of them is refused before it reaches the action, whatever the body, even with an
// admin's session.
test("server actions from another site are refused, even with an admin's session", async ({ baseURL }) => {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const actions = Object.entries(manifest.node);
  expect(actions.map(([, a]) => a.filename)).toContain("app/(staff)/admin/_setup/actions.ts");
  expect(actions.map(([, a]) => a.filename)).toContain("app/(staff)/admin/staff/actions.ts");
  const admin = await signedIn(baseURL!, SIGN_INS.admin);
  for (const [id] of actions) {
    const forged: Record<string, string>[] = [{ Origin: "http://evil.example" }, { "Sec-Fetch-Site": "cross-site" }];
    for (const headers of forged) {
      const res = await admin.post("/admin/locations", {
        headers: { ...headers, "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" },
        data: "[]",
      });
      expect(res.status(), `${manifest.node[id]!.exportedName} ${JSON.stringify(headers)}`).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
  }
  await admin.dispose();
});

// A practitioner's photo: anyone may see it (it is on /book), only an admin may change it, and never from another site.
test("a practitioner's photo: public to read, changed only by an admin from the clinic's own pages", async ({
  request,
  baseURL,
}) => {
  const change = "/api/v1/staff/admin/practitioners/amelia-chen/photo";
  const bytes = { headers: { "Content-Type": "application/octet-stream" }, data: Buffer.from("not an image") };
  expect((await request.put(change, bytes)).status(), "signed out").toBe(401);
  expect((await request.delete(change, { headers: { "Content-Type": "application/json" } })).status()).toBe(401);
  const reception = await signedIn(baseURL!, SIGN_INS.reception);
  expect((await reception.put(change, bytes)).status(), "reception").toBe(403);
  const jsonType = { "Content-Type": "application/json" };
  expect((await reception.delete(change, { headers: jsonType })).status(), "reception").toBe(403);
  await reception.dispose();
  const admin = await signedIn(baseURL!, SIGN_INS.admin);
  const sites: Record<string, string>[] = [{ Origin: "http://evil.example" }, { "Sec-Fetch-Site": "cross-site" }];
  for (const forged of sites) {
    expect((await admin.put(change, { ...bytes, headers: { ...bytes.headers, ...forged } })).status()).toBe(403);
    expect((await admin.delete(change, { headers: { ...jsonType, ...forged } })).status(), "from another site").toBe(
      403,
    );
  }
  // a body a cross-site form could send is refused before it is read
  expect((await admin.put(change, { headers: { "Content-Type": "text/plain" }, data: "x" })).status()).toBe(400);
  // from the clinic's own page, the bytes themselves are judged: not an image
  expect((await admin.put(change, { ...bytes, headers: { ...bytes.headers, Origin: baseURL! } })).status()).toBe(422);
  await admin.dispose();
  const photo = await request.get("/api/v1/practitioners/amelia-chen/photo");
  expect(photo.status()).toBe(200);
  expect(photo.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await request.get("/api/v1/practitioners/no-such-person/photo")).status()).toBe(404);
});
