import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { uuidSchema } from "./reception-schemas";
import { FRONT_DESK, requireRole } from "./staff-access";

/**
 * Reception has checked a possible duplicate and it is someone else (twins sharing a parent's email, say): the
 * provisional record leaves the "Possible duplicates" list and stays a patient of its own. Audited.
 */
export async function keepPatientsApart(
  db: Db,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<{ patientId: string }> {
  const staff = await requireRole(db, actor, FRONT_DESK, "patients.keep-apart");
  if (!uuidSchema.safeParse(id).success) throw new NotFound("We could not find that patient.");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(patients)
      .set({ duplicateReviewedAt: now, updatedAt: now })
      .where(
        and(
          eq(patients.id, id),
          isNotNull(patients.possibleDuplicateOf),
          isNull(patients.duplicateReviewedAt),
          isNull(patients.mergedInto),
        ),
      )
      .returning({ id: patients.id, of: patients.possibleDuplicateOf });
    if (!row) throw new NotFound("That record is not waiting for a duplicate check.");
    await recordAudit(tx, staff, {
      action: "patients.keep-apart",
      entityType: "patient",
      entityId: id,
      patientId: id,
      detail: { possibleDuplicateOf: row.of },
    });
    return { patientId: id };
  });
}
