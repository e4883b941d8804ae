// Issue 21, items 3 and 6: the review says the fee and the cancellation policy in words (and that a time inside the
// window cannot be changed online), and the confirmation is the booking's own page, so a reload cannot book again.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  chooseLocation,
  choosePractitioner,
  chooseService,
  confirmBooking,
  fillDetails,
  firstClearTime,
  newPatient,
  openFirstFreeDay,
  pickFirstTime,
  stepHeading,
} from "./support/booking";

test.describe.configure({ timeout: 180_000 });

const byProject = <T>(name: string, desktop: T, phone: T): T => (name === "phone" ? phone : desktop);
const POLICY = "Free to cancel or move online until 24 hours before; after that, call (02) 9000 4104.";

/** Nothing on the page is wider than the screen (WCAG 1.4.10 reflow). */
async function expectNoSideways(page: Page) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll).toBeLessThanOrEqual(width);
}

test("the services API gives each service's fee in cents and its cancellation window", async ({ request }) => {
  const res = await request.get("/api/v1/services");
  expect(res.status()).toBe(200);
  const { services } = (await res.json()) as {
    services: { slug: string; feeCents: number | null; cancellationWindowHours: number }[];
  };
  const bySlug = new Map(services.map((s) => [s.slug, s]));
  expect(bySlug.get("physio-follow-up")).toMatchObject({ feeCents: 9500, cancellationWindowHours: 24 });
  expect(bySlug.get("ep-session")).toMatchObject({ feeCents: 0 });
  expect(bySlug.get("shockwave")).toMatchObject({ feeCents: null });
});

for (const [width, weeksAhead] of [
  [390, 2],
  [320, 3],
] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("the review shows the fee and the policy in words; after confirming, a reload shows the booking", async ({
      page,
      checkA11y,
    }, info) => {
      // Desktop and phone run side by side: each books its own weeks of Liam Walsh's time at Chatswood.
      const practitioner = "Liam Walsh";
      await page.goto("/book");
      await chooseService(page, "Sports physiotherapy follow-up");
      await chooseLocation(page, "Chatswood");
      await choosePractitioner(page, practitioner);
      await openFirstFreeDay(page, byProject(info.project.name, weeksAhead + 2, weeksAhead));
      const time = await pickFirstTime(page);
      const patient = newPatient("Rhea");
      await fillDetails(page, patient);
      await page.getByRole("button", { name: "Review booking" }).click();

      const review = page.getByRole("region", { name: "Check and confirm" });
      await expect(stepHeading(page, "Check and confirm")).toBeVisible();
      await expect(review.getByRole("term").filter({ hasText: "Fee" })).toBeVisible();
      await expect(review.getByTestId("booking-fee")).toHaveText("$95");
      await expect(review.getByText(POLICY)).toBeVisible();
      await expect(review.getByText(/can't be cancelled or moved online/)).toHaveCount(0);
      await expectNoSideways(page);
      await checkA11y();

      await confirmBooking(page);
      // The address is the booking's own page, with the confirmation's next steps.
      await expect(page).toHaveURL(/\/manage\/[^/?]+\?booked=1$/);
      await expect(page.getByRole("heading", { level: 1, name: `You're booked, ${patient.firstName}` })).toBeFocused();
      await expect(page.getByTestId("booking-when")).toContainText(time);
      await expect(page.getByRole("link", { name: "Fill in the intake form" })).toHaveAttribute("href", /^\/intake\//);
      await expect(page.getByRole("button", { name: "Add to calendar" })).toBeVisible();
      await expect(page.getByText(POLICY)).toBeVisible();
      await expectNoSideways(page);
      await checkA11y();

      await page.reload();
      await expect(page.getByRole("heading", { level: 1, name: `You're booked, ${patient.firstName}` })).toBeVisible();
      await expect(page.getByTestId("booking-when")).toContainText(time);
      await expect(page.getByRole("link", { name: "Fill in the intake form" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Confirm booking" })).toHaveCount(0);
      await expect(page.getByLabel("First name")).toHaveCount(0);
      await checkA11y();

      // Back does not return to a form that could book the same time again.
      await page.goBack();
      await expect(page.getByRole("button", { name: "Confirm booking" })).toHaveCount(0);
    });

    test("a time inside the cancellation window is said to be unchangeable online before confirming", async ({
      page,
      checkA11y,
    }) => {
      await page.goto("/book");
      await chooseService(page, "Sports physiotherapy follow-up");
      await chooseLocation(page, "Chatswood");
      await choosePractitioner(page, "First available");
      await openFirstFreeDay(page);
      const start = (await (await firstClearTime(page)).getAttribute("data-start"))!;
      await pickFirstTime(page);
      await fillDetails(page, newPatient("Ivo"));
      // The patient reaches the review 3 hours before the time: inside the 24-hour window.
      await page.clock.setFixedTime(Date.parse(start) - 3 * 3_600_000);
      await page.getByRole("button", { name: "Review booking" }).click();

      const review = page.getByRole("region", { name: "Check and confirm" });
      await expect(stepHeading(page, "Check and confirm")).toBeVisible();
      await expect(review.getByTestId("cancellation-policy")).toHaveText(
        "This time is less than 24 hours away, so it can't be cancelled or moved online. To change it, call (02) 9000 4104.",
      );
      await expect(review.getByText(/Free to cancel|cancel or move your appointment online/)).toHaveCount(0);
      await expect(review.getByTestId("booking-fee")).toHaveText("$95");
      await expectNoSideways(page);
      await checkA11y();
    });
  });
}
