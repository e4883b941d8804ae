import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { NotFound, sqlConstraint, sqlState, ValidationFailed } from "@/lib/errors";
import { patientContactSchema, uuidSchema } from "./reception-schemas";
import type { PatientSummaryDto } from "./reception-types";
import { toPatientSummary } from "./search-patients";
import { FRONT_DESK, requireRole } from "./staff-access";

const FIELDS = ["firstName", "lastName", "phone", "email", "dateOfBirth"] as const;

/**
 * Reception corrects a patient's contact details (the whole set each time; a blank email or date of birth clears it).
 * Audited with the names of the fields that changed, never their values. A new email is used by every email still
 * queued for the patient, since each is rendered when it is sent.
 */
export async function updatePatientContact(
  db: Db,
  actor: Actor,
  id: string,
  rawInput: unknown,
  now = new Date(),
): Promise<{ patient: PatientSummaryDto; changed: string[] }> {
  const staff = await requireRole(db, actor, FRONT_DESK, "patients.update");
  if (!uuidSchema.safeParse(id).success) throw new NotFound("We could not find that patient.");
  const input = patientContactSchema.parse(rawInput);
  const next = { ...input, email: input.email ?? null, dateOfBirth: input.dateOfBirth ?? null };
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(patients)
        .where(and(eq(patients.id, id), isNull(patients.mergedInto)))
        .for("update");
      if (!before) throw new NotFound("We could not find that patient.");
      const changed = FIELDS.filter((f) => before[f] !== next[f]);
      if (changed.length === 0) return { patient: toPatientSummary(before, null), changed };
      const [after] = await tx
        .update(patients)
        .set({ ...next, updatedAt: now })
        .where(eq(patients.id, id))
        .returning();
      await recordAudit(tx, staff, {
        action: "patients.update",
        entityType: "patient",
        entityId: id,
        patientId: id,
        detail: { fields: changed },
      });
      return { patient: toPatientSummary(after!, null), changed };
    });
  } catch (error) {
    if (sqlState(error) === "23505" && sqlConstraint(error) === "patients_email_dob")
      throw new ValidationFailed(
        { email: "Another patient has this email and date of birth. If they are the same person, merge the records." },
        "Another patient has these details.",
      );
    throw error;
  }
}
