import "server-only";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { hashToken } from "@/lib/security/tokens";

// The intake page autosaves a moment after the patient stops typing (1.2 s) and on every Next: a person stays well
// under these. A script did not (finding 9: 25 versions in 2 seconds).
export const INTAKE_SAVES_PER_TOKEN_PER_MINUTE = 30;
export const INTAKE_SUBMITS_PER_TOKEN_PER_MINUTE = 5;
// Per client address: the public API's own limit (RATE_LIMIT_PER_MINUTE, 120 by default), since one waiting room or
// household behind one address may fill in several forms at once.
export const intakeWritesPerClientPerMinute = () => env.RATE_LIMIT_PER_MINUTE;

const SLOW_DOWN =
  "You're saving faster than we can keep up with. Please wait a moment, then try again: your answers are still here.";

/**
 * Refuses (429, RateLimited) an intake save or submit past the limits per link and per client address, counted in
 * Postgres across every app process. The link is hashed: no token is written to the database in clear.
 */
export async function limitIntakeWrites(
  db: Db,
  { token, client, kind }: { token: string; client: string; kind: "save" | "submit" },
): Promise<void> {
  const link = hashToken(token);
  await enforceRateLimit(db, `intake-client:${client}`, intakeWritesPerClientPerMinute(), 60, SLOW_DOWN);
  await enforceRateLimit(
    db,
    `intake-${kind}:${link}`,
    kind === "save" ? INTAKE_SAVES_PER_TOKEN_PER_MINUTE : INTAKE_SUBMITS_PER_TOKEN_PER_MINUTE,
    60,
    SLOW_DOWN,
  );
}
