import "server-only";
import { and, eq, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { serviceLocations, services } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { sqlState, ValidationFailed } from "@/lib/errors";
import { serviceUpdateSchema } from "./schemas";
import { requireSetupAdmin } from "./setup-access";
import { locationIdsFor, notFound, offerDiscipline, serviceLocationSlugs, toServiceDto } from "./setup-rows";
import type { SetupServiceDto } from "./setup-types";

/**
 * PATCH /api/v1/staff/admin/services/{slug}. Booked appointments keep their service whatever changes here; an inactive
 * service, or one bookable by staff only, leaves the public lists at once.
 */
export async function updateService(
  db: Db,
  actor: Actor,
  slug: string,
  rawInput: unknown,
): Promise<{ service: SetupServiceDto }> {
  const admin = await requireSetupAdmin(db, actor, "setup.service.update");
  const { locations: slugs, minimumNoticeMinutes, ...rest } = serviceUpdateSchema.parse(rawInput);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.select().from(services).where(eq(services.slug, slug)).for("update");
      if (!row) throw notFound("service");
      const before = toServiceDto(row, await serviceLocationSlugs(tx, row.id));
      const set = {
        ...rest,
        ...(minimumNoticeMinutes === undefined ? {} : { minNoticeMinutes: minimumNoticeMinutes }),
      };
      const discipline = set.discipline ?? row.discipline;
      const locationIds = await locationIdsFor(tx, slugs ?? before.locations);
      // the new discipline must be offered where the service already is before the key cascades to its placements
      await offerDiscipline(tx, locationIds.values(), discipline);
      const [updated] = Object.keys(set).length
        ? await tx.update(services).set(set).where(eq(services.id, row.id)).returning()
        : [row];
      if (slugs) {
        const ids = [...locationIds.values()];
        await tx
          .delete(serviceLocations)
          .where(and(eq(serviceLocations.serviceId, row.id), notInArray(serviceLocations.locationId, ids)));
        await tx
          .insert(serviceLocations)
          .values(ids.map((locationId) => ({ serviceId: row.id, locationId, discipline })))
          .onConflictDoNothing();
      }
      const service = toServiceDto(updated!, await serviceLocationSlugs(tx, row.id));
      await recordAudit(tx, admin, {
        action: "setup.service.update",
        entityType: "service",
        entityId: slug,
        detail: { before, after: service },
      });
      return { service };
    });
  } catch (error) {
    // a class's roster block still refers to a location being removed, or the service's discipline: say which field
    if (sqlState(error) === "23503")
      throw new ValidationFailed(
        slugs
          ? { locations: "A roster block for this class is still at a location you removed. End that roster first." }
          : { discipline: "This service is booked or rostered under its discipline; create a new service instead." },
      );
    throw error;
  }
}
