import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test, waitsForHydration } from "./fixtures";
import {
  answer,
  answerTriage,
  chooseLocation,
  choosePractitioner,
  chooseService,
  confirmBooking,
  dateOfBirth,
  fillDetails,
  firstClearTime,
  newPatient,
  openFirstFreeDay,
  pickFirstTime,
  stepHeading,
  tabTo,
  timeButtons,
} from "./support/booking";

// Desktop and phone run side by side against one database, so each project books with
// its own practitioners and services: no test can take another's time.
// Whole journeys with an axe check at every step: allow more than the default minute.
test.describe.configure({ timeout: 180_000 });

const byProject = <T>(name: string, desktop: T, phone: T): T => (name === "phone" ? phone : desktop);

const ROUTINE = {
  region: "buttock",
  onset: "gradual",
  weeks: "20",
  course: "same",
  radiates: "none",
  diagnosed: true,
  treatments: "physio",
  "treatment-result": "plateaued",
  goal: "return-to-sport",
} as const;

async function reviewAndConfirm(page: Page, checkA11y: () => Promise<void>) {
  await expect(stepHeading(page, "Check and confirm")).toBeVisible();
  await checkA11y();
  await confirmBooking(page);
  await checkA11y();
}

test("a new patient books through “help me choose”", async ({ page, checkA11y }, info) => {
  const online = info.project.name === "desktop";
  await page.goto("/book?help=1");
  await expect(stepHeading(page, "Before we start")).toBeVisible();
  await checkA11y();

  await answerTriage(page, { ...ROUTINE, "prefer-online": online, "online-suitable": online });
  await expect(page.getByText("Our suggestion")).toBeVisible();
  const service = online ? "Online rehab initial consultation" : "Exercise physiology initial consultation";
  await expect(stepHeading(page, service)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Why we suggest this" })).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Book this appointment" }).click();
  // Stepping back from the next step returns to the suggestion, answers and all.
  await expect(
    stepHeading(page, online ? "Who would you like to see?" : "Where would you like to be seen?"),
  ).toBeVisible();
  await page.getByRole("button", { name: "Back", exact: true }).click();
  await expect(stepHeading(page, service)).toBeVisible();
  await page.getByRole("button", { name: "Book this appointment" }).click();

  if (!online) await chooseLocation(page, "Mosman");
  await choosePractitioner(page, "First available");
  await openFirstFreeDay(page);
  await checkA11y();
  if (online) await expect(page.getByText(/with Sydney time beside them/)).toBeVisible();
  else await expect(page.getByText(/Sydney time \(AE[DS]T\)/)).toBeVisible();

  const time = await pickFirstTime(page);
  await checkA11y();
  const patient = newPatient("Harper");
  await fillDetails(page, patient);
  await page.getByRole("button", { name: "Review booking" }).click();
  await expect(page.getByTestId("booking-when")).toContainText(time);
  await reviewAndConfirm(page, checkA11y);

  await expect(page.getByText(service).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Fill in the intake form" })).toHaveAttribute("href", /^\/intake\/.+/);
  // The confirmation is the booking's own manage page (issue 21, item 6), so it needs no link to itself.
  await expect(page).toHaveURL(/\/manage\/[^/?]+\?booked=1$/);
  // The calendar file downloads with the token in a header: no link on the page carries it to a calendar app.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Add to calendar" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("appointment.ics");
  expect((await readFile((await file.path())!)).toString("utf8")).toContain("BEGIN:VEVENT");
  const token = new URL(page.url()).pathname.split("/").pop()!;
  expect(await page.locator(`[href*="calendar.ics"], [href*="token="]`).count()).toBe(0);
  expect((await page.request.get(`/api/v1/bookings/x/calendar.ics?token=${token}`)).status()).toBe(404);
});
test.describe("time zones", () => {
  test.use({ timezoneId: "Australia/Perth" });
  test("online rehab shows the patient's own zone with Sydney beside it; a clinic always shows Sydney time", async ({
    page,
  }) => {
    await page.goto("/book");
    await chooseService(page, "Online rehab session");
    await choosePractitioner(page, "First available");
    await openFirstFreeDay(page);
    await expect(page.getByText(/your time zone \(AWST|GMT\+8\)/)).toBeVisible();
    await expect(timeButtons(page).first()).toContainText("Sydney");
    // The browser's back button steps back through the booking instead of leaving it.
    await page.goBack();
    await expect(stepHeading(page, "Who would you like to see?")).toBeVisible();
    await page.goto("/book");
    await chooseService(page, "Sports physiotherapy follow-up");
    await chooseLocation(page, "Martin Place");
    await choosePractitioner(page, "First available");
    await openFirstFreeDay(page);
    await expect(page.getByText(/local to the clinic, in Sydney time/)).toBeVisible();
    await expect(timeButtons(page).first()).not.toContainText("Sydney");
  });
});

