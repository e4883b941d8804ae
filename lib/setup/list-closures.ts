import "server-only";
import { and, asc, eq, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { closures } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { localDateOf } from "@/lib/scheduling/local-time";
import { requireRole } from "@/lib/staff/staff-access";
import { locationBySlug, toClosureDto, type ClosureDto } from "./working-time-dto";

/** A location's closures from today (in its zone) on, soonest first. */
export async function listClosures(
  db: Db,
  actor: Actor,
  locationSlug: string,
  now = new Date(),
): Promise<{ closures: ClosureDto[] }> {
  await requireRole(db, actor, ["admin"], "setup.closures.list");
  const loc = await locationBySlug(db, locationSlug);
  const rows = await db
    .select()
    .from(closures)
    .where(and(eq(closures.locationId, loc.id), gte(closures.endsOn, localDateOf(now, loc.timezone))))
    .orderBy(asc(closures.startsOn));
  return { closures: rows.map((r) => toClosureDto(r, loc.slug)) };
}
