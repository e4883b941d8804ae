import { expect, test } from "./fixtures";
import { weekdayAhead } from "./support/api";
import { signIn } from "./support/staff";

test("signed out, the calendar sends you to sign in and the staff API answers 401", async ({ page, request }) => {
  await page.goto("/calendar");
  await expect(page).toHaveURL(/\/login\?next=%2Fcalendar/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  const res = await request.get(`/api/v1/staff/appointments?location=martin-place&date=${weekdayAhead(1)}`);
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("unauthorized");
});

test("reception books a phone patient, moves and cancels the booking", async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(240_000); // a whole desk journey with four axe runs, on a busy CI machine
  const next = weekdayAhead(1);
  // each project books at its own location so parallel runs never race for one time
  const location = testInfo.project.name === "phone" ? "chatswood" : "martin-place";
  const last = `Caller${testInfo.project.name === "phone" ? "p" : "d"}${Date.now().toString(36).replace(/\d/g, "")}`;

  await signIn(page, "reception@demo.clinic");
  await expect(page).toHaveURL(/\/calendar/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await checkA11y();

  await page.goto(`/calendar?location=${location}&date=${next}`);
  await page.getByRole("button", { name: "+ New booking" }).click();
  const book = page.getByRole("dialog", { name: "New booking" });
  await expect(book).toBeVisible();
  await book.getByRole("button", { name: "New patient" }).click();
  await book.getByLabel("First name").fill("Phoebe");
  await book.getByLabel("Last name").fill(last);
  await book.getByLabel("Phone").fill("0412 555 019");
  await book.getByLabel("Email").fill(`${last.toLowerCase()}@example.com`);
  await book.getByLabel("Date of birth").fill("1988-03-14");
  await book.getByLabel("Service").selectOption("physio-initial");
  await expect(book.getByRole("radio").first()).toBeAttached();
  await checkA11y();
  await book.getByRole("radio").first().check();
  await book.getByRole("button", { name: "Book appointment" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Booked Phoebe ${last}` })).toBeVisible();
  await expect(book).toBeHidden();

  // Move it to another free time with the same practitioner.
  const card = page.locator(".appt", { hasText: `Phoebe ${last}` });
  await card.click();
  const details = page.getByRole("dialog", { name: `Phoebe ${last}` });
  await expect(details.getByRole("link", { name: "0412 555 019" })).toBeVisible();
  await details.getByRole("button", { name: "Move…" }).click();
  const move = page.getByRole("dialog", { name: `Move Phoebe ${last}` });
  await expect(move.getByRole("radio").nth(2)).toBeAttached();
  await move.getByRole("radio").nth(2).check();
  await move.getByRole("button", { name: "Move appointment" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Moved Phoebe ${last}` })).toBeVisible();

  // Cancel it with a reason; the row stays, listed as cancelled.
  await page.locator(".appt", { hasText: `Phoebe ${last}` }).click();
  await page
    .getByRole("dialog", { name: `Phoebe ${last}` })
    .getByRole("button", { name: "Cancel…" })
    .click();
  const cancel = page.getByRole("dialog", { name: `Cancel Phoebe ${last}’s appointment` });
  await cancel.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(cancel.getByText("Enter a reason for cancelling")).toBeVisible();
  await cancel.getByRole("textbox", { name: "Reason" }).fill("Patient rang to cancel");
  await cancel.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Cancelled Phoebe ${last}` })).toBeVisible();
  await expect(page.locator(".appt", { hasText: `Phoebe ${last}` })).toHaveCount(0);

  const api = await page.request.get(`/api/v1/staff/appointments?location=${location}&date=${next}`);
  expect(api.status()).toBe(200);
  const mine = (await api.json()).appointments.find(
    (a: { patient: { name: string } }) => a.patient.name === `Phoebe ${last}`,
  );
  expect(mine).toMatchObject({
    status: "cancelled",
    service: "physio-initial",
    location,
    intake: { status: "not-started", route: null, needsCall: false },
  });
  expect(Object.keys(mine).sort()).toEqual([
    "end",
    "id",
    "intake",
    "location",
    "patient",
    "practitioner",
    "service",
    "start",
    "status",
  ]);

  // The patient is on record, with the cancelled visit.
  await page.goto("/patients");
  await checkA11y();
  await page.getByLabel("Search patients").fill(last);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: `${last}, Phoebe` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Phoebe ${last}` })).toBeVisible();
  await expect(page.getByText("Patient rang to cancel")).toBeVisible();
  await checkA11y();
});

test("the calendar switches days and views from the keyboard without reloading", async ({ page, checkA11y }) => {
  test.setTimeout(120_000);
  const next = weekdayAhead(1);
  await signIn(page, "reception@demo.clinic");
  await expect(page).toHaveURL(/\/calendar/, { timeout: 30_000 });
  await page.goto(`/calendar?location=north-sydney&date=${next}`);
  const heading = page.getByRole("heading", { level: 1 });
  const first = await heading.textContent();
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.keyboard.press("ArrowRight");
  await expect(heading).not.toHaveText(first!);
  await expect(page).toHaveURL(/date=\d{4}-\d{2}-\d{2}/);
  await page.getByLabel("Location").selectOption("chatswood");
  await expect(page.locator(".cal-subject")).toHaveText("Chatswood");
  await heading.click(); // shortcuts are off while a field has focus
  await page.keyboard.press("w");
  await expect(heading).toContainText("Week of");
  await expect(page.getByRole("region", { name: /’s week/ })).toBeVisible();
  // still the same document: nothing was reloaded
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  await checkA11y();
});

test("practitioners cannot open the reception calendar and see only their own appointments", async ({ page }) => {
  const next = weekdayAhead(1);
  await signIn(page, "priya-raman@demo.clinic");
  await expect(page).not.toHaveURL(/\/login/);
  const res = await page.request.get(`/api/v1/staff/appointments?location=martin-place&date=${next}`);
  expect(res.status()).toBe(200);
  const practitioners = new Set((await res.json()).appointments.map((a: { practitioner: string }) => a.practitioner));
  expect([...practitioners].every((p) => p === "priya-raman")).toBe(true);
  expect((await page.request.get("/api/v1/staff/patients?q=lee")).status()).toBe(403);
  const page404 = await page.goto("/calendar");
  expect(page404?.status()).toBe(404);
});

test("reception works through the Needs a call list: every flagged patient at any date, called and noted", async ({
  page,
  checkA11y,
}) => {
  await signIn(page, "reception@demo.clinic");
  const nav = () => page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: /^Needs a call/ });
  await expect(nav()).toHaveAccessibleName(/Needs a call \(\d+ waiting\)/);
  const waiting = async () => Number(/\((\d+) waiting\)/.exec((await nav().textContent()) ?? "")?.[1] ?? 0);
  const before = await waiting();
  await nav().click();
  await expect(page.getByRole("heading", { level: 1, name: "Needs a call" })).toBeVisible();
  const first = page
    .getByRole("list", { name: /Patients to call/ })
    .getByRole("listitem")
    .first();
  await expect(first).toBeVisible();
  await checkA11y();
  const name = (await first.getByRole("heading", { level: 2 }).textContent())!.trim();
  const note = first.getByLabel("What came of the call (optional)");
  const noteId = await note.getAttribute("id");
  await note.fill("Spoke to the patient; advised to see their GP today.");
  await first.getByRole("button", { name: `Called ${name}` }).click();
  await expect(page.locator(`#${noteId}`)).toHaveCount(0);
  // (another browser project may be working through the same list at the same time)
  await expect.poll(waiting).toBeLessThan(before);
});
