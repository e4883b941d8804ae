// Starts the production build for the Playwright suite, on a fresh embedded database unless DATABASE_URL is set.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3100";
// The suite sends many requests, and some failed sign-ins, from one address (127.0.0.1: the server reads the socket,
// not X-Forwarded-For); the limits themselves are tested in lib/http/rate-limit.test.ts and lib/staff/sign-in.test.ts.
const env = {
  ...process.env,
  PORT: port,
  HOSTNAME: "127.0.0.1",
  RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? "100000",
  SIGN_IN_FAILURES_PER_ADDRESS: process.env.SIGN_IN_FAILURES_PER_ADDRESS ?? "1000",
  // the emails go out from the app itself on Postgres too (as on the embedded database), so the suite can read them
  NOTIFICATIONS_WORKER: process.env.NOTIFICATIONS_WORKER ?? "in-app",
};
if (!env.DATABASE_URL) env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "clinic-e2e-"));
// Started through node directly (not npx), so that stopping this script stops the server too.
const child = spawn(process.execPath, ["lib/http/server.mjs", "-p", port, "-H", "127.0.0.1"], {
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
