// A clinic group's first day with the product: an empty database, one admin made by `npm run admin:create`, no demo
// data. The manager sets the clinic up through the screens, a patient books it on a phone, and the practitioner
// accepts their invitation. Runs in the "first-run" project, against its own server (e2e/support/serve.mjs --empty).
import { devices, type Page } from "@playwright/test";
import { generate } from "otplib";
import { expect, test, waitsForHydration } from "./fixtures";
import {
  chooseService,
  choosePractitioner,
  fillDetails,
  newPatient,
  openFirstFreeDay,
  pickFirstTime,
} from "./support/booking";
import admin from "./support/first-run-admin.json" with { type: "json" };
import { signIn } from "./support/staff";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** YYYY-MM-DD in Sydney today. */
const sydneyToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Australia/Sydney" }).format(new Date());

/** With nothing listed yet the form is open already; otherwise its button opens it. */
async function openAddForm(page: Page, name: string) {
  await expect(page.getByRole("heading", { name }).or(page.getByRole("button", { name }))).toBeVisible();
  const button = page.getByRole("button", { name });
  if (await button.isVisible()) await button.click();
}

/** The first sign-in of an admin on a production build enrols two-step sign-in first. */
async function enrolIfAsked(page: Page) {
  if (!/\/account\/mfa/.test(page.url())) return;
  const secret = (await page.getByTestId("mfa-secret").getAttribute("data-secret"))!;
  await page.getByLabel("6-digit code").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByRole("list", { name: "Your recovery codes" })).toBeVisible();
}

