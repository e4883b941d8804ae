import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { rowsOf, type Tx } from "@/db/client";
import { patients } from "@/db/schema";
import { ValidationFailed } from "@/lib/errors";
import type { PatientDetails } from "./schemas";

/** Who a booking is for: new or returning details (matched by email and date of birth), or a patient staff picked. */
export type BookingPatient = PatientDetails | { id: string };

/** The patient's id, adding the patient when the details are new. The booker learns nothing about a match. */
export async function patientIdFor(tx: Tx, patient: BookingPatient): Promise<string> {
  if ("id" in patient) {
    const [row] = await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, patient.id));
    if (!row) throw new ValidationFailed({ patientId: "That patient no longer exists. Search again." });
    return row.id;
  }
  const p = patient;
  const [found] = rowsOf<{ id: string }>(await tx.execute(sql`
    with added as (
      insert into ${patients} (first_name, last_name, email, phone, date_of_birth)
      values (${p.firstName}, ${p.lastName}, ${p.email}, ${p.phone}, ${p.dateOfBirth})
      on conflict (email, date_of_birth) do nothing
      returning id)
    select id from added
    union all
    select id from ${patients} where email = ${p.email} and date_of_birth = ${p.dateOfBirth}
    limit 1`));
  if (found) return found.id;
  // the same new patient booked at this instant by another transaction, committed after this statement began
  const [row] = await tx.select({ id: patients.id }).from(patients).where(and(eq(patients.email, p.email), eq(patients.dateOfBirth, p.dateOfBirth)));
  return row!.id;
}
