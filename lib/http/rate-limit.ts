import "server-only";
import { is, lt, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { rowsOf, type Db, type Tx } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { createBatcher } from "@/lib/batching";
import { env } from "@/lib/env";
import { RateLimited } from "@/lib/errors";
import { clientAddress } from "./client-address";

/**
 * Fixed windows (a minute unless told otherwise) counted in Postgres, so the limit holds across every app process.
 * Throws RateLimited (429 with Retry-After) once `limit` hits are used in the current window. Outside a transaction,
 * the hits that arrive together are counted together, in one statement and one commit.
 */
export async function enforceRateLimit(db: Db | Tx, key: string, limit: number, windowSeconds = 60, message?: string): Promise<void> {
  const { hits, windowStart } = is(db, PgTransaction) ? (await countHits(db, [key], windowSeconds))[0]! : await batcherFor(db as Db, windowSeconds)(key);
  if (hits > limit) {
    const windowEnd = windowStart.getTime() + windowSeconds * 1000;
    throw new RateLimited(Math.max(1, Math.ceil((windowEnd - Date.now()) / 1000)), message);
  }
}

interface Hit {
  /** This hit's number in its window: the first is 1. */
  hits: number;
  windowStart: Date;
}

/** Adds one hit for each key (a key may repeat) and gives each its own number, in order. */
async function countHits(db: Db | Tx, keys: string[], windowSeconds: number): Promise<Hit[]> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const rows = rowsOf<{ key: string; hits: number; window_start: string | Date }>(await db.execute(sql`
    insert into rate_limits (key, window_start, hits, expires_at)
    select k.key, w.start, k.n, w.start + make_interval(secs => ${windowSeconds})
    from json_to_recordset(${JSON.stringify([...counts].map(([key, n]) => ({ key, n })))}::json) as k(key text, n int),
      (select to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}) as start) w
    on conflict (key, window_start) do update set hits = rate_limits.hits + excluded.hits
    returning key, hits, window_start`));
  if (Math.random() < 0.01) await db.delete(rateLimits).where(lt(rateLimits.expiresAt, new Date()));
  // the batch's hits for a key are the last `n` of its count now
  const next = new Map(rows.map((r) => [r.key, { hit: Number(r.hits) - counts.get(r.key)! + 1, windowStart: new Date(r.window_start) }]));
  return keys.map((key) => {
    const k = next.get(key)!;
    return { hits: k.hit++, windowStart: k.windowStart };
  });
}

// One batcher per database and window length.
const batchers = new WeakMap<Db, Map<number, (key: string) => Promise<Hit>>>();
function batcherFor(db: Db, windowSeconds: number) {
  let byWindow = batchers.get(db);
  if (!byWindow) batchers.set(db, (byWindow = new Map()));
  let batcher = byWindow.get(windowSeconds);
  if (!batcher) {
    batcher = createBatcher<string, Hit>(async (keys) => (await countHits(db, keys, windowSeconds)).map((value) => ({ ok: true, value })), { maxSize: 256, maxInFlight: 1 });
    byWindow.set(windowSeconds, batcher);
  }
  return batcher;
}

/** The client's address: the socket's, or as our declared proxies report it (see clientAddress). */
export function clientKey(request: Request): string {
  return clientAddress(request.headers, env.TRUSTED_PROXY_HOPS);
}
