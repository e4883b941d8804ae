import { test } from "./fixtures";
import { signIn } from "./support/staff";
test("shots", async ({ page }) => {
  test.slow();
  await signIn(page, "admin@demo.clinic");
  for (const w of [1440, 390]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.goto("/admin/reports?range=last-month");
    await page.screenshot({ path: `/tmp/reports-${w}.png`, fullPage: true });
  }
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.screenshot({ path: `/tmp/reports-print.png`, fullPage: true });
});