test.describe("reflow at 320 px and a chosen time zone", () => {
  test.use({ timezoneId: "America/New_York", viewport: { width: 320, height: 720 } });
  test("online rehab at 320 px: nothing clipped, the clinic's day named, and the patient picks their zone", async ({
    page,
    checkA11y,
  }) => {
    await page.goto("/book");
    await chooseService(page, "Online rehab session");
    await choosePractitioner(page, "First available");
    await openFirstFreeDay(page);
    // New York evening is the next morning in Sydney: the day is said beside the time.
    await expect(
      timeButtons(page)
        .filter({ hasText: /(Mon|Tue|Wed|Thu|Fri|Sat|Sun), Sydney/ })
        .first(),
    ).toBeVisible();
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll(".time, .time *, .day, .week-nav button, .zone-choice *")]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth)
        .map((e) => e.textContent),
    );
    expect(clipped).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await checkA11y();

    await page.getByLabel("Show times in").selectOption("Australia/Perth");
    await expect(page.getByText(/Times are in Perth time/)).toBeVisible();
    await expect(timeButtons(page).first()).toContainText("Sydney");
    await expect(timeButtons(page).filter({ hasText: /, Sydney/ })).toHaveCount(0);
  });
});

test("the page's Back button goes back like the browser's, without adding history", async ({ page }) => {
  const back = page.getByRole("button", { name: "Back", exact: true });
  const historyLength = () => page.evaluate(() => window.history.length);
  await page.goto("/book");
  await chooseService(page, "Sports physiotherapy follow-up");
  await chooseLocation(page, "Martin Place");
  await expect(stepHeading(page, "Who would you like to see?")).toBeVisible();
  const length = await historyLength();

  await back.click();
  await expect(stepHeading(page, "Where would you like to be seen?")).toBeVisible();
  await back.click();
  await expect(stepHeading(page, "What do you need?")).toBeVisible();
  expect(await historyLength()).toBe(length);
  // The steps gone back over are still ahead, as after the browser's Back.
  await page.goForward();
  await expect(stepHeading(page, "Where would you like to be seen?")).toBeVisible();
  await page.goForward();
  await expect(stepHeading(page, "Who would you like to see?")).toBeVisible();
  await page.goBack();
  await expect(stepHeading(page, "Where would you like to be seen?")).toBeVisible();
  expect(await historyLength()).toBe(length);

  // Opened straight into "help me choose", Back shows the services in place of the questions.
  await page.goto("/book?help=1");
  await expect(stepHeading(page, "Before we start")).toBeVisible();
  const helpLength = await historyLength();
  await back.click();
  await expect(stepHeading(page, "What do you need?")).toBeVisible();
  expect(await historyLength()).toBe(helpLength);

  // Inside "help me choose" the same Back steps through its questions (there is no second, "Previous", button).
  await page.getByRole("button", { name: /Help me choose/ }).click();
  await answer(page, "consent", true);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(stepHeading(page, "Where it hurts and how it started")).toBeVisible();
  await expect(page.getByRole("button", { name: "Previous" })).toHaveCount(0);
  await back.click();
  await expect(stepHeading(page, "Before we start")).toBeVisible();
  await back.click();
  await expect(stepHeading(page, "What do you need?")).toBeVisible();
});

test("“help me choose” asks for the patient's age, kindly and optionally, and sends it to triage", async ({
  page,
  checkA11y,
}) => {
  const sent: Record<string, unknown>[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/v1/triage")
      sent.push(r.postDataJSON() as Record<string, unknown>);
  });
  const age = page.getByLabel("How old are you? (optional)");
  await page.goto("/book?help=1");
  await answerTriage(
    page,
    { ...ROUTINE, diagnosed: false },
    {
      onPage: async () => {
        if (!(await age.isVisible())) return;
        await expect(page.getByText(/Leave it blank if you'd rather not say/)).toBeVisible();
        await age.fill("200");
        await page.getByRole("button", { name: "Next" }).click();
        await expect(page.locator("#q-age-error")).toHaveText(/whole years/);
        await expect(age).toBeFocused();
        await checkA11y();
        await age.fill("62");
      },
    },
  );
  // Over 50 without a diagnosis: booking goes ahead, with a word to see the GP as well (shared/spec/intake.md).
  await expect(page.getByText("Please also see your GP.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Book this appointment" })).toBeVisible();
  expect(sent.length).toBeGreaterThan(0);
  for (const body of sent) expect(body.age).toBe(62);
  await checkA11y();
});

