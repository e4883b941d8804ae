import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./support/staff";

// Distinct accounts and addresses per browser project, so parallel runs share no throttle.
function cast(project: string) {
  return project === "phone"
    ? { throttled: "hannah-lee", address: "198.51.100.72" }
    : { throttled: "grace-miller", address: "198.51.100.71" };
}

test("a JSON sign-in is throttled per account like a form one, and a big body is refused", async ({ playwright, baseURL }, testInfo) => {
  const c = cast(testInfo.project.name);
  const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": c.address } });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const attempt = (password: string) =>
    client.post("/api/auth/callback/credentials", { data: { csrfToken, email: `${c.throttled}@demo.clinic`, password, json: "true" }, maxRedirects: 0 });
  for (let i = 1; i <= 5; i++) expect((await attempt(`wrong-password-${i}`)).status(), `attempt ${i}`).not.toBe(429);
  const sixth = await attempt(DEMO_PASSWORD);
  expect(sixth.status()).toBe(429);
  expect((await sixth.json()).error.code).toBe("rate_limited");
  const big = await client.post("/api/auth/callback/credentials", { form: { csrfToken, email: "x@demo.clinic", password: "p".repeat(20_000) }, maxRedirects: 0 });
  expect(big.status()).toBe(413);
  await client.dispose();
});

test("after signing in, only same-origin paths are followed", async ({ page }) => {
  await signIn(page, "reception@demo.clinic");
  for (const next of ["/%5Cevil.example", "//evil.example", "/%2F%2Fevil.example", "https://evil.example/", "/%0d%0aSet-Cookie:%20a=b"]) {
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
  const out = await page.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "https://evil.example/", json: "true" }, maxRedirects: 0 });
  expect(new URL(((await out.json()) as { url: string }).url).host).not.toBe("evil.example");
});
