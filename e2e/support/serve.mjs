// Starts the production build for the Playwright suite, on a fresh embedded database unless DATABASE_URL is set.
// With `--empty`: a clinic's first run instead, on a database of its own holding nothing but one admin made by
// `admin:create` (no demo data), for e2e/first-run.spec.ts.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

// The one admin of the first run (e2e/first-run.spec.ts signs in as them).
const FIRST_RUN_ADMIN = JSON.parse(readFileSync(new URL("./first-run-admin.json", import.meta.url), "utf8"));

const empty = process.argv.includes("--empty");
const port = process.env.E2E_PORT ?? "3100";
// The suite sends many requests, and some failed sign-ins, from one address (127.0.0.1: the server reads the socket,
// not X-Forwarded-For); the limits themselves are tested in lib/http/rate-limit.test.ts and lib/staff/sign-in.test.ts.
const env = {
  ...process.env,
  PORT: port,
  HOSTNAME: "127.0.0.1",
  RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? "100000",
  SIGN_IN_FAILURES_PER_ADDRESS: process.env.SIGN_IN_FAILURES_PER_ADDRESS ?? "1000",
  // the suite signs in as the demo admin from several browsers at once; each account's failures still count (5 a minute)
  SIGN_IN_ATTEMPTS_PER_ACCOUNT: process.env.SIGN_IN_ATTEMPTS_PER_ACCOUNT ?? "1000",
  // the emails go out from the app itself on Postgres too (as on the embedded database), so the suite can read them
  NOTIFICATIONS_WORKER: process.env.NOTIFICATIONS_WORKER ?? "in-app",
};
if (!env.DATABASE_URL) env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "clinic-e2e-"));

if (empty) {
  env.DEMO_DATA = "false";
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    const name = `${url.pathname.slice(1)}_first_run`;
    const admin = postgres({ ...pgOptions(url), database: "postgres", onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    run("db/migrate.ts");
  }
  run("db/admin-create.ts", "--email", FIRST_RUN_ADMIN.email, "--name", FIRST_RUN_ADMIN.name);
}

function pgOptions(url) {
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    username: decodeURIComponent(url.username) || "postgres",
  };
}

/** One of the project's scripts, as `npm run` would start it, waiting for it to finish. */
function run(script, ...args) {
  const tsx = path.join("node_modules", "tsx", "dist", "cli.mjs");
  const result = spawnSync(process.execPath, [tsx, "--conditions=react-server", script, ...args], {
    env: { ...env, ADMIN_PASSWORD: FIRST_RUN_ADMIN.password },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`${script} failed with ${result.status}`);
}

// Started through node directly (not npx), so that stopping this script stops the server too.
const child = spawn(process.execPath, ["lib/http/server.mjs", "-p", port, "-H", "127.0.0.1"], {
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