test("a patient picks a named practitioner, and the location from the home page is kept", async ({
  page,
  checkA11y,
}, info) => {
  const [slug, location, practitioner] = byProject(
    info.project.name,
    ["martin-place", "Martin Place", "Priya Raman"],
    ["barangaroo", "Barangaroo", "James Okafor"],
  );
  await page.goto(`/book?location=${slug}`);
  await expect(page.getByText(`Showing what ${location} offers.`)).toBeVisible();
  await checkA11y();
  await chooseService(page, "Sports physiotherapy initial assessment");
  await choosePractitioner(page, practitioner);
  await openFirstFreeDay(page);
  await checkA11y();
  await pickFirstTime(page);

  // Errors appear beside their fields and nothing typed is lost.
  await page.getByLabel("First name").fill("Noor");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Review booking" }).click();
  const email = page.getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#patient-email-error")).toHaveText(/valid email/);
  await expect(email).toHaveAttribute("aria-describedby", /patient-email-error/);
  await expect(page.getByLabel("First name")).toHaveValue("Noor");
  // The first field that needs fixing takes focus.
  await expect(page.locator("input[aria-invalid=true]:focus")).toHaveCount(1);
  await checkA11y();

  const patient = newPatient("Noor");
  await fillDetails(page, patient);
  await page.getByRole("button", { name: "Review booking" }).click();
  await expect(page.getByRole("region", { name: "Check and confirm" }).getByText(practitioner)).toBeVisible();
  await reviewAndConfirm(page, checkA11y);
  await expect(page.getByRole("region", { name: /You're booked/ }).getByText(practitioner)).toBeVisible();
});

/**
 * Opens the details step (exercise physiology at Chatswood, first available). The booking request is answered with a
 * 422 carrying `fields`, so nothing is booked; `sent` gets each request's body.
 */
async function openDetailsRefusedWith(
  page: Page,
  fields: Record<string, string>,
  sent: (body: { patient: { dateOfBirth: string } }) => void = () => {},
) {
  await page.route("**/api/v1/bookings", (route) => {
    sent(route.request().postDataJSON());
    return route.fulfill({
      status: 422,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "validation_failed", message: "Some details need fixing.", fields } }),
    });
  });
  await page.goto("/book");
  await chooseService(page, "Exercise physiology session");
  await chooseLocation(page, "Chatswood");
  await choosePractitioner(page, "First available");
  await openFirstFreeDay(page);
  await pickFirstTime(page);
}

test("server field errors land on the form fields and keep what was typed", async ({ page }) => {
  await openDetailsRefusedWith(page, { "patient.email": "We can't send email to that address" });
  const patient = newPatient("Rory");
  await fillDetails(page, patient);
  await page.getByRole("button", { name: "Review booking" }).click();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(stepHeading(page, "Your details")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#patient-email-error")).toHaveText(/can't send email to that address/);
  await expect(page.getByLabel("Email")).toHaveValue(patient.email);
  await expect(page.getByLabel("Last name")).toHaveValue(patient.lastName);
});

test("date of birth goes in as day, month and year, with a message that says what to fix", async ({
  page,
  checkA11y,
}) => {
  let sent: { patient: { dateOfBirth: string } } | undefined;
  await openDetailsRefusedWith(page, { "patient.phone": "Check this number" }, (body) => (sent = body));
  const patient = newPatient("Ines");
  await fillDetails(page, { ...patient, dateOfBirth: "1990-02-31" });
  const born = dateOfBirth(page);
  const error = page.locator("#patient-dateOfBirth-error");
  await page.getByRole("button", { name: "Review booking" }).click();
  await expect(error).toHaveText(/must be a real date/);
  await expect(born.getByLabel("Day")).toBeFocused();
  await expect(born.getByLabel("Day")).toHaveAttribute("aria-invalid", "true");
  await checkA11y();
  await born.getByLabel("Day").fill("");
  await expect(error).toHaveText(/must include a day/);
  await born.getByLabel("Year").fill("90");
  await expect(error).toHaveText(/must include a day/);
  await born.getByLabel("Day").fill("7");
  await expect(error).toHaveText(/4 numbers/);
  // a whole date pasted into one box fills all three
  await born.getByLabel("Month").evaluate((box) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData("text/plain", "7/2/1990");
    box.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
  });
  await expect(born.getByLabel("Day")).toHaveValue("7");
  await expect(born.getByLabel("Month")).toHaveValue("2");
  await expect(born.getByLabel("Year")).toHaveValue("1990");
  await expect(error).toHaveCount(0);
  await page.getByRole("button", { name: "Review booking" }).click();
  await expect(stepHeading(page, "Check and confirm")).toBeVisible();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  // back on the form with the server's message: the boxes hold what was typed, and the API got an ISO date
  await expect(page.locator("#patient-phone-error")).toHaveText(/Check this number/);
  expect(sent?.patient.dateOfBirth).toBe("1990-02-07");
  await expect(born.getByLabel("Day")).toHaveValue("07");
  await expect(born.getByLabel("Month")).toHaveValue("02");
  await expect(born.getByLabel("Year")).toHaveValue("1990");
});

