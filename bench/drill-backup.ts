// `npm run drill:backup`: backs up a seeded Postgres database with bookings in it (while its app runs), restores it
// into a fresh database with `npm run restore`, checks that a second restore there is refused without --force and
// works with it, compares every table's row count, then starts the app on the restored database and books through
// the API. Then the same round trip for the embedded database (a DATA_DIR copy), counting rows. Exits 1 on a failure.
import { spawnSync } from "node:child_process";
import { mkdirSync, openSync, rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { startApp } from "./common";
import {
  bookingBody,
  createDemoDatabase,
  createEmptyDatabase,
  DRILL_AUTH_SECRET,
  ensureBuild,
  findSlots,
  NEXT_DIST_DIR,
  request,
  runScript,
  seconds,
} from "./drill-common";

const OUT = "bench/.out";
const TMP = "bench/.tmp/drill-backup";
const failures: string[] = [];
const check = (ok: boolean, line: string) => {
  console.log(`${ok ? "PASS" : "FAIL"}  ${line}`);
  if (!ok) failures.push(line);
};
const t0 = performance.now();
const log = (line: string) => console.log(`[${seconds(performance.now() - t0).padStart(6)} s] ${line}`);

async function rowCounts(url: string): Promise<Record<string, number>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const tables =
    await sql`select schemaname, tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`;
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await sql.unsafe(`select count(*)::int as n from "${t.schemaname}"."${t.tablename}"`);
    counts[`${t.schemaname}.${t.tablename}`] = row!.n as number;
  }
  await sql.end();
  return counts;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => a[k] !== b[k])
    .map((k) => `${k}: ${a[k]} vs ${b[k]}`);
}

async function postgresRoundTrip() {
  ensureBuild();
  log("source database clinic_rel_backup_src: migrate and seed");
  const src = await createDemoDatabase("clinic_rel_backup_src");
  const appEnv = {
    AUTH_SECRET: DRILL_AUTH_SECRET,
    NEXT_DIST_DIR,
    RATE_LIMIT_PER_MINUTE: "100000",
    NOTIFICATIONS_WORKER: "off",
  };
  const stderr = openSync(`${OUT}/drill-backup-app.log`, "a");
  const app = await startApp(3721, { ...appEnv, DATABASE_URL: src }, { stderr });
  const slots = await findSlots(app.base, 41);
  let booked = 0;
  for (const [i, slot] of slots.slice(0, 40).entries()) {
    const a = await request(3721, "POST", "/api/v1/bookings", bookingBody(slot, `backup-drill-${i}@example.com`), {
      "Idempotency-Key": `backup-drill-${i}`,
    });
    if (a.status === 201) booked++;
  }
  check(booked === 40, `40 bookings made on the source database: ${booked} answered 201`);

  const dump = `${TMP}/clinic.dump`;
  let t = performance.now();
  runScript("db/backup.ts", { DATABASE_URL: src }, ["--out", dump]);
  const backupSeconds = (performance.now() - t) / 1000;
  await app.stop();
  const before = await rowCounts(src);
  log(`backup taken with the app running in ${backupSeconds.toFixed(1)} s`);

  const dst = await createEmptyDatabase("clinic_rel_backup_dst");
  t = performance.now();
  runScript("db/restore.ts", {}, ["--from", dump, "--to", dst]);
  const restoreSeconds = (performance.now() - t) / 1000;
  log(`restored into the empty clinic_rel_backup_dst in ${restoreSeconds.toFixed(1)} s`);
  const again = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "db/restore.ts", "--from", dump, "--to", dst],
    { encoding: "utf8" },
  );
  check(
    again.status !== 0 && /already has \d+ tables/.test(again.stderr),
    `a restore into a database that is not empty is refused without --force (exit ${again.status})`,
  );
  runScript("db/restore.ts", {}, ["--from", dump, "--to", dst, "--force"]);
  const after = await rowCounts(dst);
  const diff = sameCounts(before, after);
  const appointments = after["public.appointments"] ?? 0;
  check(
    diff.length === 0,
    `row counts match in all ${Object.keys(before).length} tables after a restore with --force over the first (${appointments} appointments, ${after["public.patients"]} patients, ${after["pgboss.job"]} email jobs)${diff.length ? `: ${diff.join("; ")}` : ""}`,
  );

  const restored = await startApp(3722, { ...appEnv, DATABASE_URL: dst }, { stderr });
  try {
    const answer = await request(
      3722,
      "POST",
      "/api/v1/bookings",
      bookingBody(slots[40]!, "backup-drill-after@example.com"),
    );
    check(answer.status === 201, `the app on the restored database books through the API: ${answer.status}`);
    // a booking made before the backup still answers to its own link's token: secrets and hashes came through
    const taken = await request(
      3722,
      "POST",
      "/api/v1/bookings",
      bookingBody(slots[0]!, "backup-drill-again@example.com"),
    );
    check(
      taken.status === 409,
      `a time booked before the backup is still taken on the restored database: ${taken.status}`,
    );
    // the reports' figures came through, and their triggers with them: the new booking was counted
    const sql = postgres(dst, { max: 1, onnotice: () => {} });
    const [drift] = await sql`select count(*)::int as n from report_days_drift()`;
    await sql.end();
    check(
      drift!.n === 0,
      `the reports' kept figures equal the figures worked out from scratch after the restore and a booking: ${drift!.n} rows differ`,
    );
  } finally {
    await restored.stop();
  }
  return { backupSeconds, restoreSeconds, appointments, tables: Object.keys(before).length };
}

async function embeddedRoundTrip() {
  rmSync(`${TMP}/embedded`, { recursive: true, force: true });
  const a = `${TMP}/embedded/data-a`;
  const b = `${TMP}/embedded/data-b`;
  const copy = `${TMP}/embedded/backup`;
  log("embedded database: migrate and seed in a DATA_DIR");
  runScript("db/seed/run.ts", { DATA_DIR: a, DATABASE_URL: "" });
  runScript("db/backup.ts", { DATA_DIR: a, DATABASE_URL: "" }, ["--out", copy]);
  runScript("db/restore.ts", { DATA_DIR: b, DATABASE_URL: "" }, ["--from", copy]);
  const refused = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "db/restore.ts", "--from", copy],
    { encoding: "utf8", env: { ...process.env, DATA_DIR: b, DATABASE_URL: "" } },
  );
  check(
    refused.status !== 0,
    `restoring over a DATA_DIR that is not empty is refused without --force (exit ${refused.status})`,
  );
  const count = (dir: string) => runScript("bench/drill-pglite-counts.ts", { DATA_DIR: dir, DATABASE_URL: "" });
  const [ca, cb] = [count(a), count(b)];
  check(
    ca === cb && ca.includes("appointments"),
    `the restored DATA_DIR holds the same rows: ${cb
      .trim()
      .split("\n")
      .filter((l) => /appointments|patients|staff/.test(l))
      .join(", ")}`,
  );
}

async function main() {
  mkdirSync(TMP, { recursive: true });
  const figures = await postgresRoundTrip();
  await embeddedRoundTrip();
  console.log(
    `\nPostgres: ${figures.tables} tables, ${figures.appointments} appointments; backup ${figures.backupSeconds.toFixed(1)} s, restore ${figures.restoreSeconds.toFixed(1)} s`,
  );
  console.log(failures.length ? `${failures.length} check(s) failed` : "all checks passed");
  return failures.length === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
