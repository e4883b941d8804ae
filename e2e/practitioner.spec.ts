import { expect, test } from "./fixtures";
import { nameSafe } from "./support/api";
import { bookWith, fillIntake, findIntakeToReview, mondayOf, signIn, sydneyMonday } from "./support/staff";

// Each browser project signs in as its own practitioner, so the two never review the same intake.
const practitionerFor = (project: string) =>
  project === "phone" ? { slug: "priya-raman", name: "Priya Raman" } : { slug: "amelia-chen", name: "Amelia Chen" };

test("a practitioner signs in to their day, and sees their week across locations", async ({
  page,
  checkA11y,
}, testInfo) => {
  test.slow(); // several pages, each checked with axe
  const me = practitionerFor(testInfo.project.name);
  await signIn(page, `${me.slug}@demo.clinic`);
  await expect(page).toHaveURL(/\/my-day$/);
  await expect(page.getByText(`My day · ${me.name}`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Today");
  await expect(page.getByRole("term").filter({ hasText: "Intakes to review" })).toBeVisible();
  await checkA11y();

  await page.getByRole("link", { name: "Next day" }).click();
  await expect(page).toHaveURL(/\/my-day\?date=\d{4}-\d{2}-\d{2}$/);
  await checkA11y();

  // Next week is a full clinic week in the demo data, whatever day today is.
  await page.goto(`/my-week?week=${sydneyMonday(1)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Week of /);
  await expect(page.getByRole("heading", { level: 2, name: /^Monday / })).toBeVisible();
  const rows = page.getByRole("table").first().getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  await expect(page.getByRole("link", { name: /^Open intake for / }).first()).toHaveAttribute(
    "href",
    /^\/appointments\/[0-9a-f-]{36}\/intake$/,
  );
  await checkA11y();
});

test("a practitioner opens an intake that waits for review, reads it flags first, and marks it reviewed", async ({
  page,
  request,
  checkA11y,
}, testInfo) => {
  test.slow(); // may fill in a whole intake form first
  const me = practitionerFor(testInfo.project.name);
  await signIn(page, `${me.slug}@demo.clinic`);
  // A seeded intake when the demo data has one; otherwise a patient books and sends one now.
  let href = await findIntakeToReview(page);
  if (!href) {
    const booked = await bookWith(request, me.slug, "Seedless");
    await fillIntake(page, booked.intakeUrl);
    href = `/appointments/${booked.id}/intake`;
  }
  await page.goto(href);
  await expect(page.getByText("Intake summary · read before the visit")).toBeVisible();
  const sections = await page.getByRole("heading", { level: 2 }).allTextContents();
  expect(sections[0]).toMatch(/^Red flags and alerts/);
  expect(sections.slice(1, 7)).toEqual([
    "Suggested route",
    "Symptoms",
    "History and treatment",
    "Risk factors",
    "Goals and function",
    "Change since last response",
  ]);
  await expect(page.getByText(`with ${me.name}`)).toBeVisible();
  await checkA11y();

  await page.getByRole("button", { name: /^Mark version \d+ reviewed$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: `Reviewed by ${me.name}` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: /Mark version/ })).toHaveCount(0);
  await checkA11y();
});

test("the summary shows what the patient answered: flags, route, symptoms, risk factors and scores", async ({
  page,
  request,
  checkA11y,
}, testInfo) => {
  test.slow(); // fills in a whole intake form first
  const me = practitionerFor(testInfo.project.name);
  const name = `Summary ${testInfo.project.name} ${nameSafe(String(Date.now() % 1e6))}`;
  const booked = await bookWith(request, me.slug, name);
  await fillIntake(page, booked.intakeUrl);
  await signIn(page, `${me.slug}@demo.clinic`);

  // The appointment shows in the practitioner's week with its intake waiting, and opens from there.
  await page.goto(`/my-week?week=${mondayOf(booked.start)}`);
  const row = page.getByRole("row").filter({ hasText: `Harper ${name}` });
  await expect(row.getByText("To review")).toBeVisible();
  await expect(row.getByText("1 flag · Soon")).toBeVisible();
  await row.getByRole("link", { name: /Open intake/ }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Harper ${name}`);
  const flags = page.getByRole("region", { name: /Red flags and alerts/ });
  await expect(flags.getByText("Soon", { exact: true })).toBeVisible();
  await expect(flags.getByText("possible-tendon-tear")).toBeVisible();
  await expect(flags.getByText(/Consider imaging and orthopaedic opinion/)).toBeVisible();
  const route = page.getByRole("region", { name: "Suggested route" });
  await expect(route.getByText("Sports physiotherapy", { exact: true })).toBeVisible();
  await expect(route.getByText("Within 72 hours")).toBeVisible();
  const symptoms = page.getByRole("region", { name: "Symptoms" });
  await expect(symptoms.getByText(/points to proximal hamstring tendinopathy/)).toBeVisible();
  await expect(symptoms.getByText("Pop or tearing: Yes · Bruising: Yes")).toBeVisible();
  await expect(symptoms.getByText("3 weeks")).toBeVisible();
  const risks = page.getByRole("region", { name: "Risk factors" });
  await expect(risks.getByText("28.3 kg/m²")).toBeVisible();
  await expect(risks.getByText("Female sex")).toBeVisible();
  await expect(risks.getByText("Overweight")).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Goals and function" }).getByRole("rowheader", { name: "Sprint at training" }),
  ).toBeVisible();
  await expect(
    page.getByText("This is the patient’s first response, so there is nothing to compare yet."),
  ).toBeVisible();
  await page.getByText(/Show all \d+ answers/).click();
  await expect(page.getByRole("cell", { name: "Sprinting", exact: true })).toBeVisible();
  await checkA11y();
});
