// `npm run drill:faults`: books continuously from 16 clients through two app processes while Postgres restarts, one
// app is killed (SIGKILL) and started again, and the email worker is killed twice mid-send (once before the SMTP
// server answered the message, once just after). Then checks that every booking answered 201 exists exactly once,
// that no answer was a 5xx other than a 503 while the database was down, that every confirmation arrived (and how
// many arrived twice), and that every process recovered by itself. Exits 1 if a check fails. See docs/reliability.md.
// Needs Postgres 15 at 127.0.0.1:5432 managed by pg_ctlcluster (run as root), and a production build (made if missing).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, openSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { startSmtpSink } from "@/lib/notifications/testing/smtp-sink";
import { type AppServer, startApp } from "./common";
import {
  bookingBody,
  createDemoDatabase,
  DRILL_AUTH_SECRET,
  ensureBuild,
  findSlots,
  NEXT_DIST_DIR,
  request,
  seconds,
  type Slot,
  sleep,
} from "./drill-common";

const DB_NAME = process.env.DRILL_DATABASE ?? "clinic_rel_faults";
const CLIENTS = Number(process.env.DRILL_CLIENTS ?? 16);
/** Pause between one client's bookings: keeps the emails (one confirmation per booking) within what one worker sends. */
const PAUSE_MS = Number(process.env.DRILL_PAUSE_MS ?? 300);
const DB_DOWN_SECONDS = Number(process.env.DRILL_DB_DOWN_SECONDS ?? 4);
const STEADY_SECONDS = Number(process.env.DRILL_STEADY_SECONDS ?? 12);
const DRAIN_SECONDS = Number(process.env.DRILL_DRAIN_SECONDS ?? 300);
const PG_CLUSTER = (process.env.DRILL_PG_CLUSTER ?? "15 main").split(" ");
const PORTS = [3711, 3712];
const RUN = Date.now().toString(36);
const OUT = "bench/.out";

const t0 = performance.now();
const now = () => performance.now() - t0;
const log = (line: string) => console.log(`[${seconds(now()).padStart(6)} s] ${line}`);

interface Attempt {
  sentAt: number;
  at: number;
  status: number | "conn";
  app: number;
  phase: string;
}
interface Booking {
  key: string;
  email: string;
  attempts: Attempt[];
  final?: number;
  appointmentId?: string;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  ensureBuild();
  log(`fresh database ${DB_NAME}: migrate and seed`);
  const url = await createDemoDatabase(DB_NAME);
  const sql = postgres(url, { max: 2, onnotice: () => {} });

  // ---- the SMTP sink, with a switch that kills the worker at a chosen moment of a send
  let armed: null | "before-reply" | "after-reply" = null;
  const kills: {
    mode: string;
    at: number;
    messageId: string;
    restartedAt?: number;
    inFlight: string[];
    nextEmailAt?: number;
  }[] = [];
  const acceptedAt = new Map<string, number[]>();
  const sink = await startSmtpSink({
    onMessage: async (mail) => {
      const id = jobIdOf(mail.messageId);
      const mode = armed;
      if (mode === "before-reply") {
        armed = null;
        await killWorker(mode, id);
        return { decision: "drop" };
      }
      (acceptedAt.get(id) ?? acceptedAt.set(id, []).get(id)!).push(now());
      for (const k of kills)
        if (k.restartedAt !== undefined && k.nextEmailAt === undefined && now() > k.restartedAt) k.nextEmailAt = now();
      if (mode === "after-reply") {
        armed = null;
        return { decision: "accept", afterAccept: () => void killWorker(mode, id) };
      }
      return { decision: "accept" };
    },
  });

