import "server-only";
import { and, asc, eq, ilike, inArray, isNull, min, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, patients } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { patientSearchSchema } from "./reception-schemas";
import type { PatientSummaryDto } from "./reception-types";
import { FRONT_DESK, requireRole } from "./staff-access";

const LIMIT = 25;

/** Escapes LIKE wildcards so "50%" or "a_b" match literally. */
const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** What the search box holds: a date of birth (YYYY-MM-DD or DD/MM/YYYY), an email, a phone number or a name. */
function matcher(q: string): SQL | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(q);
  const au = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(q);
  if (iso) return eq(patients.dateOfBirth, q);
  if (au) return eq(patients.dateOfBirth, `${au[3]}-${au[2]!.padStart(2, "0")}-${au[1]!.padStart(2, "0")}`);
  if (q.includes("@")) return ilike(patients.email, `%${like(q.toLowerCase())}%`);
  const digits = q.replace(/[\s()+-]/g, "");
  if (/^\d{3,}$/.test(digits)) {
    const local = digits.startsWith("61") && digits.length > 9 ? `0${digits.slice(2)}` : digits;
    return sql`regexp_replace(${patients.phone}, '[^0-9]', '', 'g') like ${`%${like(local)}%`}`;
  }
  // every word must start the first or the last name: "ana lee", "lee a"
  const words = q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4);
  return and(
    ...words.map((w) => or(ilike(patients.firstName, `${like(w)}%`), ilike(patients.lastName, `${like(w)}%`))),
  );
}

/** Finds patients by name, phone, email or date of birth, with their next booked visit. Reception and admins only. */
export async function searchPatients(
  db: Db,
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<{ patients: PatientSummaryDto[] }> {
  await requireRole(db, actor, FRONT_DESK, "patients.search");
  const { q } = patientSearchSchema.parse(rawInput);
  const rows = await db
    .select()
    .from(patients)
    .where(and(matcher(q), isNull(patients.mergedInto)))
    .orderBy(asc(patients.lastName), asc(patients.firstName), asc(patients.dateOfBirth))
    .limit(LIMIT);
  const next = rows.length
    ? await db
        .select({ patientId: appointments.patientId, at: min(appointments.startsAt) })
        .from(appointments)
        .where(
          and(
            inArray(
              appointments.patientId,
              rows.map((r) => r.id),
            ),
            eq(appointments.status, "booked"),
            sql`${appointments.startsAt} > ${now.toISOString()}::timestamptz`,
          ),
        )
        .groupBy(appointments.patientId)
    : [];
  const nextBy = new Map(next.map((n) => [n.patientId, n.at]));
  return { patients: rows.map((p) => toPatientSummary(p, nextBy.get(p.id) ?? null)) };
}

export function toPatientSummary(p: typeof patients.$inferSelect, next: Date | null): PatientSummaryDto {
  return {
    id: p.id,
    name: `${p.firstName} ${p.lastName}`,
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    phone: p.phone,
    dateOfBirth: p.dateOfBirth,
    nextAppointment: next ? new Date(next).toISOString() : null,
    possibleDuplicateOf: p.possibleDuplicateOf,
    mergedInto: p.mergedInto,
  };
}
