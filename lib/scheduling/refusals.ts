import { ClassFull, SlotTaken, sqlConstraint, sqlState } from "@/lib/errors";

/**
 * The database's refusal of a booking or a move, as the error the person sees: a lost race for the time (the
 * exclusion constraint, 23P01) or for a class's last place (its checked counter, 23514). Anything else is returned as
 * it is.
 */
export function refusalOf(error: unknown): unknown {
  const state = sqlState(error);
  if (state === "23P01") return new SlotTaken();
  if (state === "23514" && sqlConstraint(error) === "classes_not_over_full") return new ClassFull();
  return error;
}
