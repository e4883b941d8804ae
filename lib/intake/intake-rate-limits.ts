import "server-only";
import type { Db } from "@/db/client";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { hashToken } from "@/lib/security/tokens";

// The intake page autosaves a moment after the patient stops typing (1.2 s) and on every Next: a person stays well
// under these. A script did not (finding 9: 25 versions in 2 seconds).
export const INTAKE_SAVES_PER_TOKEN_PER_MINUTE = 30;
export const INTAKE_SUBMITS_PER_TOKEN_PER_MINUTE = 5;
// one waiting room or household behind one address may fill in several forms at once
export const INTAKE_WRITES_PER_CLIENT_PER_MINUTE = 120;

const SLOW_DOWN = "You're saving faster than we can keep up with. Please wait a moment, then try again: your answers are still here.";

/**
 * Refuses (429, RateLimited) an intake save or submit past the limits per link and per client address, counted in
 * Postgres across every app process. The link is hashed: no token is written to the database in clear.
 */
export async function limitIntakeWrites(db: Db, { token, client, kind }: { token: string; client: string; kind: "save" | "submit" }): Promise<void> {
  const link = hashToken(token);
  await enforceRateLimit(db, `intake-client:${client}`, INTAKE_WRITES_PER_CLIENT_PER_MINUTE, 60, SLOW_DOWN);
  await enforceRateLimit(db, `intake-${kind}:${link}`, kind === "save" ? INTAKE_SAVES_PER_TOKEN_PER_MINUTE : INTAKE_SUBMITS_PER_TOKEN_PER_MINUTE, 60, SLOW_DOWN);
}
