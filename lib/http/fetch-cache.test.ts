import { describe, expect, it } from "vitest";
import { createFetchCache } from "./fetch-cache";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("createFetchCache", () => {
  it("shares one request per key while it is under way, and keeps its answer", async () => {
    const cache = createFetchCache<string>();
    const d = deferred<string>();
    let calls = 0;
    const fetcher = () => {
      calls++;
      return d.promise;
    };
    const a = cache.load("k", fetcher);
    const b = cache.load("k", fetcher);
    expect(calls).toBe(1);
    expect(cache.peek("k")).toBeUndefined();
    d.resolve("answer");
    expect(await a).toBe("answer");
    expect(await b).toBe("answer");
    expect(cache.peek("k")?.data).toBe("answer");
    await cache.load("k", async () => "again");
    expect(cache.peek("k")?.data).toBe("again");
  });

  it("keeps nothing from a failed request, and asks again next time", async () => {
    const cache = createFetchCache<string>();
    await expect(cache.load("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(cache.peek("k")).toBeUndefined();
    expect(await cache.load("k", async () => "up")).toBe("up");
  });

  it("tells fresh from stale by age, and invalidate makes every entry stale but still readable", () => {
    let t = 1_000;
    const cache = createFetchCache<number>({ freshMs: 100, now: () => t });
    cache.seed("a", 1);
    cache.seed("b", 2);
    expect(cache.isFresh("a")).toBe(true);
    expect(cache.isFresh("missing")).toBe(false);
    t += 100;
    expect(cache.isFresh("a")).toBe(false);
    t -= 50;
    cache.invalidate();
    expect(cache.isFresh("a")).toBe(false);
    expect(cache.isFresh("b")).toBe(false);
    expect(cache.peek("b")).toEqual({ at: 0, data: 2 });
  });

  it("seeds only an empty key, and forgets a key on request", async () => {
    const cache = createFetchCache<string>();
    await cache.load("k", async () => "fetched");
    cache.seed("k", "seeded");
    expect(cache.peek("k")?.data).toBe("fetched");
    cache.forget("k");
    expect(cache.peek("k")).toBeUndefined();
    cache.seed("k", "seeded");
    expect(cache.peek("k")?.data).toBe("seeded");
  });

  it("without freshMs, what it holds stays fresh until invalidated", () => {
    const cache = createFetchCache<string>();
    cache.seed("k", "v");
    expect(cache.isFresh("k")).toBe(true);
    cache.invalidate();
    expect(cache.isFresh("k")).toBe(false);
  });
});
