// The staff-account routes over HTTP with real session cookies: 401, 403, 201, 422, 404, the cross-site refusal, and a
// deactivated account's cookie refused on its very next request.
import { expect, request as newRequest, test, type APIRequestContext } from "@playwright/test";
import { credentialsSignIn } from "./support/staff";

const BASE = "/api/v1/staff/admin/staff";
const UUID = "3f0c1c9e-0000-4000-8000-000000000000";

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await newRequest.newContext({ baseURL });
  expect((await (await credentialsSignIn(ctx))(email)).status(), `${email} signs in`).toBeLessThan(400);
  return ctx;
}

test("signed out 401; reception and practitioners 403", async ({ request, baseURL }) => {
  expect((await request.get(BASE)).status()).toBe(401);
  expect((await request.post(BASE, { data: {} })).status()).toBe(401);
  expect((await request.patch(`${BASE}/${UUID}`, { data: { active: false } })).status()).toBe(401);
  for (const email of ["reception@demo.clinic", "priya-raman@demo.clinic"]) {
    const ctx = await signedIn(baseURL!, email);
    expect((await ctx.get(BASE)).status(), email).toBe(403);
    const res = await ctx.post(BASE, { data: { email: "x@example.com", name: "X", role: "admin" } });
    expect(res.status(), email).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    expect((await ctx.patch(`${BASE}/${UUID}`, { data: { role: "admin" } })).status(), email).toBe(403);
    await ctx.dispose();
  }
});

test("an admin invites (201), is told what is wrong (422, 404, 409), and a deactivated session ends at once", async ({
  baseURL,
}) => {
  const admin = await signedIn(baseURL!, "admin@demo.clinic");
  const created = await admin.post(BASE, {
    data: { email: "new.reception@example.com", name: "Nia Reception", role: "reception" },
  });
  expect(created.status()).toBe(201);
  const { staff } = await created.json();
  expect(staff).toMatchObject({ id: expect.any(String), role: "reception", status: "invited", practitioner: null });

  const again = await admin.post(BASE, {
    data: { email: "NEW.reception@example.com", name: "Nia Again", role: "reception" },
  });
  expect(again.status()).toBe(422);
  expect((await again.json()).error.fields).toHaveProperty("email");
  const linked = await admin.post(BASE, {
    data: { email: "p@example.com", name: "P", role: "practitioner", practitioner: "priya-raman" },
  });
  expect((await linked.json()).error.fields).toEqual({ practitioner: "This practitioner already has a staff account" });
  expect((await admin.patch(`${BASE}/${UUID}`, { data: { active: false } })).status()).toBe(404);
  expect((await admin.patch(`${BASE}/not-a-uuid`, { data: { active: false } })).status()).toBe(404);
  const listed = await (await admin.get(BASE)).json();
  const me = listed.staff.find((s: { email: string }) => s.email === "admin@demo.clinic");
  expect((await admin.patch(`${BASE}/${me.id}`, { data: { active: false } })).status()).toBe(409);
  const sibling = await admin.patch(`${BASE}/${staff.id}`, {
    data: { role: "admin" },
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
  });
  expect(sibling.status()).toBe(403);

  // tom's live session stops working the moment his account is deactivated
  const tom = await signedIn(baseURL!, "tom-hartley@demo.clinic");
  expect((await tom.get(BASE)).status()).toBe(403);
  const tomId = listed.staff.find((s: { email: string }) => s.email === "tom-hartley@demo.clinic").id;
  const off = await admin.patch(`${BASE}/${tomId}`, { data: { active: false } });
  expect(off.status()).toBe(200);
  expect((await off.json()).staff.status).toBe("deactivated");
  expect((await tom.get(BASE)).status()).toBe(401);
  expect((await admin.patch(`${BASE}/${tomId}`, { data: { active: true } })).status()).toBe(200);
  await tom.dispose();
  await admin.dispose();
});
