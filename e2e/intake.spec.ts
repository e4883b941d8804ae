import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, waitsForHydration } from "./fixtures";
import { answer, answerAll, bookForIntake, next, stepHeading } from "./support/intake-helpers";

// The runner of lib/intake/sample-answers.ts, step by step, as a patient clicks through it.
const WHERE = { region: "buttock", side: "right", onset: "gradual", weeks: 8, course: "same" };
const PAIN = {
  "pain-now": 4,
  "pain-worst": 7,
  aggravators: ["running", "sitting"],
  radiates: ["none"],
  "back-pain": false,
  "pins-needles": false,
};
const HISTORY = {
  diagnosed: true,
  "diagnosed-by": "physio",
  treatments: ["exercise-program"],
  "treatment-result": "helped",
  "training-change": false,
};
const BODY = {
  "risk-strength-imbalance": "unsure",
  "risk-flexibility": "yes",
  "risk-core": "no",
  "risk-pelvis": "no",
  "risk-leg-length": "no",
};
const SAFETY_NO = Object.fromEntries(
  [
    "rf-saddle-numbness",
    "rf-bladder-bowel",
    "rf-both-legs-weakness",
    "rf-calf-swelling",
    "rf-chest",
    "rf-fever",
    "rf-cannot-weight-bear",
    "rf-cancer-history",
    "rf-weight-loss",
    "rf-night-pain",
  ].map((id) => [id, false]),
);

async function fillGoals(page: Page) {
  await answerAll(page, { goal: "return-to-sport", sport: "Running", "function-1": "Run 5 km" });
  // The score's question names the activity just typed.
  await answer(page, "function-1-score", 3, /“Run 5 km”/);
}

