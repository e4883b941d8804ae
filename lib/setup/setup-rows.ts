import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  locationDisciplines,
  locations,
  practitionerLocations,
  practitionerPhotos,
  practitioners,
  serviceLocations,
  services,
} from "@/db/schema";
import { photoPath } from "@/lib/catalog/photo-path";
import { NotFound, sqlConstraint, sqlState, ValidationFailed } from "@/lib/errors";
import type { Discipline } from "./schemas";
import type { SetupLocationDto, SetupPractitionerDto, SetupServiceDto } from "./setup-types";

export function toLocationDto(l: typeof locations.$inferSelect): SetupLocationDto {
  return {
    slug: l.slug,
    name: l.name,
    timezone: l.timezone,
    address: l.address,
    phone: l.phone,
    holidayRegion: l.holidayRegion,
    online: l.online,
    active: l.active,
  };
}

export function toServiceDto(s: typeof services.$inferSelect, locationSlugs: string[]): SetupServiceDto {
  return {
    slug: s.slug,
    name: s.name,
    description: s.description,
    discipline: s.discipline,
    durationMinutes: s.durationMinutes,
    capacity: s.capacity,
    bufferBeforeMinutes: s.bufferBeforeMinutes,
    bufferAfterMinutes: s.bufferAfterMinutes,
    minimumNoticeMinutes: s.minNoticeMinutes,
    horizonDays: s.horizonDays,
    cancellationWindowHours: s.cancellationWindowHours,
    feeCents: s.feeCents,
    online: s.online,
    bookableOnline: s.bookableOnline,
    active: s.active,
    locations: locationSlugs,
  };
}

export function toPractitionerDto(
  p: typeof practitioners.$inferSelect,
  locationSlugs: string[],
  photoSha256: string | null,
): SetupPractitionerDto {
  return {
    slug: p.slug,
    name: p.name,
    title: p.title,
    bio: p.bio,
    qualifications: p.qualifications,
    ahpraNumber: p.ahpraNumber,
    photo: photoSha256 ? photoPath(p.slug, photoSha256) : null,
    discipline: p.discipline,
    active: p.active,
    locations: locationSlugs,
  };
}

/** Location slugs in a body → ids; an unknown one is a 422 on `locations` (api.md: unknown slug in a body). */
export async function locationIdsFor(db: Db | Tx, slugs: readonly string[]): Promise<Map<string, string>> {
  const rows = slugs.length
    ? await db
        .select({ id: locations.id, slug: locations.slug })
        .from(locations)
        .where(inArray(locations.slug, [...slugs]))
    : [];
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  const unknown = slugs.filter((s) => !ids.has(s));
  if (unknown.length)
    throw new ValidationFailed({
      locations: `There is no location called ${unknown.map((u) => `"${u}"`).join(", ")}.`,
    });
  return ids;
}

/** Placing a service or practitioner at a location makes that location offer their discipline. */
export async function offerDiscipline(db: Db | Tx, locationIds: Iterable<string>, discipline: Discipline) {
  const values = [...locationIds].map((locationId) => ({ locationId, discipline }));
  if (values.length) await db.insert(locationDisciplines).values(values).onConflictDoNothing();
}

export async function serviceLocationSlugs(db: Db | Tx, serviceId: string): Promise<string[]> {
  const rows = await db
    .select({ slug: locations.slug })
    .from(serviceLocations)
    .innerJoin(locations, eq(locations.id, serviceLocations.locationId))
    .where(eq(serviceLocations.serviceId, serviceId))
    .orderBy(asc(locations.slug));
  return rows.map((r) => r.slug);
}

export async function practitionerLocationSlugs(db: Db | Tx, practitionerId: string): Promise<string[]> {
  const rows = await db
    .select({ slug: locations.slug })
    .from(practitionerLocations)
    .innerJoin(locations, eq(locations.id, practitionerLocations.locationId))
    .where(eq(practitionerLocations.practitionerId, practitionerId))
    .orderBy(asc(locations.slug));
  return rows.map((r) => r.slug);
}

/** A duplicate slug, found by the database's unique constraint (no check-then-insert race), is a 422 on `slug`. */
export function rethrowDuplicateSlug(error: unknown, constraint: string, what: string): never {
  if (sqlState(error) === "23505" && sqlConstraint(error) === constraint)
    throw new ValidationFailed({ slug: `Another ${what} already uses this short name.` });
  throw error;
}

/** Two practitioners cannot share an AHPRA registration (the unique constraint says so): a 422 on `ahpraNumber`. */
export function rethrowDuplicateAhpra(error: unknown): void {
  if (sqlState(error) === "23505" && sqlConstraint(error) === "practitioners_ahpra_number_unique")
    throw new ValidationFailed({ ahpraNumber: "Another practitioner already has this AHPRA registration number." });
}

export function notFound(what: string): NotFound {
  return new NotFound(`There is no ${what} with that name.`);
}

/** The hash of a practitioner's stored photo, or null when they have none. */
export async function practitionerPhotoSha(db: Db | Tx, practitionerId: string): Promise<string | null> {
  const [row] = await db
    .select({ sha256: practitionerPhotos.sha256 })
    .from(practitionerPhotos)
    .where(eq(practitionerPhotos.practitionerId, practitionerId));
  return row?.sha256 ?? null;
}
