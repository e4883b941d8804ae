import { readFile } from "node:fs/promises";
import { request as newRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { credentialsSignIn, signIn, sydneyDate } from "./support/staff";

const HEADER = "practitioner,availableMinutes,bookedMinutes,ratio,attended,noShow,cancelled";

test("the manager opens reports, changes the range and the location, and downloads the CSV", async ({
  page,
  checkA11y,
}) => {
  test.slow(); // several report pages, each checked with axe
  await signIn(page, "admin@demo.clinic");
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await expect(page.getByLabel("Range", { exact: true })).toHaveValue("this-week");
  for (const title of ["Utilisation by practitioner", "Utilisation by location", "Utilisation by week", "Appointments"])
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await expect(page.getByRole("img", { name: /Utilisation by week, as a line chart/ })).toBeVisible();
  await checkA11y();

  // Last month: the demo clinic's history has attended visits and no-shows in every month.
  await page.getByLabel("Range", { exact: true }).selectOption("last-month");
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/range=last-month/);
  const outcomes = page.getByRole("table", { name: "Appointments by outcome" });
  await expect(outcomes.getByRole("row", { name: /Attended/ })).toBeVisible();
  const attended = Number(
    await outcomes
      .getByRole("row", { name: /Attended/ })
      .getByRole("cell")
      .first()
      .textContent(),
  );
  expect(attended).toBeGreaterThan(0);

  await page.getByLabel("Location", { exact: true }).selectOption({ label: "Chatswood" });
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/location=chatswood/);
  await expect(page.getByLabel("Location", { exact: true })).toHaveValue("chatswood");
  const byLocation = page.getByRole("table", { name: "Utilisation by location" });
  await expect(byLocation.getByRole("rowheader")).toHaveText(["Chatswood"]);
  await checkA11y();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV of utilisation by practitioner" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^practitioners-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await file.path())!)).toString("utf8").trim().split("\n");
  expect(lines[0]).toBe(HEADER);
  expect(lines.length).toBeGreaterThan(1);

  // A custom range with the end before the start is explained beside the field.
  await page.getByLabel("Range", { exact: true }).selectOption("custom");
  await page.getByLabel("From", { exact: true }).fill(sydneyDate(0));
  await page.getByLabel("To", { exact: true }).fill(sydneyDate(-3));
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page.getByText("The end date must not be before the start")).toBeVisible();
  await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await checkA11y();
});

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await newRequest.newContext({ baseURL });
  expect((await (await credentialsSignIn(ctx))(email)).status(), `${email} signs in`).toBeLessThan(400);
  return ctx;
}

test("the summary API and page are for admins only", async ({ request, baseURL }) => {
  const url = `/api/v1/staff/reports/summary?from=${sydneyDate(-7)}&to=${sydneyDate(0)}`;
  const out = await request.get(url);
  expect(out.status()).toBe(401);
  expect((await out.json()).error.code).toBe("unauthorized");
  expect((await request.get("/admin/reports", { maxRedirects: 0 })).status()).toBe(307);
  for (const email of ["reception@demo.clinic", "priya-raman@demo.clinic"]) {
    const ctx = await signedIn(baseURL!, email);
    const res = await ctx.get(url);
    expect(res.status(), email).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    expect((await ctx.get("/admin/reports")).status(), email).toBe(404);
    await ctx.dispose();
  }

  const admin = await signedIn(baseURL!, "admin@demo.clinic");
  const res = await admin.get(url);
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(Object.keys(body)).toEqual([
    "from",
    "to",
    "utilisation",
    "appointments",
    "newPatients",
    "bySource",
    "intake",
    "routes",
    "practitioners",
  ]);
  expect(Object.keys(body.bySource)).toEqual(["online", "phone", "waitlist", "booking-referral", "import"]);
  const csv = await admin.get(url, { headers: { Accept: "text/csv" } });
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  expect((await csv.text()).split("\n")[0]).toBe(HEADER);
  const bad = await admin.get(`/api/v1/staff/reports/summary?from=2027-01-01&to=2028-01-02`);
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.fields.to).toBeTruthy();
  const unknown = await admin.get(`${url}&location=atlantis`);
  expect(unknown.status()).toBe(422);
  expect((await unknown.json()).error.fields).toEqual({ location: "There is no location with that name." });
  await admin.dispose();
});
