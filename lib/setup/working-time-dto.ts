import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { closures, leave, locations, practitionerLocations, practitioners } from "@/db/schema";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { toOffsetIso } from "@/lib/scheduling/local-time";

export interface LeaveDto {
  id: string;
  practitioner: string;
  /** With an offset, in the zone of the practitioner's first location (by slug). */
  start: string;
  end: string;
  /** Whole-day leave: its first and last dates (both included), else null. */
  startsOn: string | null;
  endsOn: string | null;
  reason: string;
}

export interface ClosureDto {
  id: string;
  location: string;
  from: string;
  to: string;
  reason: string;
}

export type PractitionerRow = typeof practitioners.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;

export async function practitionerBySlug(db: Db | Tx, slug: string): Promise<PractitionerRow> {
  const [p] = await db.select().from(practitioners).where(eq(practitioners.slug, slug));
  if (!p) throw new NotFound("There is no practitioner with that name.");
  return p;
}

/** A location named in a path (unknown: 404) or in a body (unknown: 422 on `field`). */
export async function locationBySlug(db: Db | Tx, slug: string, field?: string): Promise<LocationRow> {
  const [l] = await db.select().from(locations).where(eq(locations.slug, slug));
  if (!l) {
    if (field) throw new ValidationFailed({ [field]: "There is no location with that name." });
    throw new NotFound("There is no location with that name.");
  }
  return l;
}

/** The locations a practitioner works at, by slug. */
export async function locationsOf(db: Db | Tx, practitionerId: string): Promise<LocationRow[]> {
  const rows = await db
    .select({ l: locations })
    .from(practitionerLocations)
    .innerJoin(locations, eq(locations.id, practitionerLocations.locationId))
    .where(eq(practitionerLocations.practitionerId, practitionerId))
    .orderBy(asc(locations.slug));
  return rows.map((r) => r.l);
}

export function toLeaveDto(row: typeof leave.$inferSelect, practitionerSlug: string, timezone: string): LeaveDto {
  return {
    id: row.id,
    practitioner: practitionerSlug,
    start: toOffsetIso(row.startsAt, timezone),
    end: toOffsetIso(row.endsAt, timezone),
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    reason: row.reason,
  };
}

export function toClosureDto(row: typeof closures.$inferSelect, locationSlug: string): ClosureDto {
  return { id: row.id, location: locationSlug, from: row.startsOn, to: row.endsOn, reason: row.reason };
}

/** The group's zone for a practitioner who works nowhere yet. */
export const FALLBACK_ZONE = "Australia/Sydney";

export async function zoneOf(db: Db | Tx, practitionerId: string): Promise<string> {
  const [row] = await db
    .select({ tz: locations.timezone })
    .from(practitionerLocations)
    .innerJoin(locations, eq(locations.id, practitionerLocations.locationId))
    .where(and(eq(practitionerLocations.practitionerId, practitionerId)))
    .orderBy(asc(locations.slug))
    .limit(1);
  return row?.tz ?? FALLBACK_ZONE;
}
