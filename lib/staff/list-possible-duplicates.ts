import "server-only";
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { patients } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import type { PatientSummaryDto } from "./reception-types";
import { toPatientSummary } from "./search-patients";
import { FRONT_DESK, requireRole } from "./staff-access";

export interface PossibleDuplicateDto {
  /** The provisional record an online booking made. */
  patient: PatientSummaryDto & { createdAt: string };
  /** The patient of record whose email and date of birth it matched. */
  possibleDuplicateOf: PatientSummaryDto;
}

const LIMIT = 200;

/** The provisional records still to be merged or kept apart, oldest first. Reception and admins only. */
export async function listPossibleDuplicates(db: Db, actor: Actor): Promise<{ duplicates: PossibleDuplicateDto[] }> {
  await requireRole(db, actor, FRONT_DESK, "patients.duplicates");
  const match = alias(patients, "match");
  const rows = await db
    .select({ p: patients, m: match })
    .from(patients)
    .innerJoin(match, eq(match.id, patients.possibleDuplicateOf))
    .where(
      and(isNotNull(patients.possibleDuplicateOf), isNull(patients.duplicateReviewedAt), isNull(patients.mergedInto)),
    )
    .orderBy(asc(patients.createdAt), asc(patients.id))
    .limit(LIMIT);
  return {
    duplicates: rows.map(({ p, m }) => ({
      patient: { ...toPatientSummary(p, null), createdAt: p.createdAt.toISOString() },
      possibleDuplicateOf: toPatientSummary(m, null),
    })),
  };
}
