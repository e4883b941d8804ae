import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locations, serviceLocations, services } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { requireSetupAdmin } from "./setup-access";
import { toServiceDto } from "./setup-rows";
import type { SetupServiceDto } from "./setup-types";

/** GET /api/v1/staff/admin/services: every service, inactive and staff-only ones included. */
export async function listSetupServices(db: Db, actor: Actor): Promise<{ services: SetupServiceDto[] }> {
  await requireSetupAdmin(db, actor, "setup.service.list");
  const [rows, placed] = await Promise.all([
    db.select().from(services).orderBy(asc(services.discipline), asc(services.name)),
    db
      .select({ serviceId: serviceLocations.serviceId, slug: locations.slug })
      .from(serviceLocations)
      .innerJoin(locations, eq(locations.id, serviceLocations.locationId))
      .orderBy(asc(locations.slug)),
  ]);
  return {
    services: rows.map((s) =>
      toServiceDto(
        s,
        placed.filter((p) => p.serviceId === s.id).map((p) => p.slug),
      ),
    ),
  };
}
