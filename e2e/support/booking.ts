// Steps of the patient booking journey, shared by e2e/booking.spec.ts and e2e/manage.spec.ts.
import type { Locator, Page } from "@playwright/test";
import { findItem, TRIAGE_STEPS } from "@/lib/intake/questionnaire";
import { expect } from "../fixtures";

export interface Patient {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  dateOfBirth: string;
}

let counter = 0;
/** A patient unique to this test run, so no two tests share an email. */
export function newPatient(firstName: string): Patient {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  return {
    firstName,
    lastName: "Testcase",
    email: `${firstName.toLowerCase()}.${tag}@example.com`,
    phone: "0412 345 678",
    dateOfBirth: "1988-06-15",
  };
}

export const stepHeading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 2, name });
export const timeButtons = (page: Page) =>
  page.getByRole("region", { name: /^(Morning|Afternoon|Evening), / }).getByRole("button");
export const dayButtons = (page: Page) => page.getByRole("group", { name: "Choose a day" }).getByRole("button");

export async function chooseService(page: Page, name: string) {
  await page.getByRole("button", { name: new RegExp(`^${name}`) }).click();
}
export async function chooseLocation(page: Page, name: string) {
  await expect(stepHeading(page, "Where would you like to be seen?")).toBeVisible();
  await page.getByRole("button", { name: new RegExp(`^${name}`) }).click();
}
export async function choosePractitioner(page: Page, name: string) {
  await expect(stepHeading(page, "Who would you like to see?")).toBeVisible();
  await page.getByRole("button", { name: new RegExp(`^${name}`) }).click();
  await expect(stepHeading(page, "Choose a time")).toBeVisible();
}

/** Waits for the free times, optionally moves on whole weeks, and opens the first day that has some. */
export async function openFirstFreeDay(page: Page, weeksAhead = 0) {
  for (let i = 0; i < weeksAhead; i++) {
    await expect(dayButtons(page).first()).toBeVisible();
    await expect(page.locator(".slot-panel[aria-busy=false]").first()).toBeVisible();
    await page.getByRole("button", { name: "Later week" }).click();
  }
  await expect(timeButtons(page).first()).toBeVisible({ timeout: 15_000 });
}

/**
 * Past online booking's 2-hour minimum notice, with time to fill in the form: a time closer than this may cross the
 * notice between being shown and being confirmed (the suite runs during Sydney's working day too).
 */
const CLEAR_OF_NOTICE_MS = 3 * 3_600_000;

/**
 * The first time shown (or the `skip`-th after it) that starts clear of the minimum notice; when the day on show has
 * none, the next day with times, then the next week.
 */
export async function firstClearTime(page: Page, skip = 0): Promise<Locator> {
  for (let tries = 0; tries < 14; tries++) {
    await expect(timeButtons(page).first()).toBeVisible({ timeout: 15_000 });
    const starts = await timeButtons(page).evaluateAll((bs) => bs.map((b) => b.getAttribute("data-start") ?? ""));
    const clear = starts.flatMap((s, i) => (Date.parse(s) - Date.now() > CLEAR_OF_NOTICE_MS ? [i] : []));
    if (clear.length > skip) return timeButtons(page).nth(clear[skip]!);
    const days = await dayButtons(page).evaluateAll((bs) =>
      bs.map((b) => ({ pressed: b.getAttribute("aria-pressed") === "true", open: !(b as HTMLButtonElement).disabled })),
    );
    const pressed = days.findIndex((d) => d.pressed);
    const next = days.findIndex((d, i) => i > pressed && d.open);
    if (next >= 0) await dayButtons(page).nth(next).click();
    else await page.getByRole("button", { name: "Later week" }).click();
    await expect(page.locator(".slot-panel[aria-busy=false]").first()).toBeVisible();
  }
  throw new Error("No time clear of the minimum notice in two weeks");
}

/** Clicks the first free time shown that is clear of the minimum notice and returns its label ("9:30 am"). */
export async function pickFirstTime(page: Page): Promise<string> {
  const first = await firstClearTime(page);
  const label = (await first.locator(".time__main").textContent())!.trim();
  await first.click();
  await expect(stepHeading(page, "Your details")).toBeVisible();
  return label;
}

export async function fillDetails(page: Page, p: Patient) {
  await page.getByLabel("First name").fill(p.firstName);
  await page.getByLabel("Last name").fill(p.lastName);
  await page.getByLabel("Email").fill(p.email);
  await page.getByLabel("Mobile phone").fill(p.phone);
  const [year, month, day] = p.dateOfBirth.split("-");
  const born = dateOfBirth(page);
  await born.getByLabel("Day").fill(day!);
  await born.getByLabel("Month").fill(month!);
  await born.getByLabel("Year").fill(year!);
}

/** The date of birth's day, month and year boxes. */
export const dateOfBirth = (page: Page) => page.getByRole("group", { name: "Date of birth" });

export async function confirmBooking(page: Page) {
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: /You're booked/ })).toBeVisible({ timeout: 15_000 });
}

/** Answers one "help me choose" question by linkId and answer code, using the questionnaire's own wording. */
export async function answer(page: Page, linkId: string, value: string | boolean) {
  const item = findItem(linkId);
  if (!item) throw new Error(`No question ${linkId}`);
  if (item.type === "integer") return page.getByLabel(item.text).fill(String(value));
  if (item.type === "boolean" && item.mustBeTrue) return page.getByLabel(item.text).check();
  const group = page.getByRole("group", { name: item.text });
  const label =
    item.type === "boolean"
      ? value
        ? "Yes"
        : "No"
      : "options" in item
        ? item.options.find((o) => o.code === value)?.display
        : undefined;
  if (!label) throw new Error(`No answer ${String(value)} for ${linkId}`);
  await group.getByLabel(label, { exact: true }).check();
}

/** Goes through every "help me choose" page, answering from `answers` and "no" to any other yes/no question. */
export async function answerTriage(
  page: Page,
  answers: Record<string, string | boolean>,
  opts: { onPage?: () => Promise<void> } = {},
) {
  for (const step of TRIAGE_STEPS) {
    await expect(stepHeading(page, step.title)).toBeVisible();
    for (const item of step.items) {
      const group =
        item.type === "integer"
          ? page.getByLabel(item.text)
          : item.type === "boolean" && item.mustBeTrue
            ? page.getByLabel(item.text)
            : page.getByRole("group", { name: item.text });
      if (!(await group.isVisible())) continue;
      const value = answers[item.linkId] ?? (item.type === "boolean" ? !!item.mustBeTrue : undefined);
      if (value === undefined) continue;
      await answer(page, item.linkId, value);
    }
    await opts.onPage?.();
    const next = page.getByRole("button", { name: /^(Next|See my recommendation)$/ });
    await next.click();
    // Safety answers can stop the questions early.
    if (
      await page
        .getByRole("heading", { name: /call 000|GP or urgent care/ })
        .isVisible()
        .catch(() => false)
    )
      return;
    if (step.id === "safety") {
      const stopped = page.getByRole("heading", { name: /call 000|GP or urgent care/ });
      const nextTitle = stepHeading(page, TRIAGE_STEPS[TRIAGE_STEPS.indexOf(step) + 1]?.title ?? "Our suggestion");
      await expect(stopped.or(nextTitle)).toBeVisible();
      if (await stopped.isVisible()) return;
    }
  }
}

/** Presses Tab until `target` has focus; fails if it cannot be reached by keyboard. */
export async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Could not reach ${target} with the Tab key`);
}