/** axe on a page of a second browser context (the fixture's checkA11y covers the test's own page). */
async function checkA11yOf(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help}`),
    `axe violations on ${page.url()}`,
  ).toEqual([]);
}

// Whole journeys of 8 steps with axe on each take minutes on a loaded machine, not the usual one.
test.beforeEach(() => test.setTimeout(420_000));

test("a patient starts the intake, leaves halfway, and finishes it on another device", async ({
  page,
  browser,
  request,
  checkA11y,
}, testInfo) => {
  const path = await bookForIntake(request, testInfo, { firstName: "Mia" });
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hi Mia, tell us about your pain");
  await expect(page.getByText("Why we ask:")).toBeVisible();
  await expect(page.getByText("Step 1 of 8")).toBeVisible();
  await checkA11y();
  await answer(page, "consent", true);
  await next(page, "Where it hurts and how it started");
  await expect(page.getByText("Step 2 of 8")).toBeVisible();

  // Follow-up questions appear and go as the answers change, with no page load.
  const pop = page.getByRole("group", { name: "At that moment, did you feel a pop or a tearing feeling?" });
  await answer(page, "onset", "sudden");
  await expect(pop).toBeVisible();
  await answerAll(page, WHERE);
  await expect(pop).toHaveCount(0);
  await checkA11y();
  await next(page, "Your pain and what makes it worse");
  await answerAll(page, PAIN);
  await checkA11y();
  // No knee questions for buttock pain: that step is skipped.
  await next(page, "What has happened so far");
  await expect(page.getByText("Step 4 of 8")).toBeVisible();
  await expect(page.getByText(/Saved at \d/)).toBeVisible();
  await page.context().close();

  // Another device: the answers come from the server, and the form opens where the patient left off.
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL } = testInfo.project.use;
  const other = await browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL });
  const p2 = waitsForHydration(await other.newPage());
  await p2.goto(path);
  await expect(stepHeading(p2, "What has happened so far")).toBeVisible();
  await checkA11yOf(p2);
  await p2.getByRole("button", { name: "Back", exact: true }).click();
  await expect(
    p2.getByRole("group", { name: "How much does it hurt right now?" }).getByRole("radio", { name: "4", exact: true }),
  ).toBeChecked();
  await p2.getByRole("button", { name: "Next", exact: true }).click();

  const who = p2.getByRole("group", { name: "Who told you?" });
  await expect(who).toHaveCount(0);
  await answerAll(p2, HISTORY);
  await expect(who).toBeVisible();
  await next(p2, "Your goals and what is hard to do");
  await fillGoals(p2);
  await next(p2, "About your body");
  await answerAll(p2, BODY);
  await next(p2, "Safety questions");
  await answerAll(p2, SAFETY_NO);
  await expect(p2.getByRole("alert").filter({ hasText: "000" })).toHaveCount(0);
  await next(p2, "Online rehab");
  await answer(p2, "prefer-online", false);
  await next(p2, "Check your answers");
  await expect(
    p2.getByText("Deep in the buttock, at the sit bone, or the very top of the back of the thigh"),
  ).toBeVisible();
  await checkA11yOf(p2);
  await p2.getByRole("button", { name: "Send my answers" }).click();
  await expect(
    p2.getByRole("heading", { name: "Thank you — your practitioner will read this before your visit" }),
  ).toBeVisible();
  await checkA11yOf(p2);

  // Coming back later shows the thanks again, not an empty form.
  await p2.reload();
  await expect(
    p2.getByRole("heading", { name: "Thank you — your practitioner will read this before your visit" }),
  ).toBeVisible();
  await other.close();
});

test("a wrong answer is explained next to its question, and the other answers stay", async ({
  page,
  request,
  checkA11y,
}, testInfo) => {
  await page.goto(await bookForIntake(request, testInfo));
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await expect(page.getByText("Please agree so we can continue")).toBeVisible();
  await checkA11y();
  await answer(page, "consent", true);
  await next(page, "Where it hurts and how it started");

  await answerAll(page, { ...WHERE, weeks: 600 });
  await page.getByRole("button", { name: "Next", exact: true }).click();
  const weeks = page.getByLabel("About how long ago did it start?");
  await expect(page.getByText("Enter a whole number from 0 to 520")).toBeVisible();
  await expect(weeks).toHaveAttribute("aria-invalid", "true");
  await expect(weeks).toHaveValue("600");
  await expect(weeks).toBeFocused();
  await expect(page.getByRole("radio", { name: "Right", exact: true })).toBeChecked();
  await expect(stepHeading(page, "Where it hurts and how it started")).toBeVisible();
  await checkA11y();

  await weeks.fill("8");
  await expect(page.getByText("Enter a whole number from 0 to 520")).toHaveCount(0);
  await next(page, "Your pain and what makes it worse");
});

// This journey also runs axe on the steps the resume journey passes without it.
test("an emergency answer shows what to do at once, before the form is sent", async ({
  page,
  request,
  checkA11y,
}, testInfo) => {
  await page.goto(await bookForIntake(request, testInfo));
  await answer(page, "consent", true);
  await next(page, "Where it hurts and how it started");
  await answerAll(page, WHERE);
  await next(page, "Your pain and what makes it worse");
  await answerAll(page, PAIN);
  await next(page, "What has happened so far");
  await answerAll(page, HISTORY);
  await checkA11y();
  await next(page, "Your goals and what is hard to do");
  await fillGoals(page);
  await checkA11y();
  await next(page, "About your body");
  await answerAll(page, BODY);
  await checkA11y();
  await next(page, "Safety questions");
  await checkA11y();

  const live = page.locator(".intake-safety");
  await expect(live).toHaveAttribute("aria-live", "assertive");
  await answer(page, "rf-saddle-numbness", true);
  await expect(live).toContainText("Please call 000 now, or go to the nearest emergency department.");
  await expect(live.getByRole("link", { name: "Call 000" })).toHaveAttribute("href", "tel:000");
  await checkA11y();

  await answer(page, "rf-saddle-numbness", false);
  await expect(live).toBeEmpty();
  await answerAll(page, { ...SAFETY_NO, "rf-fever": true });
  await expect(live).toContainText("Please see a GP or an urgent care clinic today.");
  await checkA11y();

  await next(page, "Online rehab");
  await answer(page, "prefer-online", false);
  await checkA11y();
  await next(page, "Check your answers");
  await page.getByRole("button", { name: "Send my answers" }).click();
  // After an urgent answer the instruction stands alone: no tick, no "thank you, your practitioner will read this".
  await expect(
    page.getByRole("alert").getByRole("heading", { name: "Please see a GP or an urgent care clinic today." }),
  ).toBeVisible();
  await expect(page.getByText("our team will phone you about your appointment")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toHaveCount(0);
  await expect(page.locator(".intake-done__tick")).toHaveCount(0);
  await checkA11y();
});

test("what help-me-choose asked is filled in: the patient goes past it and sees it on the review, changeable", async ({
  page,
  request,
  checkA11y,
}, testInfo) => {
  // What the booking page's help-me-choose asks (TRIAGE_LINK_IDS), answered before booking.
  const triaged = {
    region: "buttock",
    onset: "gradual",
    weeks: 8,
    course: "same",
    radiates: ["none"],
    "back-pain": false,
    "pins-needles": false,
    ...SAFETY_NO,
    "prefer-online": false,
  };
  const path = await bookForIntake(request, testInfo, { firstName: "Noa" }, triaged);
  await page.goto(path);
  await expect(page.getByText(/already answered some of this.*about \d+ minutes/)).toBeVisible();
  await answer(page, "consent", true);
  await next(page, "Where it hurts and how it started");
  await expect(page.getByText("Some answers are filled in from when you chose your appointment")).toBeVisible();
  await expect(page.getByLabel("About how long ago did it start?")).toHaveValue("8");
  await checkA11y();
  // It was months, not weeks: the patient says so, and the answer is kept in weeks.
  await page.getByLabel("Weeks or months").selectOption("months");
  await page.getByLabel("About how long ago did it start?").fill("3");
  await answer(page, "side", "right");
  await next(page, "Your pain and what makes it worse");
  await answerAll(page, { "pain-now": 4, "pain-worst": 7, aggravators: ["running", "sitting"] });
  await next(page, "What has happened so far");
  await answerAll(page, HISTORY);
  await next(page, "Your goals and what is hard to do");
  await fillGoals(page);
  await next(page, "About your body");
  await answerAll(page, BODY);
  // The safety and online questions were all answered before booking: straight to the review.
  await next(page, "Check your answers");
  await expect(page.getByRole("heading", { name: "Safety questions" })).toBeVisible();
  await expect(page.getByText("13 weeks", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Change safety questions" }).click();
  await expect(stepHeading(page, "Safety questions")).toBeVisible();
  await expect(
    page
      .getByRole("group", { name: /numbness/i })
      .first()
      .getByRole("radio", { name: "No" }),
  ).toBeChecked();
});

test("an unknown link gets a friendly page that gives nothing away", async ({ page, checkA11y }) => {
  const res = await page.goto("/intake/this-is-not-a-real-intake-token-0000000000");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can't open this form");
  await checkA11y();
});
