import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { bookOneOf, freeSlots, patient, weekdayAhead } from "./support/api";
import { answerTriage, chooseLocation, choosePractitioner, chooseService, stepHeading } from "./support/booking";
import { signIn } from "./support/staff";

// The wait list end to end: a patient joins for a day with no time left, a cancellation frees one, the offer email
// (read in the admin outbox) opens the offer page, one button books it. Then leaving, and reception's tools.

const LOCATION = "chatswood";
const SERVICE = "physio-initial";

async function offerLinkFromOutbox(page: Page, email: string): Promise<string> {
  await signIn(page, "admin@demo.clinic");
  let link = "";
  await expect
    .poll(
      async () => {
        await page.goto("/admin/outbox");
        const row = page.getByRole("row").filter({ hasText: email }).filter({ hasText: "A time has come up" }).first();
        if ((await row.count()) === 0) return "";
        const href = await row.getByRole("link").first().getAttribute("href");
        const html = await (await page.request.get(href!)).text();
        link = /\/wait-list\/[A-Za-z0-9_-]{20,}/.exec(html)?.[0] ?? "";
        return link;
      },
      { timeout: 45_000, intervals: [1000] },
    )
    .not.toBe("");
  return link;
}

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

async function fillJoinDetails(page: Page, me: ReturnType<typeof patient>) {
  await page.getByLabel("First name").fill(me.firstName);
  await page.getByLabel("Last name").fill(me.lastName);
  await page.getByLabel("Email").fill(me.email);
  await page.getByLabel("Mobile phone").fill(me.phone);
  await page.getByLabel("Day").fill("17");
  await page.getByLabel("Month").fill("5");
  await page.getByLabel("Year").fill("1988");
}

/** Submits the join form and returns the request the page sent and the answer's status. */
async function submitJoin(page: Page) {
  const sent = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/v1/waitlist",
  );
  await page.getByRole("button", { name: "Join the wait list" }).click();
  const response = await sent;
  return { body: response.request().postDataJSON() as { triage?: string }, status: response.status() };
}

test("after “help me choose”, joining the wait list from the times step carries the triage", async ({
  page,
  checkA11y,
}, testInfo) => {
  await page.goto("/book?help=1");
  await answerTriage(page, { ...ROUTINE, "prefer-online": false, "online-suitable": false });
  await page.getByRole("button", { name: "Book this appointment" }).click();
  await chooseLocation(page, "Mosman");
  await choosePractitioner(page, "First available");
  await expect(stepHeading(page, "Choose a time")).toBeVisible();
  await page.getByRole("link", { name: "Join the wait list" }).click();
  await expect(page).toHaveURL(/\/wait-list\/join\?.*triage=[0-9a-f-]{36}/);
  const triage = new URL(page.url()).searchParams.get("triage");
  await fillJoinDetails(page, patient(`wl-triage-${testInfo.project.name}`));
  await checkA11y();
  const joined = await submitJoin(page);
  expect(joined.body.triage).toBe(triage);
  expect(joined.status).toBe(201);
  await expect(page.getByRole("heading", { level: 1, name: "You're on the wait list" })).toBeVisible();
});

test("a patient whose answers stop online booking cannot join the wait list either", async ({
  page,
  checkA11y,
}, testInfo) => {
  await page.goto("/book");
  await page.getByRole("button", { name: /Help me choose/ }).click();
  await answerTriage(page, { ...ROUTINE, "rf-fever": true });
  await expect(page.getByRole("heading", { name: "See a GP or urgent care clinic today" })).toBeVisible();
  await page.getByRole("button", { name: "Back", exact: true }).click();
  // choosing a service by hand keeps the stopping triage; the wait list refuses it as a booking would
  await chooseService(page, "Exercise physiology session");
  await chooseLocation(page, "Chatswood");
  await choosePractitioner(page, "First available");
  await page.getByRole("link", { name: "Join the wait list" }).click();
  await expect(page).toHaveURL(/triage=[0-9a-f-]{36}/);
  await fillJoinDetails(page, patient(`wl-stop-${testInfo.project.name}`));
  const refused = await submitJoin(page);
  expect(refused.body.triage).toEqual(expect.any(String));
  expect(refused.status).toBe(422);
  await expect(page.getByRole("alert").filter({ hasText: "sooner than the wait list can promise" })).toBeVisible();
  await expect(page).toHaveURL(/\/wait-list\/join/);
  await checkA11y();
});

