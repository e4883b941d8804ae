import "server-only";
import { and, eq, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { practitionerLocations, practitioners } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { sqlState, ValidationFailed } from "@/lib/errors";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import { reviewActivation } from "./future-clashes";
import { practitionerUpdateSchema } from "./schemas";
import { requireSetupAdmin } from "./setup-access";
import {
  locationIdsFor,
  notFound,
  offerDiscipline,
  practitionerLocationSlugs,
  practitionerPhotoSha,
  rethrowDuplicateAhpra,
  toPractitionerDto,
} from "./setup-rows";
import type { SetupPractitionerDto } from "./setup-types";

/**
 * PATCH /api/v1/staff/admin/practitioners/{slug}. Deactivating offers no more of their time and takes them off the
 * public list; their future appointments stay booked and come back as `clashes`.
 */
export async function updatePractitioner(
  db: Db,
  actor: Actor,
  slug: string,
  rawInput: unknown,
  now = new Date(),
): Promise<{ practitioner: SetupPractitionerDto; clashes: StaffAppointmentDto[] }> {
  const admin = await requireSetupAdmin(db, actor, "setup.practitioner.update");
  const { locations: slugs, ...set } = practitionerUpdateSchema.parse(rawInput);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.select().from(practitioners).where(eq(practitioners.slug, slug)).for("update");
      if (!row) throw notFound("practitioner");
      const sha = await practitionerPhotoSha(tx, row.id);
      const before = toPractitionerDto(row, await practitionerLocationSlugs(tx, row.id), sha);
      const [updated] = Object.keys(set).length
        ? await tx.update(practitioners).set(set).where(eq(practitioners.id, row.id)).returning()
        : [row];
      if (slugs) {
        const locationIds = await locationIdsFor(tx, slugs);
        const ids = [...locationIds.values()];
        await offerDiscipline(tx, ids, row.discipline);
        await tx
          .delete(practitionerLocations)
          .where(
            and(eq(practitionerLocations.practitionerId, row.id), notInArray(practitionerLocations.locationId, ids)),
          );
        await tx
          .insert(practitionerLocations)
          .values(ids.map((locationId) => ({ practitionerId: row.id, locationId, discipline: row.discipline })))
          .onConflictDoNothing();
      }
      const practitioner = toPractitionerDto(updated!, await practitionerLocationSlugs(tx, row.id), sha);
      const clashes = await reviewActivation(
        tx,
        { practitionerId: row.id },
        { active: practitioner.active, wasActive: before.active },
        now,
      );
      await recordAudit(tx, admin, {
        action: "setup.practitioner.update",
        entityType: "practitioner",
        entityId: slug,
        detail: { before, after: practitioner, clashes: clashes.length },
      });
      return { practitioner, clashes };
    });
  } catch (error) {
    rethrowDuplicateAhpra(error);
    // a roster at a location being removed still refers to it (roster_entries → practitioner_locations)
    if (sqlState(error) === "23503")
      throw new ValidationFailed({
        locations: "They still have a roster at a location you removed. End that roster first (Rosters).",
      });
    throw error;
  }
}
