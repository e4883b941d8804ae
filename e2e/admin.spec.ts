import { expect, test } from "./fixtures";
import { bookOneOf, freeSlots, patient, weekdayAhead } from "./support/api";
import { signIn, sydneyDate } from "./support/staff";

test("an admin reads the audit log and filters it by person, action, outcome and date", async ({ page, checkA11y }) => {
  test.slow(); // several pages, each checked with axe
  await signIn(page, "admin@demo.clinic");
  await page.goto("/admin/audit");
  await expect(
    page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Audit log" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const table = page.getByRole("table", { name: /Audit log entries/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText([
    "When",
    "Person",
    "Action",
    "Outcome",
    "Patient",
    "Subject",
    "Address",
  ]);
  await checkA11y();

  // The admin's own sign-in is in the log.
  await page.getByLabel("Person").fill("admin@demo.clinic");
  await page.getByLabel("Action").selectOption("auth.sign-in");
  await page.getByLabel("Outcome").selectOption("ok");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/person=admin%40demo\.clinic/);
  await expect(page.getByLabel("Person")).toHaveValue("admin@demo.clinic");
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  const actions = await table.locator("tbody td[data-label=Action]").allTextContents();
  expect(actions.length).toBeGreaterThan(0);
  expect(new Set(actions)).toEqual(new Set(["auth.sign-in"]));
  await expect(table.locator("tbody td[data-label=Person]").first()).toContainText("Clinic Manager");
  await checkA11y();

  // Nothing has happened tomorrow yet; a date that is not real is explained next to its field.
  const tomorrow = sydneyDate(1);
  await page.goto(`/admin/audit?from=${tomorrow}&to=${tomorrow}`);
  await expect(page.getByText("No audit entries match these filters.")).toBeVisible();
  await page.goto("/admin/audit?from=2026-02-30");
  await expect(page.getByText("That is not a real date")).toBeVisible();
  await expect(page.getByRole("table", { name: /Audit log entries/ })).toBeVisible();
  await checkA11y();

  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/, { timeout: 30_000 });
});

test("an admin sees the emails that failed every retry", async ({ page, checkA11y }) => {
  await signIn(page, "admin@demo.clinic");
  await page.goto("/admin/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Failed emails" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Dead letters" })).toBeVisible();
  await checkA11y();
});

test("with no mail server, an admin reads the emails in the dashboard's outbox and opens one", async ({
  page,
  request,
  checkA11y,
}) => {
  const slots = await freeSlots(request, {
    location: "chatswood",
    service: "physio-initial",
    from: weekdayAhead(30),
    to: weekdayAhead(37),
  });
  expect(await bookOneOf(request, "physio-initial", slots, patient("outbox-page"), "random")).not.toBeNull();
  await signIn(page, "admin@demo.clinic");
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Email outbox" })).toBeVisible();
  const table = page.getByRole("table", { name: /Emails written to the outbox/ });
  // the booking's confirmation arrives within a few seconds
  await expect(table.locator("tbody tr").first()).toBeVisible({ timeout: 20_000 });
  await checkA11y();
  const first = table.locator("tbody tr").first().getByRole("link").first();
  const subject = (await first.textContent()) ?? "";
  await first.click();
  await expect(page).toHaveTitle(subject.trim());
});
