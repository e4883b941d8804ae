import { test } from "./fixtures";
import { signIn } from "./support/staff";

test("screens", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin@demo.clinic");
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/admin/staff");
    await page.getByRole("form", { name: "Invite a staff member" }).getByLabel("Role").selectOption("practitioner");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.screenshot({ path: `/tmp/staff-${width}.png`, fullPage: width === 1440 });
    await page.getByRole("row").filter({ hasText: "liam-walsh@demo.clinic" }).getByRole("button", { name: /Deactivate/ }).click();
    await page.screenshot({ path: `/tmp/staff-deact-${width}.png` });
    await page.keyboard.press("Escape");
    await page.getByRole("row").filter({ hasText: "liam-walsh@demo.clinic" }).getByRole("button", { name: /Change role/ }).click();
    await page.getByRole("dialog").getByLabel("Role").selectOption("practitioner");
    await page.screenshot({ path: `/tmp/staff-role-${width}.png` });
    await page.keyboard.press("Escape");
  }
  await page.context().clearCookies();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/login/invite/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  await page.screenshot({ path: `/tmp/invite-bad-390.png` });
});
