// The working-time routes of "Clinic setup" over HTTP: 401 signed out, 403 for reception and practitioners, 422 with
// fields, 404 for unknown names and ids. (What each change does is tested against Postgres in lib/setup.)
import { expect, request as newRequest, test, type APIRequestContext } from "@playwright/test";
import { credentialsSignIn } from "./support/staff";

const UUID = "3f0c1c9e-0000-4000-8000-000000000000";
const ROUTES: [method: "get" | "put" | "post" | "delete", path: string][] = [
  ["get", "/api/v1/staff/admin/practitioners/grace-miller/roster?location=north-sydney"],
  ["put", "/api/v1/staff/admin/practitioners/grace-miller/roster"],
  ["get", "/api/v1/staff/admin/practitioners/grace-miller/leave"],
  ["post", "/api/v1/staff/admin/practitioners/grace-miller/leave"],
  ["delete", `/api/v1/staff/admin/leave/${UUID}`],
  ["get", "/api/v1/staff/admin/locations/north-sydney/closures"],
  ["post", "/api/v1/staff/admin/locations/north-sydney/closures"],
  ["delete", `/api/v1/staff/admin/closures/${UUID}`],
  ["get", "/api/v1/staff/admin/locations/north-sydney/open-days"],
  ["put", "/api/v1/staff/admin/locations/north-sydney/open-days/2026-12-25"],
  ["delete", "/api/v1/staff/admin/locations/north-sydney/open-days/2026-12-25"],
];

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await newRequest.newContext({ baseURL });
  expect((await (await credentialsSignIn(ctx))(email)).status(), `${email} signs in`).toBeLessThan(400);
  return ctx;
}

const call = (ctx: APIRequestContext, method: (typeof ROUTES)[number][0], path: string, data: unknown = {}) =>
  method === "get" ? ctx.get(path) : ctx[method](path, { data });

test("signed out: 401 on every working-time route", async ({ request }) => {
  for (const [method, path] of ROUTES) {
    const res = await call(request, method, path);
    expect(res.status(), `${method} ${path}`).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  }
});

test("reception and practitioners: 403 on every working-time route", async ({ baseURL }) => {
  for (const email of ["reception@demo.clinic", "priya-raman@demo.clinic"]) {
    const ctx = await signedIn(baseURL!, email);
    for (const [method, path] of ROUTES) {
      const res = await call(ctx, method, path);
      expect(res.status(), `${email} ${method} ${path}`).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    await ctx.dispose();
  }
});

test("admin: 422 with fields for bad input, 404 for unknown names and ids, dry runs change nothing", async ({
  baseURL,
}) => {
  const admin = await signedIn(baseURL!, "admin@demo.clinic");
  const roster = "/api/v1/staff/admin/practitioners/grace-miller/roster";
  const bad = await admin.put(roster, {
    data: {
      location: "north-sydney",
      validFrom: "2027-02-30",
      rotationWeeks: 2,
      shifts: [{ week: 3, weekday: 9, start: "17:00", end: "09:00", breaks: [{ start: "25:00", end: "13:00" }] }],
    },
  });
  expect(bad.status()).toBe(422);
  const fields = (await bad.json()).error.fields;
  for (const f of ["validFrom", "shifts.0.week", "shifts.0.weekday", "shifts.0.breaks.0.start"])
    expect(fields, f).toHaveProperty([f]);
  const unknownPlace = await admin.put(roster, { data: { location: "atlantis", validFrom: "2027-03-01", shifts: [] } });
  expect(unknownPlace.status()).toBe(422);
  expect((await unknownPlace.json()).error.fields).toHaveProperty(["location"]);
  expect(
    (
      await admin.put("/api/v1/staff/admin/practitioners/nobody/roster", {
        data: { location: "north-sydney", validFrom: "2027-03-01", shifts: [] },
      })
    ).status(),
  ).toBe(404);

  const leave = await admin.post("/api/v1/staff/admin/practitioners/grace-miller/leave", {
    data: { start: "2027-03-02", end: "2027-03-01" },
  });
  expect(leave.status()).toBe(422);
  expect((await leave.json()).error.fields).toHaveProperty(["end"]);
  const dry = await admin.post("/api/v1/staff/admin/practitioners/grace-miller/leave?dryRun=1", {
    data: { start: "2027-03-01", end: "2027-03-01" },
  });
  expect(dry.status()).toBe(200);
  expect(await dry.json()).toMatchObject({ leave: { startsOn: "2027-03-01" }, clashes: [] });
  const listed = (await (await admin.get("/api/v1/staff/admin/practitioners/grace-miller/leave")).json()).leave;
  expect(listed.map((l: { startsOn: string | null }) => l.startsOn)).not.toContain("2027-03-01");

  const closure = await admin.post("/api/v1/staff/admin/locations/north-sydney/closures", {
    data: { from: "2027-03-01", to: "2027-03-01", reason: "" },
  });
  expect(closure.status()).toBe(422);
  expect((await closure.json()).error.fields).toHaveProperty(["reason"]);
  expect(
    (
      await admin.post("/api/v1/staff/admin/locations/atlantis/closures", {
        data: { from: "2027-03-01", to: "2027-03-01", reason: "Floods" },
      })
    ).status(),
  ).toBe(404);
  for (const path of [
    `/api/v1/staff/admin/leave/${UUID}`,
    `/api/v1/staff/admin/closures/${UUID}`,
    "/api/v1/staff/admin/leave/x",
  ])
    expect((await admin.delete(path, { data: {} })).status(), path).toBe(404);

  const notHoliday = await admin.put("/api/v1/staff/admin/locations/north-sydney/open-days/2027-03-02", { data: {} });
  expect(notHoliday.status()).toBe(422);
  expect((await notHoliday.json()).error.fields).toHaveProperty(["date"]);
  const { holidays } = await (await admin.get("/api/v1/staff/admin/locations/north-sydney/open-days")).json();
  expect(holidays.length).toBeGreaterThan(0);
  await admin.dispose();
});