test("a patient joins the wait list, gets the freed time by email and books it with one button", async ({
  page,
  browser,
  checkA11y,
}, testInfo) => {
  test.slow();
  const from = weekdayAhead(testInfo.project.name === "phone" ? 9 : 12);
  const free = await freeSlots(page.request, {
    location: LOCATION,
    service: SERVICE,
    from,
    to: weekdayAhead(testInfo.project.name === "phone" ? 33 : 36),
  });
  expect(free.length).toBeGreaterThan(0);
  const day = free[0]!.start.slice(0, 10);
  const practitioner = free[0]!.practitioner;
  const slots = free.filter((s) => s.start.startsWith(day));
  // someone else holds the time the patient would like
  const other = await bookOneOf(
    page.request,
    SERVICE,
    slots.filter((s) => s.practitioner === practitioner),
    patient("wl-other"),
  );
  expect(other).not.toBeNull();

  const me = patient(`wl-${testInfo.project.name}`);
  await page.goto(`/wait-list/join?location=${LOCATION}&service=${SERVICE}&practitioner=${practitioner}`);
  await expect(page.getByRole("heading", { level: 1, name: "Join the wait list" })).toBeVisible();
  await page.getByLabel("Earliest date").fill(day);
  await page.getByLabel("Latest date").fill(day);
  await fillJoinDetails(page, me);
  await checkA11y();
  await page.getByRole("button", { name: "Join the wait list" }).click();
  await expect(page).toHaveURL(/\/wait-list\/[A-Za-z0-9_-]+\?joined=1/);
  await expect(page.getByRole("heading", { level: 1, name: "You're on the wait list" })).toBeVisible();
  await checkA11y();

  // the other patient cancels: the freed time is offered by email
  const token = other!.manageUrl.split("/").pop()!;
  const cancel = await page.request.post(`/api/v1/bookings/${other!.booking.id}/cancel`, {
    headers: { Authorization: `Bearer ${token}` },
    data: {},
  });
  expect(cancel.status()).toBe(200);
  const admin = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  const link = await offerLinkFromOutbox(admin, me.email);
  await admin.close();

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "A time has come up for you" })).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(page).toHaveURL(/\/manage\/[A-Za-z0-9_-]+\?booked=1/);
  await expect(page.getByRole("heading", { level: 1, name: /You're booked/ })).toBeVisible();
});

test("a patient leaves the wait list from the manage link", async ({ page, checkA11y }, testInfo) => {
  const day = weekdayAhead(testInfo.project.name === "phone" ? 30 : 31);
  const res = await page.request.post("/api/v1/waitlist", {
    data: { service: SERVICE, location: LOCATION, earliest: day, latest: day, patient: patient("wl-leave") },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { manageUrl } = (await res.json()) as { manageUrl: string };
  await page.goto(new URL(manageUrl).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Your wait list entry" })).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Leave the wait list" }).click();
  await page.getByRole("button", { name: "Yes, leave the wait list" }).click();
  await expect(page.getByRole("status")).toContainText("You have left the wait list");
  await expect(page.getByText("Left the list")).toBeVisible();
});

test("reception marks an entry urgent and offers it a time by hand", async ({ page, checkA11y }, testInfo) => {
  const from = weekdayAhead(testInfo.project.name === "phone" ? 15 : 18);
  const free = await freeSlots(page.request, {
    location: LOCATION,
    service: SERVICE,
    from,
    to: weekdayAhead(testInfo.project.name === "phone" ? 39 : 42),
  });
  expect(free.length).toBeGreaterThan(0);
  const day = free[0]!.start.slice(0, 10);
  const who = patient(`wl-desk-${testInfo.project.name}`);
  const res = await page.request.post("/api/v1/waitlist", {
    data: { service: SERVICE, location: LOCATION, earliest: day, latest: day, patient: who },
  });
  expect(res.status(), await res.text()).toBe(201);
  await signIn(page, "reception@demo.clinic");
  await page.goto(`/waitlist?location=${LOCATION}&date=${day}`);
  await expect(page.getByRole("heading", { level: 1, name: "Wait list" })).toBeVisible();
  const row = page.getByTestId("waitlist-row").filter({ hasText: who.lastName });
  await expect(row).toBeVisible();
  await checkA11y();
  await row.getByRole("button", { name: /^Mark urgent/ }).click();
  await expect(row.getByText("Urgent", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Free times" }).click();
  await row
    .getByRole("button", { name: /^Offer / })
    .first()
    .click();
  await expect(row.getByText(/held until/)).toBeVisible();
  await checkA11y();
});

test.describe("in a browser far from the clinic", () => {
  test.use({ timezoneId: "Pacific/Honolulu" });
  test("reception's add form starts at the location's today, not the browser's or UTC's", async ({ page }) => {
    await signIn(page, "reception@demo.clinic");
    await page.goto(`/waitlist?location=${LOCATION}`);
    await page.getByRole("button", { name: "Add a patient who rang" }).click();
    const sydneyToday = new Intl.DateTimeFormat("en-CA", { timeZone: "Australia/Sydney" }).format(new Date());
    await expect(page.getByLabel("From")).toHaveValue(sydneyToday);
    await expect(page.getByLabel("Until")).toHaveValue(sydneyToday);
  });
});
