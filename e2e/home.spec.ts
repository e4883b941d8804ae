import { expect, test } from "./fixtures";

test("the home page shows all six locations and a way to book", async ({ page, checkA11y }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const locations = page.getByRole("region", { name: "Our locations" }).getByRole("article");
  await expect(locations).toHaveCount(6);
  for (const name of ["Martin Place", "Barangaroo", "North Sydney", "Chatswood", "Mosman", "Online rehab"]) {
    await expect(page.getByRole("heading", { name, level: 3 })).toBeVisible();
  }
  await expect(page.getByText("Level 4, 60 Martin Place, Sydney NSW 2000")).toBeVisible();
  await expect(page.getByRole("link", { name: "Book now" }).first()).toHaveAttribute("href", "/book");
  await checkA11y();
});

test("health reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});

test("/favicon.ico answers with the clinic's icon", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("image/svg+xml");
});
