import "server-only";
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { FEED_DAYS } from "./build-directory";

/**
 * The small tables whose every row can change what is published: each is read whole and hashed (a few thousand rows
 * at most). A table another change adds that affects availability (say, wait-list holds) belongs in this list.
 */
const CATALOG_TABLES = [
  "locations",
  "location_disciplines",
  "services",
  "service_locations",
  "practitioners",
  "practitioner_locations",
  "roster_entries",
  "roster_breaks",
  "leave",
  "closures",
  "location_open_days",
  "clinic_settings",
] as const;

/**
 * A cheap answer to "has anything that the directory shows changed?": a hash of the catalog tables, the count and
 * latest change of the appointments and classes in the published window (a booking, a move or a cancellation
 * changes one of them), each location's local date (a new day is published at midnight), and, when a service's
 * horizon ends inside the window, the minute (its last day moves with the clock).
 * The appointments are read per location through (location, start)'s index: "offset 0" keeps the planner from
 * scanning the whole table instead (on the benchmark clinic, 500 pages read instead of 10,000).
 */
export async function directoryVersion(db: Db, now = new Date()): Promise<string> {
  const from = new Date(now.getTime() - 2 * 86_400_000).toISOString();
  const to = new Date(now.getTime() + (FEED_DAYS + 2) * 86_400_000).toISOString();
  const at = now.toISOString();
  const minute = Math.floor(now.getTime() / 60_000);
  const catalog = CATALOG_TABLES.map(
    (t) => sql`(select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from ${sql.identifier(t)} t)`,
  );
  const [row] = rowsOf<{ version: string }>(
    await db.execute(sql`select md5(concat_ws('|',
      ${sql.join(catalog, sql`, `)},
      (select concat(count(*), ',', max(a.updated_at), ',', max(a.created_at)) from locations l
        cross join lateral (select updated_at, created_at from appointments a where a.location_id = l.id
          and a.starts_at >= ${from}::timestamptz and a.starts_at < ${to}::timestamptz offset 0) a),
      (select md5(coalesce(string_agg(k::text, ',' order by k.id), '')) from classes k
        where k.starts_at >= ${from}::timestamptz and k.starts_at < ${to}::timestamptz),
      (select string_agg(distinct (${at}::timestamptz at time zone timezone)::date::text, ',') from locations),
      (select concat(count(*), ',', max(created_at)) from waitlist_offers where status = 'open'),
      (select case when min(horizon_days) <= ${FEED_DAYS} then ${String(minute)} end from services where active)
    )) as version`),
  );
  return row!.version;
}
