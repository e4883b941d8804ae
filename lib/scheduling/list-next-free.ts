import "server-only";
import type { Db } from "@/db/client";
import { listAvailability } from "./list-availability";
import { addDays, localDateOf } from "./local-time";

/** Where to look, in days from today: the week ahead first, then the month after it only for whoever is still missing. */
const WINDOWS: [number, number][] = [
  [-1, 6],
  [7, 37],
];

/**
 * The soonest free start of each of `practitioners` for one service at one location (slug → offset ISO start), exactly
 * as the public availability gives it; someone with nothing free in the next five weeks is absent.
 */
export async function listNextFree(
  db: Db,
  q: { location: string; service: string; practitioners: readonly string[] },
  now = new Date(),
): Promise<Map<string, string>> {
  // dates from the UTC day before: whatever the location's zone, its today is inside the first window
  const utcToday = localDateOf(now, "UTC");
  const next = new Map<string, string>();
  for (const [from, to] of WINDOWS) {
    const missing = q.practitioners.filter((p) => !next.has(p));
    if (missing.length === 0) break;
    const window = {
      location: q.location,
      service: q.service,
      from: addDays(utcToday, from),
      to: addDays(utcToday, to),
    };
    // one practitioner missing: ask for theirs alone, a smaller computation
    const { slots } = await listAvailability(
      db,
      missing.length === 1 ? { ...window, practitioner: missing[0] } : window,
      now,
    );
    for (const s of slots) if (!next.has(s.practitioner)) next.set(s.practitioner, s.start);
  }
  return next;
}
