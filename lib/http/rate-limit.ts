import "server-only";
import { lt, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { env } from "@/lib/env";
import { RateLimited } from "@/lib/errors";
import { clientAddress } from "./client-address";

/**
 * Fixed one-minute windows counted in Postgres, so the limit holds across every app process.
 * Throws RateLimited (429 with Retry-After) once `limit` hits are used in the current window.
 */
export async function enforceRateLimit(db: Db, key: string, limit: number, windowSeconds = 60): Promise<void> {
  const rows = await db.execute(sql`
    insert into rate_limits (key, window_start, hits)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (key, window_start) do update set hits = rate_limits.hits + 1
    returning hits, window_start`);
  const [row] = rowsOf<{ hits: number; window_start: string | Date }>(rows);
  if (Math.random() < 0.01) await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(Date.now() - 3_600_000)));
  if (row && Number(row.hits) > limit) {
    const windowEnd = new Date(row.window_start).getTime() + windowSeconds * 1000;
    throw new RateLimited(Math.max(1, Math.ceil((windowEnd - Date.now()) / 1000)));
  }
}

/** The client's address as our own proxies report it (see clientAddress); "local" when there is none. */
export function clientKey(request: Request): string {
  return clientAddress(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
}
