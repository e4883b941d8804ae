import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { practitionerLocations, practitioners, serviceLocations, services } from "@/db/schema";
import type { BoardPractitioner, BoardService } from "./reception-types";

/** Everyone who works at a location and everything it offers: what reception books and moves with. */
export async function loadLocationCatalog(
  db: Db,
  locationId: string,
): Promise<{ staff: (BoardPractitioner & { id: string })[]; services: BoardService[] }> {
  const [staff, offered] = await Promise.all([
    db
      .select({
        id: practitioners.id,
        slug: practitioners.slug,
        name: practitioners.name,
        discipline: practitioners.discipline,
        title: practitioners.title,
      })
      .from(practitioners)
      .innerJoin(
        practitionerLocations,
        and(
          eq(practitionerLocations.practitionerId, practitioners.id),
          eq(practitionerLocations.locationId, locationId),
        ),
      )
      .where(eq(practitioners.active, true))
      .orderBy(asc(practitioners.discipline), asc(practitioners.name)),
    db
      .select({
        slug: services.slug,
        name: services.name,
        discipline: services.discipline,
        durationMinutes: services.durationMinutes,
        capacity: services.capacity,
      })
      .from(services)
      .innerJoin(
        serviceLocations,
        and(eq(serviceLocations.serviceId, services.id), eq(serviceLocations.locationId, locationId)),
      )
      .where(eq(services.active, true))
      .orderBy(asc(services.discipline), asc(services.capacity), asc(services.durationMinutes)),
  ]);
  return { staff, services: offered };
}
