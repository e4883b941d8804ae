import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, intakeResponses, patients } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { Conflict, NotFound } from "@/lib/errors";
import { mergePatientsSchema } from "./reception-schemas";
import { FRONT_DESK, requireRole } from "./staff-access";

export interface PatientsMerged {
  kept: string;
  merged: string;
  moved: { appointments: number; intakes: number };
}

/**
 * Reception, sure that two records are one person (typically a provisional record from an online booking and the
 * patient it matched), merges one into the other: every appointment and intake response (and with the appointments
 * their triages) moves to the kept record. The merged row stays, marked `merged_into`, so the audit trail still
 * resolves; it leaves searches and can no longer be booked. One transaction, one audit row.
 */
export async function mergePatients(
  db: Db,
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<PatientsMerged> {
  const staff = await requireRole(db, actor, FRONT_DESK, "patients.merge");
  const { patientId: mergedId, into: keptId } = mergePatientsSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    // both rows locked, in a fixed order, so two merges of the same pair cannot interleave
    const rows = await tx
      .select()
      .from(patients)
      .where(inArray(patients.id, [mergedId, keptId]))
      .orderBy(patients.id)
      .for("update");
    const merged = rows.find((r) => r.id === mergedId);
    const kept = rows.find((r) => r.id === keptId);
    if (!merged || !kept) throw new NotFound("We could not find that patient.");
    if (merged.mergedInto || kept.mergedInto)
      throw new Conflict("One of these records has already been merged. Reload the list.");
    const movedAppointments = await tx
      .update(appointments)
      .set({ patientId: keptId, updatedAt: now })
      .where(eq(appointments.patientId, mergedId))
      .returning({ id: appointments.id });
    const movedIntakes = await tx
      .update(intakeResponses)
      .set({ patientId: keptId })
      .where(eq(intakeResponses.patientId, mergedId))
      .returning({ id: intakeResponses.id });
    // records that pointed at the merged one now point at the one kept
    await tx
      .update(patients)
      .set({ possibleDuplicateOf: keptId })
      .where(and(eq(patients.possibleDuplicateOf, mergedId), sql`${patients.id} <> ${keptId}`));
    // first the merged row leaves the one-record-per-email-and-birthday index, then the kept one may take its place
    await tx
      .update(patients)
      .set({ mergedInto: keptId, possibleDuplicateOf: null, updatedAt: now })
      .where(eq(patients.id, mergedId));
    if (kept.possibleDuplicateOf === mergedId)
      await tx.update(patients).set({ possibleDuplicateOf: null, updatedAt: now }).where(eq(patients.id, keptId));
    const moved = { appointments: movedAppointments.length, intakes: movedIntakes.length };
    await recordAudit(tx, staff, {
      action: "patients.merge",
      entityType: "patient",
      entityId: keptId,
      patientId: keptId,
      detail: { merged: mergedId, ...moved },
    });
    return { kept: keptId, merged: mergedId, moved };
  });
}
