// `npm run bench:reports`: the reports summary (GET /api/v1/staff/reports/summary's verb, in process) for one year of
// the whole group, one location and one practitioner on the benchmark clinic: p50/p95 over 30 runs (BENCH_RUNS) after 3 warm-ups.
// Builds the clinic of bench/large-clinic.ts if BENCH_DATABASE_URL has none, then adds what a report reads and the
// large clinic lacks (cancellations, the other booking sources, intakes, triages), about 230,000 appointments in all.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { DateTime } from "luxon";
import postgres from "postgres";
import { connectPostgres, openPostgres } from "@/db/client";
import { getReport } from "@/lib/reports/get-report";
import { BENCH_DATABASE_URL, fmt, pct } from "./common";
import { benchToday, buildLargeClinic } from "./large-clinic";

const ADMIN_URL = (() => {
  const u = new URL(BENCH_DATABASE_URL);
  u.pathname = "/postgres";
  return u.toString();
})();
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

async function prepare(today: DateTime): Promise<void> {
  const dbName = new URL(BENCH_DATABASE_URL).pathname.slice(1);
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const exists = (await admin`select 1 from pg_database where datname = ${dbName}`).length > 0;
  let built = false;
  if (exists && process.env.BENCH_REBUILD !== "1") {
    const db = connectPostgres(BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
    const [row] = await db`select count(*)::int as n from appointments`.catch(() => [{ n: 0 }]);
    await db.end();
    built = (row?.n ?? 0) > 150_000;
  }
  if (!built) {
    console.log("building the benchmark clinic (a few minutes)...");
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.unsafe(`create database "${dbName}"`);
    const handle = openPostgres(BENCH_DATABASE_URL, 1);
    await buildLargeClinic(handle.db, today);
    await handle.close();
  }
  await admin.end();
  const sql = connectPostgres(BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
  const [{ n }] = (await sql`select count(*)::int as n from triages`) as unknown as [{ n: number }];
  if (n === 0) {
    console.log("adding cancellations, sources, intakes and triages...");
    // One visit in twelve was cancelled and rebooked: a cancelled copy, cancelled a day or an hour before.
    await sql`insert into appointments (service_id, location_id, practitioner_id, patient_id, during, blocked, status,
        source, manage_token_hash, intake_token_hash, cancelled_at, cancelled_by)
      select service_id, location_id, practitioner_id, patient_id, during, blocked, 'cancelled', 'online',
        'c-' || manage_token_hash, 'c-' || intake_token_hash,
        lower(during) - case when hashtext(id::text) % 3 = 0 then interval '1 hour' else interval '2 days' end, 'patient'
      from appointments where hashtext(id::text) % 12 = 0`;
    await sql`update appointments set source = (case abs(hashtext(id::text)) % 10 when 0 then 'phone' when 1 then 'staff'
        when 2 then 'waitlist' when 3 then 'referral' when 4 then 'import' else 'online' end)::booking_source
      where status <> 'cancelled'`;
    await sql`insert into intake_responses (appointment_id, patient_id, version, status, questionnaire_version, answers, submitted_at)
      select id, patient_id, 1, 'completed', 'bench', '{}'::jsonb,
        starts_at - case when abs(hashtext(id::text)) % 5 = 0 then interval '-1 hour' else interval '1 day' end
      from appointments where abs(hashtext(id::text)) % 10 < 6 and status <> 'cancelled'`;
    await sql`insert into triages (answers, rules_version, route, result, created_at)
      select '{}'::jsonb, 'bench', (array['sports-physio','exercise-physiology','online-rehab','urgent-care','emergency'])[1 + g % 5],
        '{}'::jsonb, now() - (g % 365) * interval '1 day' - (g % 24) * interval '1 hour'
      from generate_series(1, 20000) g`;
    // the source update above rewrote most rows: compact the table as a year of ordinary use would leave it
    await sql.unsafe("vacuum (full, analyze) appointments");
    await sql.unsafe("vacuum (analyze) intake_responses, triages");
  }
  await sql.end();
}

async function measure(label: string, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} p50 ${fmt(pct(times, 50)).padStart(7)} ms   p95 ${fmt(pct(times, 95)).padStart(7)} ms`,
  );
}

async function main() {
  const today = benchToday();
  await prepare(today);
  const handle = openPostgres(BENCH_DATABASE_URL, 4);
  const sql = connectPostgres(BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
  const to = today.toISODate()!;
  const from = today.minus({ days: 365 }).toISODate()!;
  const [{ n, inRange }] = (await sql`select count(*)::int as n,
      (count(*) filter (where starts_at >= ${from}::date and starts_at < ${to}::date + 1))::int as "inRange" from appointments`) as unknown as [
    { n: number; inRange: number },
  ];
  const [loc] = await sql`select slug from locations where slug = 'chatswood'`;
  const [who] = await sql`select slug from practitioners order by slug limit 1`;
  await sql.end();
  console.log(`appointments: ${n} in all, ${inRange} in the year ${from} to ${to}`);
  const actor = { kind: "staff", userId: randomUUID(), role: "admin", practitionerId: null, name: "Bench" } as const;
  const report = await getReport(handle.db, actor, { from, to });
  console.log(
    `whole group: ${report.appointments.total} appointments, utilisation ${report.utilisation.ratio}, ${report.practitioners.length} practitioners`,
  );
  await measure("summary, one year, whole group", () => getReport(handle.db, actor, { from, to }));
  await measure(`summary, one year, location ${loc!.slug}`, () =>
    getReport(handle.db, actor, { from, to, location: loc!.slug }),
  );
  await measure(`summary, one year, practitioner ${who!.slug}`, () =>
    getReport(handle.db, actor, { from, to, practitioner: who!.slug }),
  );
  const week = { from: today.minus({ days: 7 }).toISODate()!, to };
  await measure("summary, one week, whole group", () => getReport(handle.db, actor, week));
  await handle.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
