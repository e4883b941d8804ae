import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locations, serviceLocations, services } from "@/db/schema";

export interface LocationDto {
  slug: string;
  name: string;
  timezone: string;
  address: string | null;
  phone: string | null;
  online: boolean;
  services: { slug: string; name: string; discipline: string }[];
}

/** The active locations (staff screens pass `includeInactive` to keep an inactive one's appointments in view). */
export async function listLocations(db: Db, opts: { includeInactive?: boolean } = {}): Promise<LocationDto[]> {
  const [locs, offered] = await Promise.all([
    db
      .select()
      .from(locations)
      .where(opts.includeInactive ? undefined : eq(locations.active, true))
      .orderBy(asc(locations.online), asc(locations.name)),
    db
      .select({
        locationId: serviceLocations.locationId,
        slug: services.slug,
        name: services.name,
        discipline: services.discipline,
      })
      .from(serviceLocations)
      .innerJoin(services, eq(services.id, serviceLocations.serviceId))
      .where(and(eq(services.active, true), eq(services.bookableOnline, true)))
      .orderBy(asc(services.name)),
  ]);
  return locs.map((l) => ({
    slug: l.slug,
    name: l.name,
    timezone: l.timezone,
    address: l.address,
    phone: l.phone,
    online: l.online,
    services: offered
      .filter((o) => o.locationId === l.id)
      .map(({ slug, name, discipline }) => ({ slug, name, discipline })),
  }));
}