  const common = { DATABASE_URL: url, AUTH_SECRET: DRILL_AUTH_SECRET, NEXT_DIST_DIR, LOG_LEVEL: "info" };
  const appEnv = {
    ...common,
    NOTIFICATIONS_WORKER: "off",
    RATE_LIMIT_PER_MINUTE: "100000000",
    PUBLIC_BASE_URL: "http://127.0.0.1:3711",
    SMTP_URL: undefined,
  };
  const appLog = (i: number) => openSync(`${OUT}/drill-faults-app${i}.log`, "a");
  const apps: AppServer[] = [];
  for (const [i, port] of PORTS.entries()) apps.push(await startApp(port, appEnv, { stderr: appLog(i) }));
  for (const app of apps) own(app.process);
  log(`apps up on ${PORTS.join(", ")}`);

  const workerLog = openSync(`${OUT}/drill-faults-worker.log`, "a");
  let worker = startWorker();
  function startWorker(): ChildProcess {
    return own(
      spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/notifications/worker-main.ts"], {
        env: { ...process.env, ...common, SMTP_URL: sink.url },
        stdio: ["ignore", workerLog, workerLog],
      }),
    );
  }
  async function killWorker(mode: string, messageId: string) {
    const exited = new Promise((r) => worker.once("exit", r));
    worker.kill("SIGKILL");
    const at = now();
    await exited;
    // what the dead worker held: claimed (active) jobs that nobody will complete until their heartbeat is missed
    const inFlight = (await sql`select id::text from pgboss.job where name = 'patient-email' and state = 'active'`).map(
      (r) => r.id as string,
    );
    kills.push({ mode, at, messageId, inFlight });
    log(
      `email worker killed ${mode === "before-reply" ? "while the SMTP server held its message, before answering" : "just after the SMTP server accepted its message"} (jobs in flight: ${inFlight.length})`,
    );
    worker = startWorker();
    kills.at(-1)!.restartedAt = now();
  }

  // ---- health of both apps, sampled all along
  const health: { at: number; app: number; ok: boolean }[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await Promise.all(
        PORTS.map(async (port, app) => {
          const ok = await request(port, "GET", "/api/health", undefined, {}, 1500).then(
            (a) => a.status === 200,
            () => false,
          );
          health.push({ at: now(), app, ok });
        }),
      );
      await sleep(250);
    }
  })();
  const allHealthySince = async (since: number, timeoutMs = 120_000): Promise<number> => {
    const until = now() + timeoutMs;
    while (now() < until) {
      const latest = PORTS.map((_, app) => health.filter((h) => h.app === app && h.at > since).at(-1));
      if (latest.every((h) => h?.ok)) return Math.max(...latest.map((h) => h!.at));
      await sleep(100);
    }
    throw new Error("the apps did not become healthy again within 2 minutes");
  };

  // ---- the clients
  const slots = await findSlots(apps[0]!.base, 6000);
  log(`${slots.length} free slots found for ${CLIENTS} clients`);
  let phase = "steady";
  let booking = true;
  const bookings: Booking[] = [];
  const used = new Set<number>();
  const clients = Array.from({ length: CLIENTS }, (_, c) => runClient(c));
  async function runClient(c: number) {
    for (let n = 0; booking; n++) {
      const slot = slots[c + n * CLIENTS];
      if (!slot) return;
      used.add(c + n * CLIENTS);
      await bookOnce(c, n, slot);
      await sleep(PAUSE_MS);
    }
  }
  async function bookOnce(c: number, n: number, slot: Slot) {
    const b: Booking = { key: `drill-${RUN}-${c}-${n}`, email: `drill-${RUN}-${c}-${n}@example.com`, attempts: [] };
    bookings.push(b);
    const body = bookingBody(slot, b.email);
    // alternate the apps from one booking to the next, and on each retry (a load balancer would do the same)
    for (let attempt = 0; ; attempt++) {
      const app = (c + n + attempt) % PORTS.length;
      const sentAt = now();
      try {
        const answer = await request(PORTS[app]!, "POST", "/api/v1/bookings", body, { "Idempotency-Key": b.key });
        b.attempts.push({ sentAt, at: now(), status: answer.status, app, phase });
        if (answer.status === 503) {
          await sleep(250);
          continue;
        }
        b.final = answer.status;
        if (answer.status === 201) b.appointmentId = (answer.body as { booking: { id: string } }).booking.id;
        return;
      } catch {
        b.attempts.push({ sentAt, at: now(), status: "conn", app, phase });
        await sleep(250);
      }
    }
  }

  // ---- the faults
  const faults: Record<string, { at: number; healthyAt: number; extra?: Record<string, number> }> = {};
  await sleep(STEADY_SECONDS * 1000);

  phase = "postgres-restart";
  log("(a) stopping Postgres");
  const dbStop = now();
  // DRILL_SKIP_POSTGRES=1 (a rehearsal of the rest) leaves the shared server alone
  const skipPostgres = process.env.DRILL_SKIP_POSTGRES === "1";
  if (!skipPostgres) pgCluster("stop");
  const dbStopped = now();
  await sleep(DB_DOWN_SECONDS * 1000);
  const dbStart = now();
  if (!skipPostgres) pgCluster("start");
  const dbStarted = now();
  log(`(a) Postgres started again (down ${seconds(dbStarted - dbStopped)} s)`);
  const dbHealthy = await allHealthySince(dbStarted);
  faults.postgres = {
    at: dbStop,
    healthyAt: dbHealthy,
    extra: { stopCommandMs: dbStopped - dbStop, downMs: dbStarted - dbStopped, startCommandMs: dbStarted - dbStart },
  };
  log(`(a) both apps healthy ${seconds(dbHealthy - dbStarted)} s after Postgres was up`);
  const dbWindow = [dbStop, dbHealthy + 2000] as const;
  phase = "steady";
  await sleep(STEADY_SECONDS * 1000);

  phase = "app-kill";
  log("(b) SIGKILL app 2");
  const appKill = now();
  apps[1]!.process.kill("SIGKILL");
  await new Promise((r) => apps[1]!.process.once("exit", r));
  apps[1] = await startApp(PORTS[1]!, appEnv, { stderr: appLog(1) });
  own(apps[1].process);
  const appHealthy = now();
  faults.appKill = { at: appKill, healthyAt: appHealthy };
  log(`(b) app 2 started again and healthy after ${seconds(appHealthy - appKill)} s`);
  phase = "steady";
  await sleep(STEADY_SECONDS * 1000);

  phase = "worker-kill";
  for (const mode of ["before-reply", "after-reply"] as const) {
    log(`(c) worker to be killed at its next message (${mode})`);
    armed = mode;
    const armedAt = now();
    while (armed && now() - armedAt < 60_000) await sleep(50);
    if (armed) throw new Error("the worker sent nothing for a minute");
    await sleep(STEADY_SECONDS * 1000);
  }
  phase = "steady";
  booking = false;
  await Promise.all(clients);
  log(`bookings stopped: ${bookings.length} made`);

  // ---- wait for the queue to drain: every 201's confirmation sent
  const ok201 = bookings.filter((b) => b.final === 201);
  const drainStart = now();
  let jobs: { id: string; appointment: string; kind: string; state: string; retries: number }[] = [];
  while (now() - drainStart < DRAIN_SECONDS * 1000) {
    jobs =
      (await sql`select id::text, singleton_key as appointment, data->>'kind' as kind, state::text, retry_count as retries from pgboss.job where name = 'patient-email' and data->>'kind' = 'confirmation'`) as unknown as typeof jobs;
    const pending = jobs.filter((j) => j.state !== "completed").length;
    const missing = jobs.filter((j) => !acceptedAt.has(j.id)).length;
    if (pending === 0 && missing === 0 && jobs.length >= ok201.length) break;
    await sleep(2000);
  }
  const drained = now();
  log(`email queue drained ${seconds(drained - drainStart)} s after the bookings stopped`);

  // ---- checks
  const failures: string[] = [];
  const check = (ok: boolean, line: string) => {
    console.log(`${ok ? "PASS" : "FAIL"}  ${line}`);
    if (!ok) failures.push(line);
  };
  console.log("\n--- figures");
  const attempts = bookings.flatMap((b) => b.attempts);
  const byStatus = countBy(attempts.map((a) => String(a.status)));
  const finals = countBy(bookings.map((b) => String(b.final ?? "none")));
  console.log(`bookings attempted: ${bookings.length}; final answers: ${fmtCounts(finals)}`);
  console.log(`every answer and connection error, retries included (${attempts.length}): ${fmtCounts(byStatus)}`);
  for (const p of ["postgres-restart", "app-kill", "worker-kill", "steady"]) {
    console.log(
      `  during ${p}: ${fmtCounts(countBy(attempts.filter((a) => a.phase === p).map((a) => String(a.status))))}`,
    );
  }
  const retried = bookings.filter((b) => b.attempts.length > 1);
  console.log(
    `bookings that needed a retry: ${retried.length}, of which answered 201 in the end: ${retried.filter((b) => b.final === 201).length}`,
  );
  const pgErr = attempts.filter(
    (a) => a.at >= dbWindow[0] && a.at <= dbWindow[1] && a.status !== 201 && a.status !== 409,
  );
  const pgErrSpan = pgErr.length ? Math.max(...pgErr.map((a) => a.at)) - Math.min(...pgErr.map((a) => a.at)) : 0;
  console.log(
    `(a) Postgres: stop took ${seconds(faults.postgres.extra!.stopCommandMs!)} s, down ${seconds(faults.postgres.extra!.downMs!)} s, start took ${seconds(faults.postgres.extra!.startCommandMs!)} s; both /api/health 200 ${seconds(dbHealthy - dbStarted)} s after it was up (${seconds(dbHealthy - dbStop)} s after the stop began); bookings failed or waited for ${seconds(pgErrSpan)} s`,
  );
  const inDbWindow = attempts.filter((a) => a.sentAt <= dbWindow[1] && a.at >= dbWindow[0]);
  const waits = inDbWindow.map((a) => a.at - a.sentAt).sort((x, y) => x - y);
  console.log(
    `    answers that overlapped the outage: ${inDbWindow.length} (${fmtCounts(countBy(inDbWindow.map((a) => String(a.status))))}); time to answer: median ${seconds(waits[Math.floor(waits.length / 2)] ?? 0)} s, longest ${seconds(waits.at(-1) ?? 0)} s; 500s answered from ${seconds(Math.min(...inDbWindow.filter((a) => a.status === 500).map((a) => a.at)) - dbStop)} s to ${seconds(Math.max(...inDbWindow.filter((a) => a.status === 500).map((a) => a.at)) - dbStop)} s after the stop began`,
  );
  console.log(
    `(b) app 2: back and healthy ${seconds(appHealthy - appKill)} s after SIGKILL; connection errors retried on the other app: ${attempts.filter((a) => a.status === "conn").length}`,
  );
  for (const k of kills) {
    const held = k.inFlight
      .map((id) => acceptedAt.get(id)?.at(-1))
      .filter((t): t is number => t !== undefined && t > k.at);
    console.log(
      `(c) worker killed ${k.mode}: restarted at once; next email accepted ${k.nextEmailAt ? seconds(k.nextEmailAt - k.at) : "never"} s after the kill; jobs it held: ${k.inFlight.length}, their emails (re)sent ${held.length ? `${seconds(Math.min(...held) - k.at)} to ${seconds(Math.max(...held) - k.at)} s` : "(none pending)"} after the kill`,
    );
  }

  console.log("\n--- checks");
  // 1. every 201 is in the database exactly once; nothing else was booked
  const rows =
    (await sql`select a.id::text, p.email from appointments a join patients p on p.id = a.patient_id where p.email like ${`drill-${RUN}-%`}`) as unknown as {
      id: string;
      email: string;
    }[];
  const dbIds = countBy(rows.map((r) => r.id));
  const perEmail = countBy(rows.map((r) => r.email));
  const ids201 = ok201.map((b) => b.appointmentId!);
  const missingInDb = ids201.filter((id) => !dbIds[id]);
  const twice = Object.entries(perEmail).filter(([, n]) => n > 1);
  const extra = rows.filter((r) => !ids201.includes(r.id));
  check(
    missingInDb.length === 0 && twice.length === 0 && new Set(ids201).size === ids201.length,
    `every booking answered 201 exists exactly once: ${ids201.length} answered 201, ${rows.length} in the database, ${missingInDb.length} missing, ${twice.length} booked twice`,
  );
  check(
    extra.length === 0,
    `no booking in the database that its client was not told about (answered otherwise): ${extra.length}`,
  );
  // 2. no 5xx but a 503 while the database was down
  const bad5xx = attempts.filter(
    (a) =>
      typeof a.status === "number" &&
      a.status >= 500 &&
      !(a.status === 503 && a.at >= dbWindow[0] && a.at <= dbWindow[1]),
  );
  check(
    bad5xx.length === 0,
    `no 5xx other than 503 while the database was down: ${bad5xx.length} others (${fmtCounts(countBy(bad5xx.map((a) => `${a.status}@${a.phase}`)))})`,
  );
  const unexpected = bookings.filter(
    (b) => b.final !== 201 && b.final !== 409 && b.final !== undefined && b.final < 500,
  );
  check(
    unexpected.length === 0,
    `no booking refused with a 4xx other than 409: ${unexpected.length} (${fmtCounts(countBy(unexpected.map((b) => String(b.final))))})`,
  );
  // 3. emails: one confirmation job per booking, each sent; copies of one message counted
  const jobsByAppt = countBy(jobs.map((j) => j.appointment));
  const jobOf = new Map(jobs.map((j) => [j.appointment, j]));
  const noJob = ids201.filter((id) => !jobsByAppt[id]);
  const twoJobs = ids201.filter((id) => (jobsByAppt[id] ?? 0) > 1);
  const lost = ids201.filter((id) => {
    const j = jobOf.get(id);
    return !j || !acceptedAt.has(j.id);
  });
  const copies = ids201
    .map((id) => ({ id, job: jobOf.get(id)?.id ?? "", n: acceptedAt.get(jobOf.get(id)?.id ?? "")?.length ?? 0 }))
    .filter((x) => x.n > 1);
  const inKillWindow = new Set(kills.flatMap((k) => k.inFlight));
  // At-least-once: a message the SMTP server accepted whose job was not marked done, because its worker was killed
  // first or because Postgres was down when the worker tried to mark it, is sent again with the same Message-ID.
  const whyAgain = (c: { job: string }) => {
    const first = acceptedAt.get(c.job)![0]!;
    const kill = kills.find((k) => k.inFlight.includes(c.job));
    // held by the worker that was killed: the server may take in the whole message just before or as the worker dies
    if (kill && inKillWindow.has(c.job))
      return `worker killed ${kill.mode} while it held the job (first copy ${seconds(first - kill.at)} s from the kill)`;
    if (first >= dbWindow[0] && first <= dbWindow[1])
      return "sent while Postgres went down: the worker could not mark it done";
    return "";
  };
  const explained = copies.filter((c) => whyAgain(c) !== "");
  const received = sink.received.length;
  const confirmationsReceived = [...acceptedAt.values()].reduce((s, v) => s + v.length, 0);
  console.log(
    `emails: ${ids201.length} confirmations due, ${jobs.length} confirmation jobs, ${received} messages at the SMTP sink (${confirmationsReceived} of them confirmations), ${copies.length} arrived twice (same Message-ID)`,
  );
  check(
    noJob.length === 0 && twoJobs.length === 0,
    `one confirmation job per booking: ${noJob.length} without, ${twoJobs.length} with two`,
  );
  check(lost.length === 0, `no confirmation lost: ${lost.length} never arrived`);
  check(
    copies.length === explained.length,
    `no confirmation sent twice, except (at-least-once, same Message-ID) a message the SMTP server accepted just before its worker was killed or Postgres went down: ${copies.length} sent twice, ${explained.length} of them so`,
  );
  if (process.env.DRILL_STRICT_EMAIL === "1")
    check(copies.length === 0, `(strict) no confirmation arrived twice at all: ${copies.length}`);
  for (const c of copies)
    console.log(
      `      ${c.job}: at ${acceptedAt
        .get(c.job)!
        .map((t) => `${seconds(t)} s`)
        .join(" and ")}, same Message-ID; ${whyAgain(c) || "UNEXPLAINED"}`,
    );
  const stuck = jobs.filter((j) => j.state !== "completed");
  check(
    stuck.length === 0,
    `every confirmation job completed: ${stuck.length} not (${fmtCounts(countBy(stuck.map((j) => j.state)))}); retried: ${jobs.filter((j) => j.retries > 0).length}`,
  );
  // 4. recovered with no manual step
  const lastHealth = await Promise.all(
    PORTS.map((port) =>
      request(port, "GET", "/api/health").then(
        (a) => a.status,
        () => 0,
      ),
    ),
  );
  check(
    lastHealth.every((s) => s === 200),
    `both apps answer /api/health 200 at the end: ${lastHealth.join(", ")}`,
  );
  check(
    kills.length === 2 && kills.every((k) => k.nextEmailAt !== undefined),
    `the restarted email worker sent again after each kill`,
  );
  const after = await request(
    PORTS[1]!,
    "POST",
    "/api/v1/bookings",
    bookingBody(
      slots.find((_, i) => !used.has(i))!,
      `drill-${RUN}-after@example.com`,
    ),
  ).catch(() => ({ status: 0 }));
  check(after.status === 201, `a booking after all the faults, on the restarted app: ${after.status}`);

  const summary = {
    dbWindow,
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`,
    clients: CLIENTS,
    pauseMs: PAUSE_MS,
    bookings: bookings.length,
    finals,
    byStatus,
    faults,
    kills,
    attempts: attempts
      .filter((a) => a.status !== 201)
      .map((a) => ({ ...a, sentAt: Math.round(a.sentAt), at: Math.round(a.at) })),
    drainSeconds: (drained - drainStart) / 1000,
    copies: copies.length,
    lost: lost.length,
    failures,
  };
  writeFileSync(`${OUT}/drill-faults.json`, JSON.stringify(summary, null, 2));

  sampling = false;
  await sampler;
  worker.kill("SIGTERM");
  for (const app of apps) await app.stop();
  await sink.stop();
  await sql.end();
  console.log(failures.length ? `\n${failures.length} check(s) failed` : "\nall checks passed");
  return failures.length === 0;
}

let postgresStopped = false;
function pgCluster(action: "stop" | "start") {
  postgresStopped ||= action === "stop";
  execFileSync(
    "pg_ctlcluster",
    ["--skip-systemctl-redirect", ...(action === "stop" ? ["-m", "fast"] : []), ...PG_CLUSTER, action],
    { stdio: "inherit" },
  );
  postgresStopped = action === "stop";
}

// Whatever happens, leave no process of ours running and Postgres up (other people's tests use it).
const children = new Set<ChildProcess>();
function own<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
  if (postgresStopped) pgCluster("start");
});

/** The job id inside a Message-ID `<job-id@domain>` (send-email-job.ts). */
function jobIdOf(messageId: string | undefined): string {
  return (messageId ?? "").replace(/^</, "").replace(/@.*$/, "");
}

function countBy(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

const fmtCounts = (c: Record<string, number>) =>
  Object.entries(c)
    .sort()
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ") || "none";

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
