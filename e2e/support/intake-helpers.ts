// Helpers for the intake journeys: a real booking to get an intake link, and answering a
// question the way a patient does, found by its wording in the shared questionnaire.
import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { expect } from "../fixtures";
import { findItem } from "@/lib/intake/questionnaire";
import { bookOneOf, freeSlots } from "./api";
import { sydneyDate } from "./staff";

/** Books a free Chatswood physio slot through the public API; returns the intake page's path. */
export async function bookForIntake(
  request: APIRequestContext,
  testInfo: TestInfo,
  patient: { firstName?: string; dateOfBirth?: string } = {},
  /** Help-me-choose answers given before booking; the booking refers to that triage. */
  triageAnswers?: Record<string, unknown>,
): Promise<string> {
  const slots = await freeSlots(request, {
    location: "chatswood",
    service: "physio-initial",
    from: sydneyDate(2),
    to: sydneyDate(20),
  });
  expect(slots.length).toBeGreaterThan(0);
  const unique = `${testInfo.project.name}-${testInfo.workerIndex}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  // Parallel tests may want the same time: random slots rather than the first.
  const who = {
    firstName: patient.firstName ?? "Mia",
    lastName: "Tran",
    email: `intake-${unique}@example.com`,
    phone: "0412 345 678",
    dateOfBirth: patient.dateOfBirth ?? "1988-05-14",
  };
  let triage: string | undefined;
  if (triageAnswers) {
    const res = await request.post("/api/v1/triage", { data: { answers: triageAnswers } });
    expect(res.status(), await res.text()).toBe(200);
    triage = ((await res.json()) as { id: string }).id;
  }
  const booked = await bookOneOf(request, "physio-initial", slots, who, "random", triage ? { triage } : {});
  if (!booked) throw new Error("No free slot could be booked for the intake test");
  return new URL(booked.intakeUrl).pathname;
}

/** Answers one question as a patient would: by its wording on screen. */
export async function answer(
  page: Page,
  linkId: string,
  value: boolean | number | string | string[],
  label?: string | RegExp,
) {
  const item = findItem(linkId);
  if (!item) throw new Error(`No question ${linkId}`);
  const name = label ?? item.text;
  if (item.type === "boolean" && item.mustBeTrue) return page.getByLabel(name).check();
  if (item.type === "string" || (item.type === "integer" && !(item.min === 0 && item.max === 10)))
    return page.getByLabel(name, { exact: typeof name === "string" }).fill(String(value));
  const group = page.getByRole("group", { name, exact: typeof name === "string" });
  if (item.type === "boolean") return group.getByRole("radio", { name: value ? "Yes" : "No", exact: true }).check();
  if (item.type === "integer") return group.getByRole("radio", { name: String(value), exact: true }).check();
  if (item.type === "choice")
    return group.getByRole("radio", { name: item.options.find((o) => o.code === value)!.display, exact: true }).check();
  for (const code of value as string[])
    await group
      .getByRole("checkbox", { name: item.options.find((o) => o.code === code)!.display, exact: true })
      .check();
}

export async function answerAll(page: Page, answers: Record<string, boolean | number | string | string[]>) {
  for (const [linkId, value] of Object.entries(answers)) await answer(page, linkId, value);
}

export const stepHeading = (page: Page, title: string) => page.getByRole("heading", { level: 2, name: title });

/** Presses Next and waits for the named step. */
export async function next(page: Page, title: string) {
  await page.getByRole("button", { name: /^(Next|Start|Check my answers)$/ }).click();
  await expect(stepHeading(page, title)).toBeVisible();
}
