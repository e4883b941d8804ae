// `npm run bench:api`: availability latency, booking throughput against raw SQL, and double bookings found afterwards.
// Needs Postgres (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/clinic_bench) and a production build.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { benchToday, buildLargeClinic } from "./large-clinic";

const ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const URL_ = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/clinic_bench";
const PORT = 3600;
const BASE = `http://127.0.0.1:${PORT}`;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (n: number) => n.toFixed(1);

async function main() {
  const today = benchToday();
  let t = performance.now();
  const appointments = await prepareDatabase(today);
  console.log(`benchmark clinic ready: ${appointments} appointments (${fmt((performance.now() - t) / 1000)} s)`);

  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { env: { ...process.env, DATABASE_URL: URL_, RATE_LIMIT_PER_MINUTE: "10000000" }, stdio: ["ignore", "ignore", "inherit"] });
  try {
    for (let i = 0; i < 240 && !(await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 500));
    const results: Record<string, unknown> = { appointments, machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}` };

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
      console.log(`availability, ${days} days (${slots} slots): p50 ${fmt(pct(times, 50))} ms, p95 ${fmt(pct(times, 95))} ms`);
    }

    // Distinct free slots in weeks 5-8 (kept empty by the builder), the same rows for raw SQL and the API.
    const targets: { practitioner: string; location: string; start: string }[] = [];
    for (const location of ["martin-place", "barangaroo", "north-sydney", "chatswood", "mosman"]) {
      const from = today.plus({ days: 30 }).toISODate()!;
      const body = (await (await fetch(`${BASE}/api/v1/availability?location=${location}&service=physio-follow-up&from=${from}&to=${today.plus({ days: 50 }).toISODate()}`)).json()) as { slots: { start: string; end: string; practitioner: string }[] };
      const lastEnd = new Map<string, number>();
      for (const s of body.slots) {
        if ((lastEnd.get(s.practitioner) ?? 0) > Date.parse(s.start)) continue;
        lastEnd.set(s.practitioner, Date.parse(s.end));
        targets.push({ practitioner: s.practitioner, location, start: s.start });
      }
    }
    const rows = targets.slice(0, 4000);
    const sqlClient = postgres(URL_, { max: 32, onnotice: () => {} });
    const ids = await sqlClient`select (select id from services where slug = 'physio-follow-up') as service, (select id from patients limit 1) as patient`;
    const { service, patient } = ids[0] as { service: string; patient: string };
    const pids = new Map((await sqlClient`select p.slug, p.id, pl.location_id from practitioners p join practitioner_locations pl on pl.practitioner_id = p.id`).map((r) => [r.slug as string, r]));
    const rawIds: string[] = [];
    t = performance.now();
    await runConcurrently(rows, 32, async (r, i) => {
      const p = pids.get(r.practitioner)!;
      const end = new Date(Date.parse(r.start) + 30 * 60_000).toISOString();
      const range = `[${new Date(r.start).toISOString()},${end})`;
      const [row] = await sqlClient`insert into appointments (service_id, location_id, practitioner_id, patient_id, during, blocked, manage_token_hash, intake_token_hash)
        values (${service}, ${p.location_id}, ${p.id}, ${patient}, ${range}::tstzrange, ${range}::tstzrange, ${`raw-m-${i}`}, ${`raw-i-${i}`}) returning id`;
      rawIds.push(row!.id as string);
    });
    const rawSeconds = (performance.now() - t) / 1000;
    await sqlClient`delete from appointments where id = any(${rawIds})`;

    let created = 0;
    let refused = 0;
    t = performance.now();
    await runConcurrently(rows, 32, async (r, i) => {
      const res = await fetch(`${BASE}/api/v1/bookings`, {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ service: "physio-follow-up", location: r.location, practitioner: r.practitioner, start: r.start, patient: { firstName: "Bench", lastName: "Client", email: `api${i}@example.com`, phone: "0412345678", dateOfBirth: "1990-01-01" } }),
      });
      if (res.status === 201) created++;
      else refused++;
      await res.arrayBuffer();
    });
    const apiSeconds = (performance.now() - t) / 1000;

    // The ceiling any route of this app can reach here: the same 32 clients on GET /api/health (one tiny query).
    let healthOk = 0;
    t = performance.now();
    await runConcurrently(rows, 32, async () => {
      const res = await fetch(`${BASE}/api/health`);
      if (res.ok) healthOk++;
      await res.arrayBuffer();
    });
    const httpFloorRate = healthOk / ((performance.now() - t) / 1000);
    const rawRate = rows.length / rawSeconds;
    const apiRate = created / apiSeconds;
    const [{ overlaps }] = (await sqlClient`select count(*)::int as overlaps from appointments a join appointments b
      on a.practitioner_id = b.practitioner_id and a.id < b.id and a.blocked && b.blocked and a.block_key <> b.block_key
      where a.status <> 'cancelled' and b.status <> 'cancelled'`) as unknown as [{ overlaps: number }];
    await sqlClient.end();
    Object.assign(results, { rows: rows.length, rawRate, apiRate, ratio: apiRate / rawRate, created, refused, overlaps, httpFloorRate });
    console.log(`booking throughput, 32 clients, ${rows.length} distinct slots: API ${fmt(apiRate)}/s (${created} created, ${refused} refused), raw SQL ${fmt(rawRate)}/s, ratio ${(100 * apiRate / rawRate).toFixed(0)}%`);
    console.log(`the same 32 clients on GET /api/health: ${fmt(httpFloorRate)}/s (${(100 * httpFloorRate / rawRate).toFixed(0)}% of raw): the most any API route reaches here`);
    console.log(`double bookings found afterwards: ${overlaps}`);
    mkdirSync("bench/.out", { recursive: true });
    writeFileSync("bench/.out/api.json", JSON.stringify(results, null, 2));
  } finally {
    server.kill("SIGTERM");
  }
}

/** Builds the clinic, or reuses one built today (BENCH_REBUILD=1 forces a fresh one). */
async function prepareDatabase(today: ReturnType<typeof benchToday>): Promise<number> {
  const dbName = new URL(URL_).pathname.slice(1);
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const exists = (await admin`select 1 from pg_database where datname = ${dbName}`).length > 0;
  if (exists && process.env.BENCH_REBUILD !== "1") {
    const db = postgres(URL_, { max: 1, onnotice: () => {} });
    const [row] = await db`select count(*)::int as n, max(created_at)::date = current_date as fresh from appointments`.catch(() => [{ n: 0, fresh: false }]);
    await db.end();
    if (row && row.n > 150_000 && row.fresh) {
      await admin.end();
      return row.n as number;
    }
  }
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.unsafe(`create database "${dbName}"`);
  await admin.end();
  const handle = openPostgres(URL_, 1);
  const { appointments } = await buildLargeClinic(handle.db, today);
  await handle.close();
  return appointments;
}

async function runConcurrently<T>(items: T[], workers: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  }));
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
