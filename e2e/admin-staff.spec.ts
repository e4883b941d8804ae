// The clinic manager invites a practitioner's account; the invitation is read from the admin outbox (no mail server in
// the suite); the invitee sets a password under the common-password rule, once, and signs in.
import { expect, test } from "./fixtures";
import { signIn } from "./support/staff";

// A demo practitioner no other spec signs in as, one per browser project.
function cast(project: string) {
  return project === "phone"
    ? { slug: "mia-thompson", name: "Mia Thompson" }
    : { slug: "noah-patel", name: "Noah Patel" };
}

test("an admin invites a practitioner, who sets a password from the emailed link and signs in", async ({
  page,
  checkA11y,
}, testInfo) => {
  test.slow();
  const { slug, name } = cast(testInfo.project.name);
  const email = `${slug}.${testInfo.project.name}@example.com`;
  const password = `tidal bay kestrel ${testInfo.project.name} ${Date.now()}`;

  await signIn(page, "admin@demo.clinic");
  await page.goto("/admin/staff");
  await expect(page.getByRole("heading", { name: "Staff accounts" })).toBeVisible();
  await checkA11y();

  // the practitioner's demo account becomes reception, which frees the practitioner for a new account
  await page
    .getByRole("row")
    .filter({ hasText: `${slug}@demo.clinic` })
    .getByRole("button", { name: /Change role/ })
    .click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Role").selectOption("reception");
  await checkA11y();
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText(`${name} is now reception.`)).toBeVisible();

  // inline errors beside the fields, then the invitation
  const invite = page.getByRole("form", { name: "Invite a staff member" });
  await invite.getByLabel("Name").fill(name);
  await invite.getByLabel("Email").fill("not an email");
  await invite.getByLabel("Role").selectOption("practitioner");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByText("Enter a valid email")).toBeVisible();
  await expect(invite.getByText("Choose the practitioner this account is for")).toBeVisible();
  await checkA11y();
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Practitioner").selectOption(slug);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Invited");
  await expect(row).toContainText(name);

  // the email, as the admin reads it in the outbox
  let invitePath = "";
  await expect
    .poll(
      async () => {
        await page.goto("/admin/outbox");
        const mail = page.getByRole("row").filter({ hasText: email }).filter({ hasText: "invited" }).first();
        if ((await mail.count()) === 0) return "";
        const href = await mail.getByRole("link").first().getAttribute("href");
        const html = await (await page.request.get(href!)).text();
        invitePath = /\/login\/invite\/[A-Za-z0-9_-]{43}/.exec(html)?.[0] ?? "";
        return invitePath;
      },
      { timeout: 30_000 },
    )
    .not.toBe("");

  // the invitee, in a browser with nobody signed in
  await page.context().clearCookies();
  const response = await page.goto(invitePath);
  expect(response!.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.getByText(`Welcome, ${name}.`)).toBeVisible();
  await checkA11y();
  await page.getByLabel("Choose a password").fill("abcdefghijk");
  await page.getByLabel("The same password again").fill("abcdefghijk");
  await page.getByRole("button", { name: "Set my password" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();
  await page.getByLabel("Choose a password").fill("password1234");
  await page.getByLabel("The same password again").fill("password1234");
  await page.getByRole("button", { name: "Set my password" }).click();
  await expect(page.getByText(/That password is too common/)).toBeVisible();
  await page.getByLabel("Choose a password").fill(password);
  await page.getByLabel("The same password again").fill(password);
  await page.getByRole("button", { name: "Set my password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is set");

  // single use
  await page.goto(invitePath);
  await expect(page.getByText("This invitation has expired or has been used.")).toBeVisible();
  await checkA11y();

  // signs in (a new practitioner must then set up two-step sign-in, where the server requires it)
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/(my-day|account\/mfa)/);
});

test("the staff screen is for admins only", async ({ page }) => {
  await signIn(page, "reception@demo.clinic");
  const response = await page.goto("/admin/staff");
  expect(response!.status()).toBe(404);
});
