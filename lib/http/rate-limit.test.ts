import { afterEach, beforeEach, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { RateLimited } from "@/lib/errors";
import { createTestDb } from "@/lib/testing/test-db";
import { enforceRateLimit } from "./rate-limit";

let handle: DbHandle;
beforeEach(async () => {
  handle = await createTestDb();
});
afterEach(async () => handle.close());

// Hour-long windows here: a test that straddled the end of a one-minute window would see the count start again.
const HOUR = 3600;

it("refuses the request after the limit with a Retry-After inside the window, per client", async () => {
  for (let i = 0; i < 3; i++) await enforceRateLimit(handle.db, "api:10.0.0.1", 3, HOUR);
  const error = await enforceRateLimit(handle.db, "api:10.0.0.1", 3, HOUR).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RateLimited);
  const retry = (error as RateLimited).retryAfterSeconds;
  expect(retry).toBeGreaterThanOrEqual(1);
  expect(retry).toBeLessThanOrEqual(HOUR);
  await enforceRateLimit(handle.db, "api:10.0.0.2", 3, HOUR); // another client is not affected
});

it("counts concurrent requests exactly, so the limit holds across processes sharing the database", async () => {
  const results = await Promise.allSettled(
    Array.from({ length: 10 }, () => enforceRateLimit(handle.db, "api:10.0.0.3", 4, HOUR)),
  );
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
});

it("keeps a long window's counter until that window ends, not the minute windows' hour", async () => {
  await enforceRateLimit(handle.db, "day:a", 3, 86_400);
  await enforceRateLimit(handle.db, "api:b", 3);
  const rows = await handle.db.select().from(rateLimits);
  const span = (key: string) => {
    const r = rows.find((x) => x.key === key)!;
    return (r.expiresAt.getTime() - r.windowStart.getTime()) / 1000;
  };
  expect(span("day:a")).toBe(86_400);
  expect(span("api:b")).toBe(60);
});
