import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { rowsOf, type Tx } from "@/db/client";
import { patients } from "@/db/schema";
import { ValidationFailed } from "@/lib/errors";
import type { PatientDetails, StaffPatientDetails } from "./schemas";

/**
 * Who a booking is for: details typed in (online, all of them; staff, perhaps without email or date of birth), or
 * (staff only) an existing patient chosen by id.
 */
export type BookingPatient = PatientDetails | StaffPatientDetails | { id: string };

/** The patient booked for, and whether they can be emailed (a phone booking may have no address). */
export interface MatchedPatient {
  id: string;
  hasEmail: boolean;
}

/**
 * The patient a booking is for. Staff choose an existing patient by id, or give details matched by email and date of
 * birth (they see the record anyway). An online booker proves nothing by knowing an email and a date of birth, so when
 * they match a patient the booking gets a new provisional record pointing at that patient (`possible_duplicate_of`):
 * the booker sees only what they typed, their answers stay out of the other record, and reception merges the two once
 * they know it is the same person (lib/staff/merge-patients.ts). Either way the booker learns nothing.
 */
export async function matchPatient(
  tx: Tx,
  p: BookingPatient,
  { online }: { online: boolean },
): Promise<MatchedPatient> {
  if ("id" in p) {
    const [row] = await tx
      .select({ id: patients.id, email: patients.email })
      .from(patients)
      .where(and(eq(patients.id, p.id), isNull(patients.mergedInto)));
    if (!row) throw new ValidationFailed({ patientId: "That patient no longer exists (or was merged). Search again." });
    return { id: row.id, hasEmail: !!row.email };
  }
  const hasEmail = !!p.email;
  const added = await addPatient(tx, p);
  if (added) return { id: added, hasEmail };
  // The email and date of birth belong to a patient on record (perhaps added by another booking at this instant).
  // Only when both were given: without either nothing conflicts, and the insert above always adds a record.
  if (online) {
    const [row] = rowsOf<{ id: string }>(await tx.execute(insertProvisional(p as PatientDetails)));
    return { id: row!.id, hasEmail };
  }
  const [row] = await tx
    .select({ id: patients.id })
    .from(patients)
    .where(
      and(
        eq(patients.email, p.email!),
        eq(patients.dateOfBirth, p.dateOfBirth!),
        isNull(patients.possibleDuplicateOf),
        isNull(patients.mergedInto),
      ),
    );
  return { id: row!.id, hasEmail };
}

/** Adds the patient of record for these details; null when there already is one. One statement. */
async function addPatient(tx: Tx, p: PatientDetails | StaffPatientDetails): Promise<string | null> {
  const [row] = rowsOf<{ id: string }>(
    await tx.execute(sql`
    insert into ${patients} (first_name, last_name, email, phone, date_of_birth)
    values (${p.firstName}, ${p.lastName}, ${p.email ?? null}, ${p.phone}, ${p.dateOfBirth ?? null})
    on conflict (email, date_of_birth) where possible_duplicate_of is null and merged_into is null do nothing
    returning id`),
  );
  return row?.id ?? null;
}

/** A provisional record for what the booker typed, pointing at the patient of record it matched. */
const insertProvisional = (p: PatientDetails) => sql`
  insert into ${patients} (first_name, last_name, email, phone, date_of_birth, possible_duplicate_of)
  select ${p.firstName}, ${p.lastName}, ${p.email}, ${p.phone}, ${p.dateOfBirth}, id from ${patients}
  where email = ${p.email} and date_of_birth = ${p.dateOfBirth} and possible_duplicate_of is null and merged_into is null
  returning id`;