test("from an empty database, the manager sets up a clinic, a patient books it on a phone, the practitioner signs in", async ({
  page,
  browser,
  checkA11y,
}, testInfo) => {
  test.setTimeout(600_000);
  const base = testInfo.project.use.baseURL!;

  // Patients find nothing to book yet.
  expect((await (await page.request.get("/api/v1/locations")).json()).locations).toEqual([]);

  await signIn(page, admin.email, admin.password);
  // A production build asks an admin to turn on two-step sign-in before anything else.
  await page.goto("/calendar");
  await page.waitForURL(/\/(account\/mfa|admin\/setup)/);
  await enrolIfAsked(page);
  // With no location yet, the admin's first screen is the setup checklist.
  await page.goto("/calendar");
  await expect(page).toHaveURL(/\/admin\/setup/);
  const checklist = page.getByRole("list", { name: "Setup checklist" });
  await expect(checklist.getByRole("listitem")).toHaveCount(6);
  await checkA11y();
  const setupNav = page.getByRole("navigation", { name: "Setup" });

  // Group details
  await setupNav.getByRole("link", { name: "Group details" }).click();
  await page.getByLabel("Group name").fill("Bayside Sports Physio");
  await page.getByLabel("Phone").fill("(03) 9000 1234");
  await page.getByLabel("Emails come from").fill("hello@bayside.example");
  await page.getByRole("button", { name: "Save group details" }).click();
  await expect(page.getByRole("status")).toContainText(/saved/i);

  // A location in Melbourne, with Victoria's public holidays
  await setupNav.getByRole("link", { name: "Locations" }).click();
  await openAddForm(page, "Add a location");
  await page.getByLabel("Name", { exact: true }).fill("St Kilda");
  await page.getByLabel("Short name for links").fill("st-kilda");
  await page.getByLabel("Time zone").fill("Australia/Melbourne");
  await page.getByLabel("Public holidays").selectOption({ label: "Victoria" });
  await page.getByRole("textbox", { name: "Address", exact: true }).fill("1 Fitzroy Street, St Kilda VIC 3182");
  await page.getByRole("button", { name: "Add location" }).click();
  await expect(page.getByRole("status").getByText("St Kilda saved.")).toBeVisible();

  // A service offered there
  await setupNav.getByRole("link", { name: "Services" }).click();
  await openAddForm(page, "Add a service");
  await page.getByLabel("Name", { exact: true }).fill("Hamstring assessment");
  await page.getByLabel("Short name for links").fill("hamstring-assessment");
  await page.getByLabel("Duration (minutes)").fill("45");
  await page.getByRole("checkbox", { name: "St Kilda" }).check();
  await page.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByRole("status").getByText("Hamstring assessment saved.")).toBeVisible();

  // A practitioner who works there, invited by email
  await setupNav.getByRole("link", { name: "Practitioners" }).click();
  await openAddForm(page, "Add a practitioner");
  await page.getByLabel("Name", { exact: true }).fill("Ruby Lane");
  await page.getByLabel("Short name for links").fill("ruby-lane");
  await page.getByRole("textbox", { name: "Email (optional)" }).fill("ruby@bayside.example");
  await page.getByRole("checkbox", { name: "St Kilda" }).check();
  await page.getByRole("button", { name: "Add practitioner" }).click();
  await expect(page.getByRole("status").getByText("Ruby Lane saved.")).toBeVisible();

  // Her roster, from today: every day, 07:00 to 19:00 with a lunch break, previewed before saving
  await page.goto("/admin/rosters?practitioner=ruby-lane&location=st-kilda");
  const form = page.getByRole("form", { name: "Set the roster from a date" });
  await form.getByLabel("First day").fill(sydneyToday());
  while ((await form.getByRole("button", { name: /^Remove shift/ }).count()) > 0)
    await form
      .getByRole("button", { name: /^Remove shift/ })
      .first()
      .click();
  for (const [i, day] of DAYS.entries()) {
    await form.getByRole("button", { name: "Add a shift" }).click();
    await form.getByLabel("Day", { exact: true }).nth(i).selectOption(day);
    await form.getByLabel("Starts", { exact: true }).nth(i).fill("07:00");
    await form.getByLabel("Ends", { exact: true }).nth(i).fill("19:00");
  }
  await form.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("list", { name: "Bookable times by day" })).toBeVisible();
  await checkA11y();
  await preview.getByRole("button", { name: "Save roster" }).click();
  await expect(page.getByText("Roster saved.")).toBeVisible();

  // Every step of the checklist is ticked but the last, which opens the booking page.
  await page.goto("/admin/setup");
  await expect(checklist.getByRole("link", { name: /see it as a patient/i })).toBeVisible();

  // A patient books it on a phone.
  const phone = await browser.newContext({ ...devices["Pixel 7"], baseURL: base });
  const p = waitsForHydration(await phone.newPage());
  await p.goto("/book");
  await expect(p.getByText("Bayside Sports Physio").first()).toBeVisible();
  await chooseService(p, "Hamstring assessment");
  await choosePractitioner(p, "First available");
  await openFirstFreeDay(p);
  await pickFirstTime(p);
  await fillDetails(p, newPatient("Zara"));
  await p.getByRole("button", { name: "Review booking" }).click();
  await p.getByRole("button", { name: "Confirm booking" }).click();
  await expect(p.getByRole("heading", { name: /You're booked, Zara/ })).toBeVisible({ timeout: 20_000 });
  await expect(p.getByText("Ruby Lane").first()).toBeVisible();
  await phone.close();

  // The practitioner's invitation, from the outbox: she sets a password and signs in.
  let invitePath = "";
  await expect
    .poll(
      async () => {
        await page.goto("/admin/outbox");
        const mail = page.getByRole("row").filter({ hasText: "ruby@bayside.example" }).first();
        if ((await mail.count()) === 0) return "";
        const href = await mail.getByRole("link").first().getAttribute("href");
        const html = await (await page.request.get(href!)).text();
        invitePath = /\/login\/invite\/[A-Za-z0-9_-]{43}/.exec(html)?.[0] ?? "";
        return invitePath;
      },
      { timeout: 60_000 },
    )
    .not.toBe("");
  await page.context().clearCookies();
  await page.goto(invitePath);
  const password = `kelp harbour tern ${Date.now()}`;
  await page.getByLabel("Choose a password").fill(password);
  await page.getByLabel("The same password again").fill(password);
  await page.getByRole("button", { name: "Set my password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is set");
  await signIn(page, "ruby@bayside.example", password);
  await expect(page).toHaveURL(/\/(my-day|account\/mfa)/);
});
