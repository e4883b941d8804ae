import { defineConfig, devices } from "@playwright/test";

// Tests run against the production build in the system Chromium; PLAYWRIGHT_CHROMIUM_PATH overrides it.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const port = Number(process.env.E2E_PORT ?? 3100);
const FIRST_RUN = /first-run\.spec\.ts$/;
// The first-run server's port; port + 1 is taken by e2e/api-booking.spec.ts's second server (races across processes).
const FIRST_RUN_PORT = port + 2;
const launchOptions = {
  executablePath,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Most of a test is waiting (page loads, Postgres, axe), so more browsers than cores: E2E_WORKERS overrides it.
  workers: Number(process.env.E2E_WORKERS ?? 4),
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  use: { baseURL: `http://127.0.0.1:${port}`, trace: "retain-on-failure", launchOptions },
  projects: [
    // API contract tests need no browser size; they run once.
    { name: "api", testMatch: /(api-.*|-api)\.spec\.ts$/ },
    {
      name: "desktop",
      testIgnore: [/(api-.*|-api)\.spec\.ts$/, FIRST_RUN],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      name: "phone",
      testIgnore: [/(api-.*|-api)\.spec\.ts$/, FIRST_RUN],
      use: { ...devices["Pixel 7"], launchOptions },
    },
    // A clinic's first run, on its own server whose database holds only the admin that `admin:create` made.
    {
      name: "first-run",
      testMatch: FIRST_RUN,
      use: { ...devices["Desktop Chrome"], launchOptions, baseURL: `http://127.0.0.1:${FIRST_RUN_PORT}` },
    },
  ],
  webServer: [
    {
      command: `node e2e/support/serve.mjs`,
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      env: { E2E_PORT: String(port) },
    },
    {
      command: `node e2e/support/serve.mjs --empty`,
      url: `http://127.0.0.1:${FIRST_RUN_PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      env: { E2E_PORT: String(FIRST_RUN_PORT) },
    },
  ],
});