test("two patients race for one time: the loser keeps their details and gets the nearest free times", async ({
  browser,
  checkA11y,
  page,
}, info) => {
  const [location, practitioner] = byProject(
    info.project.name,
    ["Chatswood", "Liam Walsh"],
    ["Martin Place", "Amelia Chen"],
  );
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL } = info.project.use;
  const other = await browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL });
  const rival = waitsForHydration(await other.newPage());
  const pages = [page, rival];
  const times: string[] = [];
  for (const p of pages) {
    await p.goto("/book");
    await chooseService(p, "Shockwave therapy");
    await chooseLocation(p, location);
    await choosePractitioner(p, practitioner);
    await openFirstFreeDay(p);
    times.push(await pickFirstTime(p));
  }
  expect(times[0]).toBe(times[1]);
  const winner = newPatient("Winona");
  const loser = newPatient("Lou");
  await fillDetails(rival, winner);
  await rival.getByRole("button", { name: "Review booking" }).click();
  await fillDetails(page, loser);
  await page.getByRole("button", { name: "Review booking" }).click();

  await confirmBooking(rival);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  const taken = page.getByRole("alert").filter({ hasText: "that time has just been taken" });
  await expect(taken).toBeVisible();
  await expect(taken).toContainText("Your details are saved");
  const alternatives = taken.getByRole("button", { name: /^\d{1,2}:\d{2} [ap]m/ });
  await expect(alternatives.first()).toBeVisible();
  // or, if none of those suits, the wait list for what they were after
  await expect(taken.getByRole("link", { name: "Join the wait list" })).toHaveAttribute(
    "href",
    /^\/wait-list\/join\?location=[a-z-]+&service=shockwave(&practitioner=[a-z-]+)?$/,
  );
  await checkA11y();

  const alternative = (await alternatives.first().locator(".time__main").textContent())!.trim();
  await alternatives.first().click();
  await expect(page.getByTestId("booking-when")).toContainText(alternative);
  await expect(page.getByText(loser.email)).toBeVisible();
  await confirmBooking(page);
  await other.close();
});

