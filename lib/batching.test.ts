import { describe, expect, it } from "vitest";
import { createBatcher, type Settled } from "./batching";

/** A batcher whose runs wait until the test lets them finish, recording each batch. */
function controlled(opts = { maxSize: 4, maxInFlight: 2 }) {
  const batches: number[][] = [];
  const finish: (() => void)[] = [];
  const submit = createBatcher<number, number>(async (items) => {
    batches.push(items);
    await new Promise<void>((resolve) => finish.push(resolve));
    return items.map((n): Settled<number> => (n < 0 ? { ok: false, error: new Error(`refused ${n}`) } : { ok: true, value: n * 10 }));
  }, opts);
  return { submit, batches, finishNext: () => finish.shift()?.() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("createBatcher", () => {
  it("starts a lone item at once, and groups what arrives in the same tick", async () => {
    const { submit, batches, finishNext } = controlled();
    const one = submit(1);
    await tick();
    expect(batches).toEqual([[1]]);
    finishNext();
    expect(await one).toBe(10);
    const together = [submit(2), submit(3), submit(4)];
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    finishNext();
    expect(await Promise.all(together)).toEqual([20, 30, 40]);
  });

  it("runs at most maxInFlight batches of at most maxSize; what arrives meanwhile goes in the next batch", async () => {
    const { submit, batches, finishNext } = controlled({ maxSize: 2, maxInFlight: 2 });
    const first = [1, 2, 3, 4, 5].map(submit);
    await tick();
    expect(batches).toEqual([[1, 2], [3, 4]]);
    const later = [6, 7].map(submit);
    await tick();
    expect(batches).toHaveLength(2);
    finishNext(); // [1, 2]
    await tick();
    expect(batches).toEqual([[1, 2], [3, 4], [5, 6]]);
    finishNext(); // [3, 4]
    await tick();
    finishNext();
    finishNext();
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(batches).toEqual([[1, 2], [3, 4], [5, 6], [7]]);
  });

  it("settles each item on its own, and fails only the batch whose run throws", async () => {
    const { submit, finishNext } = controlled();
    const results = Promise.allSettled([submit(1), submit(-2), submit(3)]);
    await tick();
    finishNext();
    const [a, b, c] = await results;
    expect(a).toEqual({ status: "fulfilled", value: 10 });
    expect(b.status === "rejected" && (b.reason as Error).message).toBe("refused -2");
    expect(c).toEqual({ status: "fulfilled", value: 30 });

    let calls = 0;
    const flaky = createBatcher<number, number>(async (items) => {
      if (calls++ === 0) throw new Error("the whole batch failed");
      return items.map((n) => ({ ok: true, value: n }));
    }, { maxSize: 8, maxInFlight: 1 });
    const failed = await Promise.allSettled([flaky(1), flaky(2)]);
    expect(failed.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await flaky(3)).toBe(3);
  });
});
