import "server-only";
import { lt, sql } from "drizzle-orm";
import { rowsOf, type Db, type Tx } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { env } from "@/lib/env";
import { RateLimited } from "@/lib/errors";
import { clientAddress } from "./client-address";

/**
 * Fixed windows (a minute unless told otherwise) counted in Postgres, so the limit holds across every app process.
 * Throws RateLimited (429 with Retry-After) once `limit` hits are used in the current window. One statement counts
 * the hit and reads the count, so concurrent hits each get their own number.
 */
export async function enforceRateLimit(
  db: Db | Tx,
  key: string,
  limit: number,
  windowSeconds = 60,
  message?: string,
): Promise<void> {
  const [row] = rowsOf<{ hits: number; window_start: string | Date }>(
    await db.execute(sql`
    insert into rate_limits (key, window_start, hits, expires_at)
    select ${key}, w.start, 1, w.start + make_interval(secs => ${windowSeconds})
    from (select to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}) as start) w
    on conflict (key, window_start) do update set hits = rate_limits.hits + 1
    returning hits, window_start`),
  );
  // expired windows are swept now and then, by whichever request draws it
  if (Math.random() < 0.01) await db.delete(rateLimits).where(lt(rateLimits.expiresAt, new Date()));
  if (Number(row!.hits) > limit) {
    const windowEnd = new Date(row!.window_start).getTime() + windowSeconds * 1000;
    throw new RateLimited(Math.max(1, Math.ceil((windowEnd - Date.now()) / 1000)), message);
  }
}

/** The client's address: the socket's, or as our declared proxies report it (see clientAddress). */
export function clientKey(request: Request): string {
  return clientAddress(request.headers, env.TRUSTED_PROXY_HOPS);
}
