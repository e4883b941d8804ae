import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locations, practitionerLocations, practitionerPhotos, practitioners } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import { photoPath } from "./photo-path";

/** Public profile fields only: what a patient choosing a practitioner may see (no email, account or roster). */
export interface PractitionerDto {
  slug: string;
  name: string;
  title: string;
  bio: string;
  qualifications: string;
  /** On the public AHPRA register; null for professions it does not register. */
  ahpraNumber: string | null;
  /** Their photo's address on this site (GET /api/v1/practitioners/{slug}/photo); null: show initials. */
  photo: string | null;
  discipline: "sports-physio" | "exercise-physiology";
  locations: string[];
}

export async function listPractitioners(
  db: Db,
  filter: { location?: string; discipline?: string } = {},
): Promise<PractitionerDto[]> {
  if (filter.location) {
    const [loc] = await db
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.slug, filter.location), eq(locations.active, true)));
    if (!loc) throw new NotFound("There is no location with that name.");
  }
  const rows = await db
    .select({
      p: {
        slug: practitioners.slug,
        name: practitioners.name,
        title: practitioners.title,
        bio: practitioners.bio,
        qualifications: practitioners.qualifications,
        ahpraNumber: practitioners.ahpraNumber,
        photoSha256: practitionerPhotos.sha256,
        discipline: practitioners.discipline,
      },
      location: locations.slug,
    })
    .from(practitioners)
    .innerJoin(practitionerLocations, eq(practitionerLocations.practitionerId, practitioners.id))
    .innerJoin(locations, eq(locations.id, practitionerLocations.locationId))
    .leftJoin(practitionerPhotos, eq(practitionerPhotos.practitionerId, practitioners.id))
    .where(and(eq(practitioners.active, true), eq(locations.active, true)))
    .orderBy(asc(practitioners.name), asc(locations.slug));
  const bySlug = new Map<string, PractitionerDto>();
  for (const { p, location } of rows) {
    const dto = bySlug.get(p.slug) ?? {
      slug: p.slug,
      name: p.name,
      title: p.title,
      bio: p.bio,
      qualifications: p.qualifications,
      ahpraNumber: p.ahpraNumber,
      photo: p.photoSha256 ? photoPath(p.slug, p.photoSha256) : null,
      discipline: p.discipline,
      locations: [],
    };
    dto.locations.push(location);
    bySlug.set(p.slug, dto);
  }
  return [...bySlug.values()].filter(
    (p) =>
      (!filter.location || p.locations.includes(filter.location)) &&
      (!filter.discipline || p.discipline === filter.discipline),
  );
}
