import "server-only";
import { asc, eq } from "drizzle-orm";
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

export async function listLocations(db: Db): Promise<LocationDto[]> {
  const [locs, offered] = await Promise.all([
    db.select().from(locations).orderBy(asc(locations.online), asc(locations.name)),
    db
      .select({
        locationId: serviceLocations.locationId,
        slug: services.slug,
        name: services.name,
        discipline: services.discipline,
      })
      .from(serviceLocations)
      .innerJoin(services, eq(services.id, serviceLocations.serviceId))
      .where(eq(services.active, true))
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
