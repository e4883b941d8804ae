import { describe, expect, it } from "vitest";
import { SlotTaken } from "@/lib/errors";
import { refusalOf, retryingDeadlocks } from "./refusals";

// What postgres.js throws, as far as these look: the SQLSTATE in `code`, sometimes wrapped by drizzle as a cause.
const pgError = (code: string) => Object.assign(new Error(`postgres ${code}`), { code });
const wrapped = (code: string) => Object.assign(new Error("Failed query"), { cause: pgError(code) });

describe("retryingDeadlocks", () => {
  it("runs a transaction again when Postgres ended it to break a deadlock, and returns what the retry returns", async () => {
    let runs = 0;
    const result = await retryingDeadlocks(async () => {
      runs += 1;
      if (runs < 3) throw runs === 1 ? pgError("40P01") : wrapped("40P01");
      return "booked";
    });
    expect(result).toBe("booked");
    expect(runs).toBe(3);
  });

  it("gives up after its retries and throws the deadlock, which refusalOf tells the patient as a taken time", async () => {
    let runs = 0;
    const run = retryingDeadlocks(async () => {
      runs += 1;
      throw pgError("40P01");
    }, 2);
    const error = await run.catch((e: unknown) => e);
    expect(runs).toBe(3);
    expect(refusalOf(error)).toBeInstanceOf(SlotTaken);
  });

  it("never runs again for any other error: a lost race or a bug is answered once", async () => {
    for (const code of ["23P01", "23505", "42P01"]) {
      let runs = 0;
      const error = await retryingDeadlocks(async () => {
        runs += 1;
        throw pgError(code);
      }).catch((e: unknown) => e);
      expect(runs, code).toBe(1);
      expect((error as { code: string }).code).toBe(code);
    }
  });
});

describe("refusalOf", () => {
  it("tells a lost race for the time as a taken time, and leaves other errors as they are", () => {
    expect(refusalOf(pgError("23P01"))).toBeInstanceOf(SlotTaken);
    expect(refusalOf(wrapped("40P01"))).toBeInstanceOf(SlotTaken);
    const other = pgError("23505");
    expect(refusalOf(other)).toBe(other);
  });
});
