// `npm run bench:api`: availability latency; booking throughput through the API next to raw SQL inserts of the same
// rows (and of every row a booking writes), with the CPU each part of the machine spends per booking; the same
// booking verb in process, without HTTP; and double bookings found afterwards. docs/benchmarks.md explains the phases.
// Needs Postgres (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/clinic_bench) and a production build.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { connectPostgres, openPostgres } from "@/db/client";
import { EMAIL_QUEUE } from "@/lib/notifications/jobs";
import { sendBookingEmailsThrough } from "@/lib/notifications/enqueue";
import { openNotificationQueue } from "@/lib/notifications/queue";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { BENCH_DATABASE_URL, fmt, pct, startApp } from "./common";
import { benchToday, buildLargeClinic } from "./large-clinic";

const ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_PORT ?? 3600);
const BASE = `http://127.0.0.1:${PORT}`;

async function main() {
  const today = benchToday();
  let t = performance.now();
  const appointments = await prepareDatabase(today);
  console.log(`benchmark clinic ready: ${appointments} appointments (${fmt((performance.now() - t) / 1000)} s)`);

  const app = await startApp(PORT, { DATABASE_URL: BENCH_DATABASE_URL, RATE_LIMIT_PER_MINUTE: "10000000" });
  const serverPid = app.process.pid!;
  try {
    const results: Record<string, unknown> = {
      appointments,
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    };

    for (const days of [14, 31]) {
      const from = today.plus({ days: 1 }).toISODate()!;
      const to = today.plus({ days }).toISODate()!;
      const url = `${BASE}/api/v1/availability?location=chatswood&service=physio-initial&from=${from}&to=${to}`;
      for (let i = 0; i < 10; i++) await fetch(url).then((r) => r.arrayBuffer());
      const times: number[] = [];
      let slots = 0;
      for (let i = 0; i < 200; i++) {
        const t0 = performance.now();
        const body = (await (await fetch(url)).json()) as { slots: unknown[] };
        times.push(performance.now() - t0);
        slots = body.slots.length;
      }
      results[`availability${days}`] = { p50: pct(times, 50), p95: pct(times, 95), slots };
      console.log(
        `availability, ${days} days (${slots} slots): p50 ${fmt(pct(times, 50))} ms, p95 ${fmt(pct(times, 95))} ms`,
      );
    }

    // Distinct free slots in weeks 5-8 (kept empty by the builder), the same rows for raw SQL and the API.
    const targets: { practitioner: string; location: string; start: string }[] = [];
    for (const location of ["martin-place", "barangaroo", "north-sydney", "chatswood", "mosman"]) {
      const from = today.plus({ days: 30 }).toISODate()!;
      const body = (await (
        await fetch(
          `${BASE}/api/v1/availability?location=${location}&service=physio-follow-up&from=${from}&to=${today.plus({ days: 50 }).toISODate()}`,
        )
      ).json()) as { slots: { start: string; end: string; practitioner: string }[] };
      const lastEnd = new Map<string, number>();
      for (const s of body.slots) {
        if ((lastEnd.get(s.practitioner) ?? 0) > Date.parse(s.start)) continue;
        lastEnd.set(s.practitioner, Date.parse(s.end));
        targets.push({ practitioner: s.practitioner, location, start: s.start });
      }
    }
    const rows = targets.slice(0, 4000);
    const inProcessRows = targets.slice(rows.length, rows.length + 2000);
    // A server that has been up a while has its booking path compiled by the JIT and its statements prepared on each
    // pooled connection; this one has only answered availability. Warm it with 1,000 bookings on the slots the
    // in-process phase uses later, then remove them again.
    await runConcurrently(inProcessRows.slice(0, 1000), 32, async (r, i) => {
      await request("POST", "/api/v1/bookings", bookingBody(r, `warm${i}`));
    });
    const sqlClient = connectPostgres(BENCH_DATABASE_URL, { max: 32, onnotice: () => {} });
    const ids =
      await sqlClient`select (select id from services where slug = 'physio-follow-up') as service, (select id from patients limit 1) as patient`;
    const { service, patient } = ids[0] as { service: string; patient: string };
    const pids = new Map(
      (
        await sqlClient`select p.slug, p.id, pl.location_id from practitioners p join practitioner_locations pl on pl.practitioner_id = p.id`
      ).map((r) => [r.slug as string, r]),
    );
    const appointmentRow = (r: (typeof rows)[number], i: number, tag: string) => {
      const p = pids.get(r.practitioner)!;
      const range = `[${new Date(r.start).toISOString()},${new Date(Date.parse(r.start) + 30 * 60_000).toISOString()})`;
      return {
        service,
        location: p.location_id as string,
        practitioner: p.id as string,
        range,
        manage: `${tag}-m-${i}`,
        intake: `${tag}-i-${i}`,
      };
    };

    // Raw SQL 1: the appointment rows alone, one autocommit insert each (the comparison the goal is set against).
    const rawIds: string[] = [];
    t = performance.now();
    await runConcurrently(rows, 32, async (r, i) => {
      const a = appointmentRow(r, i, "raw");
      const [row] =
        await sqlClient`insert into appointments (service_id, location_id, practitioner_id, patient_id, during, blocked, manage_token_hash, intake_token_hash)
        values (${a.service}, ${a.location}, ${a.practitioner}, ${patient}, ${a.range}::tstzrange, ${a.range}::tstzrange, ${a.manage}, ${a.intake}) returning id`;
      rawIds.push(row!.id as string);
    });
    const rawSeconds = (performance.now() - t) / 1000;
    await sqlClient`delete from appointments where id = any(${rawIds})`;

    // Raw SQL 2: every row a booking writes (a new patient, the appointment, its audit row, its three email jobs),
    // in one autocommit statement per booking: the database's share of a booking, with no application at all.
    const fullIds: string[] = [];
    t = performance.now();
    await runConcurrently(rows, 32, async (r, i) => {
      const a = appointmentRow(r, i, "full");
      const start = new Date(r.start);
      const job = (kind: string) => JSON.stringify({ kind, sealed: "x".repeat(220) });
      const [row] = await sqlClient`with p as (
          insert into patients (first_name, last_name, email, phone, date_of_birth) values ('Raw', 'Client', ${`full${i}@example.com`}, '0412345678', '1990-01-01') returning id),
        a as (insert into appointments (service_id, location_id, practitioner_id, patient_id, during, blocked, manage_token_hash, intake_token_hash)
          select ${a.service}, ${a.location}, ${a.practitioner}, p.id, ${a.range}::tstzrange, ${a.range}::tstzrange, ${a.manage}, ${a.intake} from p returning id, patient_id),
        l as (insert into audit_log (actor_kind, action, entity_type, entity_id, patient_id, detail)
          select 'anonymous', 'appointment.book', 'appointment', a.id::text, a.patient_id, '{"source":"online"}'::jsonb from a),
        j as (insert into pgboss.job (name, data, start_after, singleton_key)
          select ${EMAIL_QUEUE}, d.data::jsonb, d.at::timestamptz, a.id::text from a,
            (values (${job("confirmation")}, now()), (${job("reminder")}, ${new Date(start.getTime() - 24 * 3600_000).toISOString()}::timestamptz),
                    (${job("intake-reminder")}, ${new Date(start.getTime() - 48 * 3600_000).toISOString()}::timestamptz)) d(data, at))
        select id from a`;
      fullIds.push(row!.id as string);
    });
    const fullSeconds = (performance.now() - t) / 1000;
    await sqlClient`delete from pgboss.job where name = ${EMAIL_QUEUE} and singleton_key = any(${fullIds})`;
    await sqlClient`delete from appointments where id = any(${fullIds})`;
    await sqlClient`delete from patients where email like 'full%@example.com'`;
    await sqlClient`delete from pgboss.job where name = ${EMAIL_QUEUE}`;
    await sqlClient`delete from appointments where patient_id in (select id from patients where email like 'warm%@example.com')`;
    await sqlClient`delete from patients where email like 'warm%@example.com'`;
    // The API books the same slots next: clear the dead rows left at exactly those times, as autovacuum would.
    await sqlClient.unsafe("vacuum (analyze) appointments, patients, pgboss.job");

    let created = 0;
    let refused = 0;
    const cpuBefore = cpuSnapshot(serverPid);
    t = performance.now();
    const bookingTimes: number[] = [];
    await runConcurrently(rows, 32, async (r, i) => {
      const t0 = performance.now();
      const status = await request("POST", "/api/v1/bookings", bookingBody(r, `api${i}`));
      bookingTimes.push(performance.now() - t0);
      if (status === 201) created++;
      else refused++;
    });
    const apiSeconds = (performance.now() - t) / 1000;
    const cpu = cpuPerItem(cpuBefore, cpuSnapshot(serverPid), rows.length);

    // The ceiling any route of this app can reach here: the same 32 clients on GET /api/health (one tiny query).
    let healthOk = 0;
    t = performance.now();
    await runConcurrently(rows, 32, async () => {
      if ((await request("GET", "/api/health")) === 200) healthOk++;
    });
    const httpFloorRate = healthOk / ((performance.now() - t) / 1000);

    // The same booking verb called in this process on other free slots: no HTTP, no Next.js, no rate limit.
    const handle = openPostgres(BENCH_DATABASE_URL);
    const queue = await openNotificationQueue(
      { db: handle.db, kind: "postgres", url: BENCH_DATABASE_URL },
      { supervise: false },
    );
    sendBookingEmailsThrough(queue);
    let inProcessCreated = 0;
    const inProcessBefore = cpuSnapshot(serverPid);
    t = performance.now();
    await runConcurrently(inProcessRows, 32, async (r, i) => {
      const res = await bookAppointment(handle.db, { kind: "anonymous" }, bookingBody(r, `inproc${i}`)).catch(
        () => null,
      );
      if (res) inProcessCreated++;
    });
    const inProcessRate = inProcessCreated / ((performance.now() - t) / 1000);
    // here the verb runs in this process: its CPU is the "clients" share
    const inProcess = cpuPerItem(inProcessBefore, cpuSnapshot(serverPid), inProcessRows.length);
    sendBookingEmailsThrough(undefined);
    await queue.close();
    await handle.close();
    const rawRate = rows.length / rawSeconds;
    const fullRate = rows.length / fullSeconds;
    const apiRate = created / apiSeconds;
    const [{ overlaps }] = (await sqlClient`select count(*)::int as overlaps from appointments a join appointments b
      on a.practitioner_id = b.practitioner_id and a.id < b.id and a.blocked && b.blocked and a.block_key <> b.block_key
      where a.status <> 'cancelled' and b.status <> 'cancelled'`) as unknown as [{ overlaps: number }];
    await sqlClient.end();
    Object.assign(results, {
      rows: rows.length,
      rawRate,
      fullRate,
      apiRate,
      ratio: apiRate / rawRate,
      bookingLatency: { p50: pct(bookingTimes, 50), p95: pct(bookingTimes, 95) },
      fullRatio: apiRate / fullRate,
      cpuMsPerBooking: cpu,
      created,
      refused,
      overlaps,
      httpFloorRate,
      inProcessRate,
      inProcessCpuMs: { app: inProcess.clients, postgres: inProcess.postgres, machine: inProcess.machine },
    });
    console.log(
      `booking throughput, 32 clients, ${rows.length} distinct slots: API ${fmt(apiRate)}/s (${created} created, ${refused} refused), raw SQL ${fmt(rawRate)}/s, ratio ${((100 * apiRate) / rawRate).toFixed(0)}%`,
    );
    console.log(
      `each booking's answer through the API, 32 clients: p50 ${fmt(pct(bookingTimes, 50))} ms, p95 ${fmt(pct(bookingTimes, 95))} ms`,
    );
    console.log(
      `raw SQL writing every row a booking writes (patient, appointment, audit row, 3 email jobs; one statement each): ${fmt(fullRate)}/s; the API is ${((100 * apiRate) / fullRate).toFixed(0)}% of that`,
    );
    console.log(
      `CPU per booking through the API: app ${cpu.app.toFixed(2)} ms, Postgres ${cpu.postgres.toFixed(2)} ms, benchmark clients ${cpu.clients.toFixed(2)} ms, whole machine ${cpu.machine.toFixed(2)} ms (${os.cpus().length} cores)`,
    );
    console.log(
      `the same booking verb in this process, no HTTP (${inProcessCreated} of ${inProcessRows.length} other slots): ${fmt(inProcessRate)}/s; CPU per booking: the verb ${inProcess.clients.toFixed(2)} ms, Postgres ${inProcess.postgres.toFixed(2)} ms, whole machine ${inProcess.machine.toFixed(2)} ms`,
    );
    console.log(
      `the same 32 clients on GET /api/health: ${fmt(httpFloorRate)}/s (${((100 * httpFloorRate) / rawRate).toFixed(0)}% of raw): the most any API route reaches here`,
    );
    console.log(`double bookings found afterwards: ${overlaps}`);
    mkdirSync("bench/.out", { recursive: true });
    writeFileSync("bench/.out/api.json", JSON.stringify(results, null, 2));
  } finally {
    await app.stop();
  }
}

