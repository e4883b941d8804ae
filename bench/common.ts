// What the benchmark scripts share: the database they use, percentiles, and an app server to measure.
import { type ChildProcess, spawn } from "node:child_process";

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/clinic_bench";
/** The system Chromium, or the one PLAYWRIGHT_CHROMIUM_PATH names (as for the Playwright suite). */
export const CHROMIUM_PATH = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The p-th percentile (nearest rank below) of xs. */
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
export const fmt = (n: number) => n.toFixed(1);

export interface AppServer {
  process: ChildProcess;
  base: string;
  stop(): Promise<void>;
}

/**
 * Starts the production build (NEXT_DIST_DIR) with `env` on top of this process's environment (a key set to
 * undefined is removed) and waits until /api/health answers. Started through node directly (not npx), so that
 * stopping it stops the server itself. `opts.stderr`: a file descriptor for the server's errors (default: this process's).
 */
export async function startApp(
  port: number,
  env: Record<string, string | undefined>,
  opts: { stderr?: "inherit" | number } = {},
): Promise<AppServer> {
  const merged = Object.fromEntries(
    Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined),
  ) as NodeJS.ProcessEnv;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean),
      "lib/http/server.mjs",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      env: merged,
      stdio: ["ignore", "ignore", opts.stderr ?? "inherit"],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  for (let i = 0; i < 360; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { process: child, base, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error("The server did not become healthy in 3 minutes");
}
