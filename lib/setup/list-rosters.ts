import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { localDateOf } from "@/lib/scheduling/local-time";
import { requireRole } from "@/lib/staff/staff-access";
import { loadRosters, type RosterDto } from "./roster-dto";
import { locationBySlug, practitionerBySlug } from "./working-time-dto";
import { rosterQuerySchema } from "./working-time-schemas";

/** A practitioner's rosters at one location in force today (in its zone) and to come, oldest first. */
export async function listRosters(
  db: Db,
  actor: Actor,
  practitionerSlug: string,
  rawQuery: unknown,
  now = new Date(),
): Promise<{ rosters: RosterDto[] }> {
  await requireRole(db, actor, ["admin"], "setup.roster.list");
  const q = rosterQuerySchema.parse(rawQuery);
  const p = await practitionerBySlug(db, practitionerSlug);
  const loc = await locationBySlug(db, q.location, "location");
  const who = { practitionerId: p.id, practitionerSlug: p.slug, locationId: loc.id, locationSlug: loc.slug };
  return { rosters: await loadRosters(db, who, localDateOf(now, loc.timezone)) };
}
