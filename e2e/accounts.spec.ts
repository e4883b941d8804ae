import { generate } from "otplib";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, signIn } from "./support/staff";

// Distinct accounts and addresses per browser project, so parallel runs share neither a throttle nor a session.
function cast(project: string) {
  return project === "phone"
    ? { ghost: "ghost-phone@demo.clinic", address: "198.51.100.72", mfa: "sophie-nguyen", password: "oliver-brooks" }
    : { ghost: "ghost-desktop@demo.clinic", address: "198.51.100.71", mfa: "daniel-costa", password: "grace-miller" };
}

test("a JSON sign-in is throttled per account like a form one, and a big body is refused", async ({
  playwright,
  baseURL,
}, testInfo) => {
  const c = cast(testInfo.project.name);
  const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": c.address } });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const attempt = (password: string) =>
    client.post("/api/auth/callback/credentials", {
      data: { csrfToken, email: c.ghost, password, json: "true" },
      maxRedirects: 0,
    });
  for (let i = 1; i <= 5; i++) expect((await attempt(`wrong-password-${i}`)).status(), `attempt ${i}`).not.toBe(429);
  const sixth = await attempt(DEMO_PASSWORD);
  expect(sixth.status()).toBe(429);
  expect((await sixth.json()).error.code).toBe("rate_limited");
  const big = await client.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "x@demo.clinic", password: "p".repeat(20_000) },
    maxRedirects: 0,
  });
  expect(big.status()).toBe(413);
  await client.dispose();
});

test("after signing in, only same-origin paths are followed", async ({ page }) => {
  await signIn(page, "reception@demo.clinic");
  for (const next of [
    "/%5Cevil.example",
    "//evil.example",
    "/%2F%2Fevil.example",
    "https://evil.example/",
    "/%0d%0aSet-Cookie:%20a=b",
  ]) {
    const res = await page.request.get(`/login?next=${next}`, { maxRedirects: 0 });
    expect(res.status(), next).toBeLessThan(500);
    const location = res.headers()["location"] ?? "";
    expect(new URL(location, "http://127.0.0.1").host, `${next} → ${location}`).toBe("127.0.0.1");
    expect(location).not.toMatch(/[\\\r\n]|^\/\//);
  }
  const ok = await page.request.get("/login?next=/calendar%3Fdate%3D2026-12-07", { maxRedirects: 0 });
  expect(ok.headers()["location"]).toMatch(/^\/calendar\?date=2026-12-07$/);
  // next-auth's own callbackUrl is held to the same rule
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const out = await page.request.post("/api/auth/signout", {
    form: { csrfToken, callbackUrl: "https://evil.example/", json: "true" },
    maxRedirects: 0,
  });
  expect(new URL(((await out.json()) as { url: string }).url).host).not.toBe("evil.example");
});

test("a practitioner changes their password, which signs out their other session, and signs out everywhere", async ({
  page,
  browser,
  checkA11y,
}, testInfo) => {
  test.slow();
  const email = `${cast(testInfo.project.name).password}@demo.clinic`;
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, email);
  await signIn(page, email);

  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
  const sessions = page.getByRole("table", { name: "Your signed-in sessions" });
  await expect(sessions.getByRole("row")).toHaveCount(3);
  await checkA11y();

  // Errors show next to their fields.
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password", { exact: true }).fill("password1234");
  await page.getByLabel("New password again").fill("password1234");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#currentPassword-error")).toHaveText("That isn’t your current password.");
  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#newPassword-error")).toContainText("too common");
  await checkA11y();

  const fresh = "seven kites over the harbour";
  await page.getByLabel("New password", { exact: true }).fill(fresh);
  await page.getByLabel("New password again").fill(fresh);
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("status").filter({ hasText: "Password changed. 1 other session signed out." }),
  ).toBeVisible();
  await page.reload();
  await expect(sessions.getByRole("row")).toHaveCount(2);
  // the other browser is signed out
  await other.goto("/my-day");
  await expect(other).toHaveURL(/\/login/);
  await otherContext.close();

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, fresh);
});

test("a practitioner turns on two-step sign-in with a QR code and then signs in with a code", async ({
  page,
  checkA11y,
}, testInfo) => {
  test.slow();
  const email = `${cast(testInfo.project.name).mfa}@demo.clinic`;
  await signIn(page, email);
  await page.goto("/account");
  await page.getByRole("link", { name: "Set up two-step sign-in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Two-step sign-in" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg")).toBeVisible();
  await checkA11y();
  const secret = (await page.getByTestId("mfa-secret").getAttribute("data-secret"))!;
  await page.getByLabel("6-digit code").fill("000000");
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.locator("#mfa-code-error")).toContainText("doesn’t match");
  await page.getByLabel("6-digit code").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  const codes = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())!.trim();
  await checkA11y();

  // Sign out, then in again: the password, then a code (the next one: the enrolment's code is spent).
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  const code = page.getByLabel("Code from your authenticator app");
  await expect(code).toBeVisible();
  await checkA11y();
  await code.fill("123456");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("#code-error")).toContainText("didn’t work");
  await code.fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/my-day/, { timeout: 20_000 });

  // A recovery code works once instead.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Code from your authenticator app").fill(recovery);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/my-day/, { timeout: 20_000 });
});

test("forgot password answers the same for any email", async ({ page, checkA11y }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await checkA11y();
  for (const email of ["reception@demo.clinic", "nobody-here@demo.clinic"]) {
    await page.goto("/login/forgot");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await expect(page.getByRole("status")).toHaveText(
      /If that email belongs to a staff account, a link to set a new password is on its way/,
    );
  }
  await page.goto("/login/reset/not-a-real-token-at-all-not-a-real-token-xx");
  await expect(page.getByText("This link has expired or has been used.")).toBeVisible();
});

test("a forgotten password is reset from the emailed single-use link, and the old one stops working", async ({
  page,
  browser,
  checkA11y,
}, testInfo) => {
  test.slow();
  // accounts no other test signs in as, one per browser project
  const email = testInfo.project.name === "phone" ? "james-okafor@demo.clinic" : "hannah-lee@demo.clinic";
  const fresh = `quiet harbour lantern ${testInfo.project.name} ${Date.now()}`;
  await page.goto("/login/forgot");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toHaveText(/a link to set a new password is on its way/);

  // the email, as an admin reads it in the dashboard's outbox (no mail server in the suite)
  const admin = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  await signIn(admin, "admin@demo.clinic");
  let resetPath = "";
  await expect
    .poll(
      async () => {
        await admin.goto("/admin/outbox");
        const row = admin.getByRole("row").filter({ hasText: email }).filter({ hasText: "staff password" }).first();
        if ((await row.count()) === 0) return "";
        const href = await row.getByRole("link").first().getAttribute("href");
        const html = await (await admin.request.get(href!)).text();
        resetPath = /\/login\/reset\/[A-Za-z0-9_-]+/.exec(html)?.[0] ?? "";
        return resetPath;
      },
      { timeout: 30_000 },
    )
    .not.toBe("");
  await admin.close();

  await page.goto(resetPath);
  await page.getByLabel("New password", { exact: true }).fill(fresh);
  await page.getByLabel("New password again").fill(fresh);
  await checkA11y();
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is set");
  // single use
  await page.goto(resetPath);
  await expect(page.getByText("This link has expired or has been used.")).toBeVisible();
  // the old password no longer signs in; the new one does
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, fresh);
  await expect(page).not.toHaveURL(/\/login/);
});