/** Builds the clinic, or reuses one built today (BENCH_REBUILD=1 forces a fresh one). */
async function prepareDatabase(today: ReturnType<typeof benchToday>): Promise<number> {
  const dbName = new URL(BENCH_DATABASE_URL).pathname.slice(1);
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const exists = (await admin`select 1 from pg_database where datname = ${dbName}`).length > 0;
  if (exists && process.env.BENCH_REBUILD !== "1") {
    const db = connectPostgres(BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
    const [row] =
      await db`select count(*)::int as n, max(created_at)::date = current_date as fresh from appointments`.catch(() => [
        { n: 0, fresh: false },
      ]);
    await db.end();
    if (row && row.n > 150_000 && row.fresh) {
      // An earlier run's bookings free their slots again (their audit rows stay: the log is append-only).
      const reuse = connectPostgres(BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
      await reuse`delete from appointments where patient_id in (select id from patients where email like 'api%@example.com' or email like 'inproc%@example.com' or email like 'warm%@example.com')`;
      await reuse`delete from patients where email like 'api%@example.com' or email like 'inproc%@example.com' or email like 'warm%@example.com'`;
      await reuse`delete from pgboss.job where name = ${EMAIL_QUEUE}`;
      await reuse.unsafe("vacuum (analyze) appointments, patients, pgboss.job");
      const [{ n }] = (await reuse`select count(*)::int as n from appointments`) as unknown as [{ n: number }];
      await reuse.end();
      await admin.end();
      return n;
    }
  }
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.unsafe(`create database "${dbName}"`);
  await admin.end();
  const handle = openPostgres(BENCH_DATABASE_URL, 1);
  const { appointments } = await buildLargeClinic(handle.db, today);
  await handle.close();
  return appointments;
}

function bookingBody(r: { practitioner: string; location: string; start: string }, tag: string) {
  return {
    service: "physio-follow-up",
    location: r.location,
    practitioner: r.practitioner,
    start: r.start,
    patient: {
      firstName: "Bench",
      lastName: "Client",
      email: `${tag}@example.com`,
      phone: "0412345678",
      dateOfBirth: "1990-01-01",
    },
  };
}

interface CpuSnapshot {
  app: number;
  postgres: Map<number, number>;
  clients: number;
  machine: number;
}

/** CPU time so far, in ms: the app server process, each Postgres process, this process, and the whole machine (Linux /proc). */
function cpuSnapshot(appPid: number): CpuSnapshot {
  const tick = 10; // USER_HZ = 100 on Linux
  const ticksOf = (stat: string) => {
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * tick;
  };
  const postgresCpu = new Map<number, number>();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (stat.includes("(postgres)")) postgresCpu.set(Number(pid), ticksOf(stat));
    } catch {
      /* gone */
    }
  }
  const own = process.cpuUsage();
  const machine = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  return {
    app: ticksOf(readFileSync(`/proc/${appPid}/stat`, "utf8")),
    postgres: postgresCpu,
    clients: (own.user + own.system) / 1000,
    machine: (machine[0]! + machine[1]! + machine[2]! + machine[5]! + machine[6]!) * tick,
  };
}

function cpuPerItem(a: CpuSnapshot, b: CpuSnapshot, items: number) {
  let postgresMs = 0;
  for (const [pid, ms] of b.postgres) postgresMs += ms - (a.postgres.get(pid) ?? 0);
  return {
    app: (b.app - a.app) / items,
    postgres: postgresMs / items,
    clients: (b.clients - a.clients) / items,
    machine: (b.machine - a.machine) / items,
  };
}

// The throughput runs use node:http with kept-alive sockets: lighter on the shared cores than fetch, as postgres.js is for raw SQL.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One request to the app; resolves with the status once the whole answer has arrived. */
function request(method: "GET" | "POST", path: string, body?: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path,
        method,
        agent,
        headers: data ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(data) } : {},
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

async function runConcurrently<T>(items: T[], workers: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
