import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locations, serviceLocations, services } from "@/db/schema";
import { NotFound } from "@/lib/errors";

export interface ServiceDto {
  slug: string;
  name: string;
  description: string;
  discipline: "sports-physio" | "exercise-physiology";
  durationMinutes: number;
  capacity: number;
  online: boolean;
  locations: string[];
  /** Australian cents the patient pays; 0 is bulk billed; null: the clinic shows no fee. */
  feeCents: number | null;
  cancellationWindowHours: number;
}

/** Active services at active locations; staff-only ones (not bookable online) only when `includeStaffOnly`. */
export async function listServices(
  db: Db,
  filter: { location?: string } = {},
  opts: { includeStaffOnly?: boolean } = {},
): Promise<ServiceDto[]> {
  if (filter.location) {
    const [loc] = await db
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.slug, filter.location), eq(locations.active, true)));
    if (!loc) throw new NotFound("There is no location with that name.");
  }
  const rows = await db
    .select({ service: services, location: locations.slug })
    .from(services)
    .innerJoin(serviceLocations, eq(serviceLocations.serviceId, services.id))
    .innerJoin(locations, eq(locations.id, serviceLocations.locationId))
    .where(
      and(
        eq(services.active, true),
        eq(locations.active, true),
        opts.includeStaffOnly ? undefined : eq(services.bookableOnline, true),
      ),
    )
    .orderBy(asc(services.discipline), asc(services.durationMinutes), asc(services.slug), asc(locations.slug));
  const bySlug = new Map<string, ServiceDto>();
  for (const { service: s, location } of rows) {
    const dto = bySlug.get(s.slug) ?? {
      slug: s.slug,
      name: s.name,
      description: s.description,
      discipline: s.discipline,
      durationMinutes: s.durationMinutes,
      capacity: s.capacity,
      online: s.online,
      locations: [],
      feeCents: s.feeCents,
      cancellationWindowHours: s.cancellationWindowHours,
    };
    dto.locations.push(location);
    bySlug.set(s.slug, dto);
  }
  const all = [...bySlug.values()];
  return filter.location ? all.filter((s) => s.locations.includes(filter.location!)) : all;
}
