import { expect, test } from "./fixtures";
import { bookWith, signIn } from "./support/staff";

// Reception's location week and the printed day sheet, around one booking made through the public API.
test("reception opens a location's week and prints its day sheet", async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(180_000);
  const last = `Sheet${testInfo.project.name === "phone" ? "p" : "d"}${Date.now().toString(36).replace(/\d/g, "")}`;
  const booked = await bookWith(page.request, "amelia-chen", last);
  const date = booked.start.slice(0, 10);

  await signIn(page, "reception@demo.clinic");
  await page.goto(`/calendar?location=${booked.location}&date=${date}`);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole("button", { name: "Location week" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Week of");
  const week = page.getByRole("region", { name: /’s week$/ });
  await expect(week.getByRole("columnheader", { name: "Practitioner" })).toBeVisible();
  await expect(week.getByRole("rowheader", { name: /Amelia Chen/ })).toBeVisible();
  const card = week.getByRole("button", { name: new RegExp(`Harper ${last}`) });
  await expect(card).toBeVisible();
  // every Book button says whose diary it books into
  await expect(week.getByRole("button", { name: /^Book with Amelia Chen on / }).first()).toBeAttached();
  await expect(page.getByRole("button", { name: /^Book with on\b/ })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1); // no reload
  await expect(page).toHaveURL(/view=location-week/);
  await checkA11y();
  await card.click();
  await expect(page.getByRole("dialog", { name: `Harper ${last}` })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.getByRole("link", { name: /^Print day sheet/ }).click();
  await expect(page).toHaveURL(new RegExp(`/calendar/print\\?location=${booked.location}&date=${date}`));
  await expect(page.getByRole("heading", { level: 1, name: /^Day sheet: / })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Staff" })).toHaveCount(0); // no app frame on paper
  const row = page.getByRole("row", { name: new RegExp(`Harper ${last}`) });
  await expect(row).toContainText("0412 345 678");
  await expect(row).toContainText("Amelia Chen");
  await expect(row).toContainText("Booked");
  await checkA11y();

  await page.goto(`/calendar/print?practitioner=amelia-chen&date=${date}`);
  await expect(page.getByRole("heading", { level: 1, name: "Day sheet: Amelia Chen" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`Harper ${last}`) })).toContainText("Booked");
  await checkA11y();

  // the practitioner's own week names them on its Book buttons too
  await page.goto(`/calendar?view=week&practitioner=amelia-chen&date=${date}`);
  await expect(page.getByRole("button", { name: /^Book with Amelia Chen on / }).first()).toBeAttached();
});

test("a practitioner gets 403 from the location week and may print only their own day sheet", async ({ page }) => {
  await signIn(page, "amelia-chen@demo.clinic");
  const res = await page.request.get("/api/v1/staff/calendar/location-week?location=martin-place&date=2026-12-01");
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("forbidden");
  expect((await page.goto("/calendar/print?location=martin-place&date=2026-12-01"))?.status()).toBe(404);
  expect((await page.goto("/calendar/print?practitioner=priya-raman&date=2026-12-01"))?.status()).toBe(404);
  await page.goto("/calendar/print?practitioner=amelia-chen&date=2026-12-01");
  await expect(page.getByRole("heading", { level: 1, name: "Day sheet: Amelia Chen" })).toBeVisible();
});
