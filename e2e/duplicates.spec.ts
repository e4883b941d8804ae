// Finding 7: an online booking that gives another patient's email and date of birth gets a record of its own; reception
// sees it under Possible duplicates and merges it, and the merged appointments show on the record kept.
import { expect, test } from "./fixtures";
import { bookOneOf, freeSlots, nameSafe } from "./support/api";
import { signIn, sydneyDate } from "./support/staff";

test("reception merges a possible duplicate from an online booking into the patient on record", async ({
  page,
  request,
  checkA11y,
}, testInfo) => {
  const tag = nameSafe(`${testInfo.project.name} ${Date.now() % 1e7}`);
  const email = `dup-${testInfo.project.name}-${Date.now()}@example.com`;
  const slots = await freeSlots(request, {
    location: "chatswood",
    service: "physio-follow-up",
    from: sydneyDate(3),
    to: sydneyDate(10),
  });
  const real = {
    firstName: "Original",
    lastName: `Dup ${tag}`,
    email,
    phone: "0412 345 678",
    dateOfBirth: "1977-03-09",
  };
  expect(await bookOneOf(request, "physio-follow-up", slots, real, "random")).not.toBeNull();
  expect(
    await bookOneOf(request, "physio-follow-up", slots, { ...real, firstName: "Booker" }, "random"),
  ).not.toBeNull();

  await signIn(page, "reception@demo.clinic");
  await page.goto("/patients/duplicates");
  await expect(page.getByRole("heading", { level: 1, name: "Possible duplicates" })).toBeVisible();
  const card = page.getByRole("region", { name: new RegExp(`Booker Dup ${tag}`) });
  await expect(card.getByRole("row").filter({ hasText: `Original Dup ${tag}` })).toBeVisible();
  await checkA11y();
  await card.getByRole("button", { name: "Same person: merge into the record on file" }).click();
  await expect(page.getByRole("status")).toContainText("Merged");
  await expect(page.getByRole("region", { name: new RegExp(`Booker Dup ${tag}`) })).toHaveCount(0);

  // the patient on record now holds both appointments
  await page.goto(`/patients?q=${encodeURIComponent(email)}`);
  const rows = page.getByRole("row").filter({ hasText: `Dup ${tag}` });
  await expect(rows).toHaveCount(1);
  await rows.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Original`);
  await expect(page.getByRole("cell", { name: /follow-up/i })).toHaveCount(2);
});
