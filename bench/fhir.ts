// The cost of the published directory (/fhir and $bulk-publish) on the benchmark clinic: a cold build (every location
// and service's free time for 14 days, through list-availability) against a poll that finds nothing changed (the
// version query, then the cached directory less the slots past their notice). Prints figures; asserts nothing.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openPostgres, rowsOf } from "@/db/client";
import { directoryVersion } from "@/lib/interop/directory-version";
import { forgetPublishedDirectory, publishedDirectory } from "@/lib/interop/published-directory";
import { BENCH_DATABASE_URL, fmt, pct } from "./common";
import { benchToday, buildLargeClinic } from "./large-clinic";

async function main() {
  const handle = openPostgres(BENCH_DATABASE_URL, 10, { appRole: "" });
  const db = handle.db;
  const [row] = rowsOf<{ n: number; fresh: boolean }>(
    await db
      .execute(sql`select count(*)::int as n, max(created_at)::date = current_date as fresh from appointments`)
      .catch(() => ({ rows: [{ n: 0, fresh: false }] }) as never),
  );
  if (!row || row.n < 150_000 || !row.fresh || process.env.BENCH_REBUILD === "1") {
    const t = performance.now();
    const { appointments } = await buildLargeClinic(db, benchToday());
    console.log(`benchmark clinic built: ${appointments} appointments (${fmt((performance.now() - t) / 1000)} s)`);
  } else console.log(`benchmark clinic reused: ${row.n} appointments`);

  const cold: number[] = [];
  let slots = 0;
  let schedules = 0;
  for (let i = 0; i < 3; i++) {
    forgetPublishedDirectory();
    const t0 = performance.now();
    const d = await publishedDirectory(db);
    cold.push(performance.now() - t0);
    slots = d.published.Slot.length;
    schedules = d.published.Schedule.length;
  }
  const version: number[] = [];
  const poll: number[] = [];
  const file: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 200; i++) {
    let t0 = performance.now();
    await directoryVersion(db);
    version.push(performance.now() - t0);
    t0 = performance.now();
    await publishedDirectory(db);
    poll.push(performance.now() - t0);
    t0 = performance.now();
    const d = await publishedDirectory(db);
    bytes = Buffer.byteLength(d.slotLines.map((l) => `${l}\n`).join(""));
    file.push(performance.now() - t0);
  }
  const med = (xs: number[]) => pct(xs, 50);
  console.log(
    `directory: ${schedules} schedules, ${slots} free slots over 14 days, Slot file ${fmt(bytes / 1024)} KiB`,
  );
  console.log(
    `cold build (rebuild, first poll after a change): median ${fmt(med(cold))} ms of ${cold.map(fmt).join(", ")}`,
  );
  console.log(`version query alone: p50 ${fmt(med(version))} ms, p95 ${fmt(pct(version, 95))} ms`);
  console.log(
    `cached poll (version + cached directory; a 304): p50 ${fmt(med(poll))} ms, p95 ${fmt(pct(poll, 95))} ms`,
  );
  console.log(
    `cached poll with the Slot file written out (a 200): p50 ${fmt(med(file))} ms, p95 ${fmt(pct(file, 95))} ms`,
  );
  console.log(`a cold build costs ${fmt(med(cold) / med(poll))} × a cached poll`);
  await handle.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
