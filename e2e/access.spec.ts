import { expect, test, waitsForHydration } from "./fixtures";
import { nameSafe } from "./support/api";
import { bookWith, credentialsSignIn, signIn } from "./support/staff";

// Distinct accounts per browser project, so parallel runs neither share a booking nor a throttle.
const cast = (project: string) =>
  project === "phone"
    ? {
        owner: "tom-hartley",
        other: { slug: "liam-walsh", name: "Liam Walsh" },
        throttled: "mia-thompson",
        address: "198.51.100.62",
      }
    : {
        owner: "james-okafor",
        other: { slug: "ella-fraser", name: "Ella Fraser" },
        throttled: "noah-patel",
        address: "198.51.100.61",
      };

test("another practitioner's patient's intake is refused by page and API, and each attempt is in the audit log", async ({
  page,
  browser,
  request,
  checkA11y,
}, testInfo) => {
  test.slow(); // several pages, each checked with axe
  const c = cast(testInfo.project.name);
  const lastName = `Private ${testInfo.project.name} ${nameSafe(String(Date.now()))}`;
  const booked = await bookWith(request, c.owner, lastName);
  await signIn(page, `${c.other.slug}@demo.clinic`);

  const res = await page.goto(`/appointments/${booked.id}/intake`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Intake not available" })).toBeVisible();
  await expect(page.getByText(lastName)).toHaveCount(0);
  await checkA11y();

  const api = await page.request.get(`/api/v1/staff/appointments/${booked.id}/intake`);
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
  // A practitioner has no audit log either.
  expect((await page.goto("/admin/audit"))?.status()).toBe(404);

  const admin = waitsForHydration(await browser.newPage({ baseURL: testInfo.project.use.baseURL }));
  await signIn(admin, "admin@demo.clinic");
  await admin.goto(`/admin/audit?person=${c.other.slug}%40demo.clinic&action=intake.read&outcome=denied`);
  // this run's two attempts (a database reused from an earlier run keeps that run's rows too)
  const rows = admin
    .getByRole("table", { name: /Audit log entries/ })
    .locator("tbody tr")
    .filter({ hasText: `Harper ${lastName}` });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(c.other.name);
  await expect(rows.first()).toContainText(`Harper ${lastName}`);
  await expect(rows.first()).toContainText("Denied");
  await admin.close();
});

test("reception gets no intake answers from any page or route", async ({ page, request, checkA11y }, testInfo) => {
  const c = cast(testInfo.project.name);
  const booked = await bookWith(request, c.owner, `Desk ${testInfo.project.name}`);
  await signIn(page, "reception@demo.clinic");

  const api = await page.request.get(`/api/v1/staff/appointments/${booked.id}/intake`);
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("forbidden");
  const res = await page.goto(`/appointments/${booked.id}/intake`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Intake not available" })).toBeVisible();
  await checkA11y();

  // The day list carries status, route and "needs a call", never answers or the summary.
  const list = await page.request.get(
    `/api/v1/staff/appointments?location=${booked.location}&date=${booked.start.slice(0, 10)}`,
  );
  expect(list.status()).toBe(200);
  const body = await list.text();
  expect(body).toContain(booked.id);
  expect(body).not.toMatch(/"(answers|summary|flags|riskFactors)"/);
  for (const path of ["/my-day", "/my-week", "/my-calendar"]) expect((await page.goto(path))?.status()).toBe(404);
});

test("signed out, staff routes answer 401 and staff pages send you to sign in", async ({ page, request }) => {
  const api = await request.get("/api/v1/staff/appointments/3f0c1c9e-0000-4000-8000-000000000000/intake");
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("unauthorized");
  for (const path of [
    "/my-day",
    "/my-week",
    "/my-calendar",
    "/admin/audit",
    "/appointments/3f0c1c9e-0000-4000-8000-000000000000/intake",
  ]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(path).replace(/[.?]/g, "\\$&")}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Staff sign in" })).toBeVisible();
  }
});

test("the sixth wrong password for an account within a minute is refused with 429", async ({
  playwright,
  baseURL,
}, testInfo) => {
  const c = cast(testInfo.project.name);
  // Its own client address, so these failures never count against anyone else's sign-ins.
  const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": c.address } });
  const post = await credentialsSignIn(client);
  const attempt = (password: string) => post(`${c.throttled}@demo.clinic`, password);
  for (let i = 1; i <= 5; i++) expect((await attempt(`wrong-${i}`)).status(), `attempt ${i}`).not.toBe(429);
  const sixth = await attempt("wrong-6");
  expect(sixth.status()).toBe(429);
  expect(sixth.headers()["retry-after"]).toBe("60");
  expect((await sixth.json()).error.code).toBe("rate_limited");
  // Even the right password waits out the minute.
  expect((await attempt("clinic-demo-2026")).status()).toBe(429);
  await client.dispose();
});
