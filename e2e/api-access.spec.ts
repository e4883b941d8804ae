// Every page and route this wave added, asked as an outsider would: signed out, signed in with the wrong role, and
// (for the changes) from another site. Server actions are origin-checked by Next.js itself.
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
