// `npm run bench:pages`: the patient booking pages' first-load JavaScript (gzip) and a Lighthouse run of /book on the
// mobile profile, against a production build. Build first, into its own folder:
//   NEXT_DIST_DIR=.next-pages NEXT_SKIP_TYPECHECK=1 node node_modules/next/dist/bin/next build
//   NEXT_DIST_DIR=.next-pages npm run bench:pages
// The app starts on a fresh embedded database (demo data, no DATABASE_URL) in a temporary folder, and stops at the end.
// BENCH_LIGHTHOUSE_RUNS (default 3) sets the number of Lighthouse runs; the median of each figure is reported.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { launch as launchChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_FLAGS, CHROMIUM_PATH, startApp } from "./common";

const DIST = process.env.NEXT_DIST_DIR || ".next-pages";
const PORT = Number(process.env.BENCH_PORT ?? 3602);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const GOAL_JS_BYTES = 150_000;

interface ScriptFile {
  url: string;
  bytes: number;
  gzip: number;
}
interface PageJs {
  name: string;
  path: string;
  status: number;
  files: ScriptFile[];
  bytes: number;
  gzip: number;
  htmlGzip: number;
}

const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Books one appointment through the public API, so that /manage/<token> has something to show. */
async function manageTokenPath(): Promise<string> {
  const service = "physio-initial";
  const location = "chatswood";
  const res = await fetch(
    `${BASE}/api/v1/availability?location=${location}&service=${service}&from=${isoDate(3)}&to=${isoDate(20)}`,
  );
  if (!res.ok) throw new Error(`availability: ${res.status}`);
  const { slots } = (await res.json()) as { slots: { start: string; practitioner: string }[] };
  const slot = slots[0];
  if (!slot) throw new Error("no free time to book for the manage page");
  const booked = await fetch(`${BASE}/api/v1/bookings`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
    body: JSON.stringify({
      service,
      location,
      practitioner: slot.practitioner,
      start: slot.start,
      patient: {
        firstName: "Bench",
        lastName: "Pages",
        email: `bench-pages-${Date.now()}@example.com`,
        phone: "0412 345 678",
        dateOfBirth: "1988-06-15",
      },
    }),
  });
  if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${await booked.text()}`);
  return new URL(((await booked.json()) as { manageUrl: string }).manageUrl).pathname;
}

/** Loads a page in a fresh browser context and sums every script file it fetched, each gzipped at level 9. */
async function firstLoadJs(browser: Browser, name: string, urlPath: string): Promise<PageJs> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const pending: Promise<ScriptFile | null>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response.body().then(
        (body) => ({
          url: new URL(response.url()).pathname,
          bytes: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
        }),
        () => null,
      ),
    );
  });
  const doc = await page.goto(`${BASE}${urlPath}`, { waitUntil: "load" });
  // Everything the first visit fetches, including chunks loaded after hydration, until the network is quiet.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  const html = doc ? await doc.body() : Buffer.alloc(0);
  const files = (await Promise.all(pending)).filter((f): f is ScriptFile => f !== null);
  const unique = [...new Map(files.map((f) => [f.url, f])).values()].sort((a, b) => b.gzip - a.gzip);
  await context.close();
  return {
    name,
    path: urlPath.replace(/\/manage\/[^/]+$/, "/manage/<token>"),
    status: doc?.status() ?? 0,
    files: unique,
    bytes: unique.reduce((s, f) => s + f.bytes, 0),
    gzip: unique.reduce((s, f) => s + f.gzip, 0),
    htmlGzip: gzipSync(html, { level: 9 }).length,
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function printPage(p: PageJs) {
  console.log(`\n${p.name}  ${p.path}  (HTTP ${p.status}; HTML document ${kb(p.htmlGzip)} gzip, not counted)`);
  console.log(`  ${"file".padEnd(44)} ${"raw".padStart(10)} ${"gzip -9".padStart(10)}`);
  for (const f of p.files) console.log(`  ${f.url.padEnd(44)} ${kb(f.bytes).padStart(10)} ${kb(f.gzip).padStart(10)}`);
  console.log(
    `  ${"total".padEnd(44)} ${kb(p.bytes).padStart(10)} ${kb(p.gzip).padStart(10)}   (${p.gzip} bytes gzip)`,
  );
}

interface LighthouseFigures {
  lhr?: unknown;
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  fcpMs: number;
  failing: string[];
}

/** One Lighthouse run of `url` with its default (mobile) configuration, in a Chromium of its own. */
async function lighthouseRun(url: string): Promise<LighthouseFigures> {
  const chrome = await launchChrome({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_FLAGS, "--headless=new"],
    logLevel: "silent",
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
    });
    if (!result) throw new Error("Lighthouse returned no result");
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    // Audits that count towards a category score and did not pass, to say what to fix.
    const counted = new Set(
      Object.values(lhr.categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => r.id)),
    );
    const failing = Object.values(lhr.audits)
      .filter(
        (a) =>
          counted.has(a.id) &&
          a.score !== null &&
          a.score < 0.9 &&
          a.scoreDisplayMode !== "informative" &&
          a.scoreDisplayMode !== "notApplicable",
      )
      .map((a) => `${a.id} (${a.score})`);
    return {
      lhr,
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      lcpMs: value("largest-contentful-paint"),
      cls: value("cumulative-layout-shift"),
      tbtMs: value("total-blocking-time"),
      fcpMs: value("first-contentful-paint"),
      failing,
    };
  } finally {
    chrome.kill();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main() {
  if (!existsSync(path.join(DIST, "BUILD_ID"))) {
    console.error(
      `No production build in ${DIST}. Build first: NEXT_DIST_DIR=${DIST} NEXT_SKIP_TYPECHECK=1 node node_modules/next/dist/bin/next build`,
    );
    process.exit(1);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "clinic-bench-pages-"));
  // A fresh embedded database seeds the demo clinic itself (so no DATABASE_URL); Lighthouse and the page loads
  // send many requests from one address.
  const app = await startApp(PORT, {
    NEXT_DIST_DIR: DIST,
    DATA_DIR: dataDir,
    DATABASE_URL: undefined,
    RATE_LIMIT_PER_MINUTE: "100000",
  });
  let browser: Browser | null = null;
  try {
    const manage = await manageTokenPath();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    // Warm the server (first renders compile nothing in production, but fill its caches) before measuring.
    for (const p of ["/", "/book", manage]) await fetch(`${BASE}${p}`).then((r) => r.text());
    const pages: PageJs[] = [];
    for (const [name, p] of [
      ["booking page", "/book"],
      ["manage page", manage],
      ["home page (reference)", "/"],
      ["framework floor: 404 page, root layout only, no app client code", "/bench-no-such-page"],
    ] as const)
      pages.push(await firstLoadJs(browser, name, p));
    await browser.close();
    browser = null;

    console.log(
      `First-load JavaScript: every script file fetched on a first visit (fresh browser, until the network is quiet), each gzipped at level 9 (node:zlib). 1 kB = 1000 bytes. Build: ${DIST}.`,
    );
    for (const p of pages) printPage(p);
    console.log(`\nGoal: under ${kb(GOAL_JS_BYTES)} gzip on /book and /manage/<token>.`);
    for (const p of pages.slice(0, 2))
      console.log(`  ${p.path}: ${kb(p.gzip)} ${p.gzip < GOAL_JS_BYTES ? "meets" : "misses"} the goal`);

    const runs: LighthouseFigures[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await lighthouseRun(`${BASE}/book`);
      console.log(
        `Lighthouse run ${i + 1}/${RUNS} of /book (mobile): performance ${r.performance}, accessibility ${r.accessibility}, best practices ${r.bestPractices}; LCP ${r.lcpMs.toFixed(0)} ms, CLS ${r.cls.toFixed(3)}, TBT ${r.tbtMs.toFixed(0)} ms, FCP ${r.fcpMs.toFixed(0)} ms${r.failing.length ? `; below 0.9: ${r.failing.join(", ")}` : ""}`,
      );
      runs.push(r);
    }
    const reports = runs.map(({ lhr, ...figures }) => (void lhr, figures));
    const med = runs.length
      ? {
          performance: median(runs.map((r) => r.performance)),
          accessibility: median(runs.map((r) => r.accessibility)),
          bestPractices: median(runs.map((r) => r.bestPractices)),
          lcpMs: Math.round(median(runs.map((r) => r.lcpMs))),
          cls: Number(median(runs.map((r) => r.cls)).toFixed(3)),
          tbtMs: Math.round(median(runs.map((r) => r.tbtMs))),
          fcpMs: Math.round(median(runs.map((r) => r.fcpMs))),
        }
      : null;
    // The full report of the run nearest the median performance score, for reading what Lighthouse flagged.
    const nearest = med
      ? [...runs].sort(
          (a, b) => Math.abs(a.performance - med.performance) - Math.abs(b.performance - med.performance),
        )[0]
      : undefined;
    if (med) {
      console.log(
        `\nLighthouse /book, mobile profile (default config: simulated slow 4G and 4x CPU slowdown), median of ${runs.length}:`,
      );
      console.log(
        `  performance ${med.performance} (goal >= 90), accessibility ${med.accessibility} (goal 100), best practices ${med.bestPractices}`,
      );
      console.log(`  LCP ${med.lcpMs} ms, CLS ${med.cls}, TBT ${med.tbtMs} ms, FCP ${med.fcpMs} ms`);
    }

    mkdirSync("bench/.out", { recursive: true });
    const out = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        loadavg: loadavg(),
        node: process.version,
      },
      build: DIST,
      firstLoadJs: pages.map(({ name, path: p, status, bytes, gzip, htmlGzip, files }) => ({
        name,
        path: p,
        status,
        bytes,
        gzip,
        htmlGzip,
        files,
      })),
      goalJsGzipBytes: GOAL_JS_BYTES,
      lighthouse: { url: "/book", profile: "mobile (default config)", runs: reports, median: med },
    };
    writeFileSync("bench/.out/pages.json", `${JSON.stringify(out, null, 2)}\n`);
    if (nearest?.lhr) writeFileSync("bench/.out/lighthouse-book.json", JSON.stringify(nearest.lhr));
    console.log("\nWritten to bench/.out/pages.json");
  } finally {
    await browser?.close();
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
