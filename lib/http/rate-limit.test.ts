import { afterEach, beforeEach, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { RateLimited } from "@/lib/errors";
import { createTestDb } from "@/lib/testing/test-db";
import { enforceRateLimit } from "./rate-limit";

let handle: DbHandle;
beforeEach(async () => {
  handle = await createTestDb();
});
afterEach(async () => handle.close());

it("refuses the request after the limit with a Retry-After inside the window, per client", async () => {
  for (let i = 0; i < 3; i++) await enforceRateLimit(handle.db, "api:10.0.0.1", 3);
  const error = await enforceRateLimit(handle.db, "api:10.0.0.1", 3).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(RateLimited);
  const retry = (error as RateLimited).retryAfterSeconds;
  expect(retry).toBeGreaterThanOrEqual(1);
  expect(retry).toBeLessThanOrEqual(60);
  await enforceRateLimit(handle.db, "api:10.0.0.2", 3); // another client is not affected
});

it("counts concurrent requests exactly, so the limit holds across processes sharing the database", async () => {
  const results = await Promise.allSettled(Array.from({ length: 10 }, () => enforceRateLimit(handle.db, "api:10.0.0.3", 4)));
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
});
