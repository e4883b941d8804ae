import "server-only";
import type { Db } from "@/db/client";
import { practitionerLocations, practitioners } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { inviteStaff } from "./invite-staff";
import { practitionerCreateSchema } from "./schemas";
import { requireSetupAdmin } from "./setup-access";
import {
  locationIdsFor,
  offerDiscipline,
  rethrowDuplicateAhpra,
  rethrowDuplicateSlug,
  toPractitionerDto,
} from "./setup-rows";
import type { SetupPractitionerDto } from "./setup-types";

const DEFAULT_TITLE = { "sports-physio": "Sports physiotherapist", "exercise-physiology": "Exercise physiologist" };

/**
 * POST /api/v1/staff/admin/practitioners: a practitioner who works at the given locations (they offer no time until
 * a roster is set). With `email`, a practitioner staff account is invited in the same transaction.
 */
export async function createPractitioner(
  db: Db,
  actor: Actor,
  rawInput: unknown,
): Promise<{ practitioner: SetupPractitionerDto }> {
  const admin = await requireSetupAdmin(db, actor, "setup.practitioner.create");
  const { locations: slugs, email, ...input } = practitionerCreateSchema.parse(rawInput);
  try {
    return await db.transaction(async (tx) => {
      const locationIds = await locationIdsFor(tx, slugs);
      const [row] = await tx
        .insert(practitioners)
        .values({ ...input, title: input.title || DEFAULT_TITLE[input.discipline] })
        .returning();
      await offerDiscipline(tx, locationIds.values(), row!.discipline);
      await tx.insert(practitionerLocations).values(
        [...locationIds.values()].map((locationId) => ({
          practitionerId: row!.id,
          locationId,
          discipline: row!.discipline,
        })),
      );
      const practitioner = toPractitionerDto(row!, [...slugs].sort(), null);
      await recordAudit(tx, admin, {
        action: "setup.practitioner.create",
        entityType: "practitioner",
        entityId: practitioner.slug,
        detail: { before: null, after: practitioner },
      });
      // their account, invited by email in the same transaction: a refused invitation (an email in use) creates nothing
      if (email)
        await inviteStaff(tx, admin, { email, name: row!.name, role: "practitioner", practitioner: row!.slug });
      return { practitioner };
    });
  } catch (error) {
    rethrowDuplicateAhpra(error);
    rethrowDuplicateSlug(error, "practitioners_slug_unique", "practitioner");
  }
}
