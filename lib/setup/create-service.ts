import "server-only";
import type { Db } from "@/db/client";
import { serviceLocations, services } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { serviceCreateSchema } from "./schemas";
import { requireSetupAdmin } from "./setup-access";
import { locationIdsFor, offerDiscipline, rethrowDuplicateSlug, toServiceDto } from "./setup-rows";
import type { SetupServiceDto } from "./setup-types";

/** POST /api/v1/staff/admin/services: a service and the locations where it is offered. */
export async function createService(db: Db, actor: Actor, rawInput: unknown): Promise<{ service: SetupServiceDto }> {
  const admin = await requireSetupAdmin(db, actor, "setup.service.create");
  const { locations: slugs, minimumNoticeMinutes, ...input } = serviceCreateSchema.parse(rawInput);
  try {
    return await db.transaction(async (tx) => {
      const locationIds = await locationIdsFor(tx, slugs);
      const [row] = await tx
        .insert(services)
        .values({ ...input, minNoticeMinutes: minimumNoticeMinutes })
        .returning();
      await offerDiscipline(tx, locationIds.values(), row!.discipline);
      await tx.insert(serviceLocations).values(
        [...locationIds.values()].map((locationId) => ({
          serviceId: row!.id,
          locationId,
          discipline: row!.discipline,
        })),
      );
      const service = toServiceDto(row!, [...slugs].sort());
      await recordAudit(tx, admin, {
        action: "setup.service.create",
        entityType: "service",
        entityId: service.slug,
        detail: { before: null, after: service },
      });
      return { service };
    });
  } catch (error) {
    rethrowDuplicateSlug(error, "services_slug_unique", "service");
  }
}