test.describe("keyboard", () => {
  // The date field's segments follow the locale: month, day, year here.
  test.use({ locale: "en-US" });
  test("keyboard only: a patient books without touching the mouse", async ({ page, checkA11y }, info) => {
    const [location, practitioner] = byProject(
      info.project.name,
      ["Chatswood", "Daniel Costa"],
      ["North Sydney", "Noah Patel"],
    );
    await page.goto("/book");
    await tabTo(page, page.getByRole("button", { name: /^Exercise physiology session/ }));
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByRole("button", { name: new RegExp(`^${location}`) }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: new RegExp(`^${practitioner}`) })).toBeVisible();
    await tabTo(page, page.getByRole("button", { name: new RegExp(`^${practitioner}`) }));
    await page.keyboard.press("Enter");
    const time = await firstClearTime(page);
    await tabTo(page, time);
    // Focus is visible: the browser draws the focus ring on the focused time.
    expect(await time.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect(stepHeading(page, "Your details")).toBeFocused();

    const patient = newPatient("Kai");
    await tabTo(page, page.getByLabel("First name"));
    await page.keyboard.type(patient.firstName);
    await page.keyboard.press("Tab");
    await page.keyboard.type(patient.lastName);
    await page.keyboard.press("Tab");
    await page.keyboard.type(patient.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(patient.phone);
    await page.keyboard.press("Tab");
    // Day, month, year, in the order Australians write it, whatever the browser's own date format.
    const born = dateOfBirth(page);
    await expect(born.getByLabel("Day")).toBeFocused();
    await page.keyboard.type("15");
    await page.keyboard.press("Tab");
    await page.keyboard.type("6");
    await page.keyboard.press("Tab");
    await page.keyboard.type("1988");
    await expect(born.getByLabel("Year")).toHaveValue("1988");
    await tabTo(page, page.getByRole("button", { name: "Review booking" }));
    await page.keyboard.press("Enter");
    await expect(stepHeading(page, "Check and confirm")).toBeFocused();
    await tabTo(page, page.getByRole("button", { name: "Confirm booking" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: /You're booked, Kai/ })).toBeVisible({ timeout: 15_000 });
    await checkA11y();
  });
});

test.describe("urgent answers stop online booking", () => {
  test.use({ locale: "en-AU" });
  test("an emergency answer says call 000 and offers no booking", async ({ page, checkA11y }) => {
    await page.goto("/book");
    await page.getByRole("button", { name: /Help me choose/ }).click();
    // Every page of questions is checked here; the booking journeys check the steps after them.
    await answerTriage(page, { ...ROUTINE, "rf-saddle-numbness": true }, { onPage: checkA11y });
    await expect(page.getByRole("heading", { name: /call 000/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Call 000" })).toHaveAttribute("href", "tel:000");
    await expect(page.getByRole("button", { name: /Book/ })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Online rehab" })).toHaveCount(0);
    await checkA11y();
  });

  test("going Back after a stop and choosing a service by hand meets the same stop, never a booking", async ({
    page,
    checkA11y,
  }) => {
    let sentTriage: unknown;
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/api/v1/bookings")
        sentTriage = r.postDataJSON().triage;
    });
    await page.goto("/book");
    await page.getByRole("button", { name: /Help me choose/ }).click();
    await answerTriage(page, { ...ROUTINE, "rf-fever": true });
    await expect(page.getByRole("heading", { name: "See a GP or urgent care clinic today" })).toBeVisible();
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "See what to do" })).toContainText(
      "booking online isn't safe for you right now",
    );
    await checkA11y();

    await chooseService(page, "Exercise physiology session");
    await chooseLocation(page, "Chatswood");
    await choosePractitioner(page, "First available");
    await openFirstFreeDay(page);
    await pickFirstTime(page);
    await fillDetails(page, newPatient("Ravi"));
    await page.getByRole("button", { name: "Review booking" }).click();
    await expect(stepHeading(page, "Check and confirm")).toBeVisible();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    // The server refuses, because the stopping triage went with the booking; the patient is told what to do.
    await expect(page.getByRole("alert").filter({ hasText: "See what to do" })).toBeVisible();
    expect(sentTriage).toEqual(expect.any(String));
    await expect(page.getByRole("button", { name: "Confirm booking" })).toBeDisabled();
    await checkA11y();
    await page.getByRole("button", { name: "See what to do" }).click();
    await expect(page.getByRole("heading", { name: "See a GP or urgent care clinic today" })).toBeVisible();
  });

  test("an urgent-care answer says see a GP or urgent care today", async ({ page, checkA11y }) => {
    await page.goto("/book?help=1");
    const triage = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/api/v1/triage");
    await answerTriage(page, { ...ROUTINE, "rf-fever": true });
    await expect(page.getByRole("heading", { name: "See a GP or urgent care clinic today" })).toBeVisible();
    // Age is optional: left blank, none is sent.
    expect((await triage).postDataJSON()).not.toHaveProperty("age");
    await expect(page.getByRole("button", { name: /Book/ })).toHaveCount(0);
    await checkA11y();

    // The patient may ask for the clinic's number by email; the form checks the address first.
    const form = page.getByRole("region", { name: "Would you like our number by email?" });
    await form.getByLabel("First name").fill("Noor");
    await form.getByLabel("Email").fill("noor@");
    await form.getByRole("button", { name: "Email me the clinic's number" }).click();
    await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText(/Enter a valid email/)).toBeVisible();
    await checkA11y();
    const callUs = page.waitForResponse(
      (r) => r.request().method() === "POST" && /\/api\/v1\/triage\/[^/]+\/call-us$/.test(new URL(r.url()).pathname),
    );
    await form.getByLabel("Email").fill("noor@example.com");
    await form.getByRole("button", { name: "Email me the clinic's number" }).click();
    expect((await callUs).status()).toBe(202);
    await expect(page.getByRole("status")).toContainText("We've emailed our number to noor@example.com");
    await expect(page.getByRole("heading", { name: "Email on its way" })).toBeFocused();
    await checkA11y();
  });
});
