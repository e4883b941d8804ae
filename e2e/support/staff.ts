// Staff journeys: signing in, and finding (or making, through the public booking API and the patient's
// intake form) an appointment of one practitioner whose intake has been sent and not yet reviewed.
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { bookOneOf, freeSlots } from "./api";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "clinic-demo-2026";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 });
}

/**
 * The sign-in form's request without a browser: returns a function that posts one email and password pair with the
 * context's CSRF token (fetched once), as next-auth's credentials callback takes it. The context keeps the cookie.
 */
export async function credentialsSignIn(
  ctx: APIRequestContext,
): Promise<(email: string, password?: string) => Promise<APIResponse>> {
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return (email, password = DEMO_PASSWORD) =>
    ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, maxRedirects: 0 });
}

/** YYYY-MM-DD in Sydney, `days` from now. */
export function sydneyDate(days = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Australia/Sydney" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** Monday (Sydney) of the week `weeks` from now. */
export function sydneyMonday(weeks = 0): string {
  return mondayOf(sydneyDate(weeks * 7));
}

/** The Monday on or before a YYYY-MM-DD date (an ISO time is cut to its date). */
export function mondayOf(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** A seeded appointment of the signed-in practitioner whose intake waits for review, this week or next. */
export async function findIntakeToReview(page: Page): Promise<string | null> {
  for (const week of [0, 1, 2]) {
    await page.goto(`/my-week?week=${sydneyMonday(week)}`);
    const row = page.getByRole("row").filter({ hasText: "To review" }).filter({ hasNotText: "Cancelled" }).first();
    if ((await row.count()) > 0) return row.getByRole("link", { name: /Open intake/ }).getAttribute("href");
  }
  return null;
}

interface Booked {
  id: string;
  intakeUrl: string;
  start: string;
  location: string;
}

/** Books the practitioner's first free initial visit from tomorrow on, through the public API. */
export async function bookWith(request: APIRequestContext, practitioner: string, lastName: string): Promise<Booked> {
  const res = await request.get("/api/v1/practitioners");
  const { practitioners } = (await res.json()) as {
    practitioners: { slug: string; discipline: string; locations: string[] }[];
  };
  const p = practitioners.find((x) => x.slug === practitioner)!;
  const service = p.discipline === "sports-physio" ? "physio-initial" : "ep-initial";
  for (const location of p.locations.filter((l) => l !== "online")) {
    const slots = await freeSlots(request, {
      location,
      service,
      practitioner,
      from: sydneyDate(1),
      to: sydneyDate(20),
    });
    const email = `e2e-${practitioner}-${Date.now()}-${Math.round(Math.random() * 1e6)}@example.com`;
    const booked = await bookOneOf(request, service, slots, {
      firstName: "Harper",
      lastName,
      email,
      phone: "0412 345 678",
      dateOfBirth: "1979-03-14",
    });
    if (booked) return { id: booked.booking.id, intakeUrl: booked.intakeUrl, start: booked.booking.start, location };
  }
  throw new Error(`No free time found for ${practitioner}`);
}

// Sudden onset with a pop (a "soon" flag), worse sitting and bending, female, BMI 28.4.
const PLAN: Record<string, string | string[]> = {
  region: "buttock",
  side: "left",
  onset: "sudden",
  pop: "true",
  bruising: "true",
  weeks: "3",
  course: "same",
  "pain-now": "6",
  "pain-worst": "8",
  aggravators: ["sitting", "bending", "running"],
  radiates: ["back-of-thigh"],
  diagnosed: "false",
  treatments: ["physio"],
  "treatment-result": "plateaued",
  goal: "return-to-sport",
  sport: "Sprinting",
  "function-1": "Sprint at training",
  "function-1-score": "3",
  "risk-strength-imbalance": "yes",
  "risk-flexibility": "unsure",
  "height-cm": "168",
  "weight-kg": "80",
  sex: "female",
};

/** Answers every question the form shows, step by step, from PLAN or a plain "no"/first option, and sends it. */
export async function fillIntake(page: Page, intakeUrl: string): Promise<void> {
  await page.goto(new URL(intakeUrl).pathname);
  for (let step = 0; step < 20; step++) {
    const send = page.getByRole("button", { name: "Send my answers" });
    if (await send.isVisible()) {
      await send.click();
      await expect(page.locator("#intake-done-title")).toBeVisible({ timeout: 20_000 });
      return;
    }
    const consent = page.locator(".intake-check--consent input");
    if (await consent.isVisible()) await consent.check();
    // Answering can reveal follow-up questions, so go round until nothing new appears.
    const done = new Set<string>();
    for (let pass = 0; pass < 4; pass++) {
      const found = await page.locator(".intake-step input[name]").evaluateAll((els) =>
        els.map((e) => ({
          name: (e as HTMLInputElement).name,
          type: (e as HTMLInputElement).type,
          value: (e as HTMLInputElement).value,
          numeric: e.getAttribute("inputmode") === "numeric",
        })),
      );
      const fresh = [...new Set(found.map((f) => f.name))].filter((n) => !done.has(n));
      if (!fresh.length) break;
      for (const name of fresh) {
        done.add(name);
        const inputs = found.filter((f) => f.name === name);
        const values = inputs.map((f) => f.value);
        const planned = PLAN[name];
        const input = (v: string) => page.locator(`.intake-step input[name="${name}"][value="${v}"]`);
        if (inputs[0]!.type === "text") {
          await page
            .locator(`.intake-step input[name="${name}"]`)
            .fill(typeof planned === "string" ? planned : inputs[0]!.numeric ? "2" : "Walking");
        } else if (inputs[0]!.type === "radio") {
          await input(
            typeof planned === "string"
              ? planned
              : values.includes("false")
                ? "false"
                : values.includes("no")
                  ? "no"
                  : values[0]!,
          ).check({ force: true });
        } else {
          for (const v of Array.isArray(planned) ? planned : [values.includes("none") ? "none" : values[0]!])
            await input(v).check({ force: true });
        }
      }
    }
    const heading = await page.locator("#intake-step-title").textContent();
    await page.locator(".intake-actions__next").click();
    await expect(page.locator("#intake-step-title, button:has-text('Send my answers')").first()).not.toHaveText(
      heading ?? "",
      { timeout: 15_000 },
    );
  }
  throw new Error("The intake form did not reach its end");
}
