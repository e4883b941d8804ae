import { ClassFull, SlotTaken, sqlConstraint, sqlState } from "@/lib/errors";

/** Postgres ended this transaction to break a deadlock. */
const DEADLOCK_DETECTED = "40P01";

/**
 * Runs a booking's or a move's transaction, and runs it again (up to `retries` times) when Postgres ended it to break a
 * deadlock. Bookings that overlap under the exclusion constraint each wait for the other's transaction ("while checking
 * exclusion constraint"); with three or more at once those waits can form a cycle, and the transaction chosen to break
 * it did nothing wrong. Run again, it meets the winner's committed row (a lost race, 409) or a time that is free again.
 * Nothing is undone by hand: the ended transaction rolled back all of it.
 */
export async function retryingDeadlocks<T>(run: () => Promise<T>, retries = 2): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (sqlState(error) !== DEADLOCK_DETECTED || attempt >= retries) throw error;
    }
  }
}

/**
 * The database's refusal of a booking or a move, as the error the person sees: a lost race for the time (the
 * exclusion constraint, 23P01, or a deadlock among bookings racing for it that outlasted its retries) or for a class's
 * last place (its checked counter, 23514). Anything else is returned as it is.
 */
export function refusalOf(error: unknown): unknown {
  const state = sqlState(error);
  if (state === "23P01" || state === DEADLOCK_DETECTED) return new SlotTaken();
  if (state === "23514" && sqlConstraint(error) === "classes_not_over_full") return new ClassFull();
  return error;
}
