import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Tx } from "@/db/client";
import { env } from "@/lib/env";
import { NotBookableOnline } from "@/lib/errors";
import type { CreateBookingInput } from "./schemas";

/**
 * An email address as the caps count it: lower-cased, with any `+tag` in the local part removed, so that
 * ana+1@example.com and Ana@example.com are one inbox. Postgres spells the same thing in countFutureBookings (and the
 * index patients_normalised_email_idx); keep the two in step.
 */
export function normaliseEmail(email: string): string {
  return email
    .trim()
    .toLowerCase()
    .replace(/\+[^@]*@/, "@");
}

// Bookings of one transaction that passed the check but are not written yet (several bookings written together
// in one transaction cannot see each other's rows): counted too, so a batch cannot slip past the cap.
const pendingByTx = new WeakMap<Tx, Map<string, number>>();

/**
 * Anti-automation for online bookings (finding 8): at most ONLINE_FUTURE_BOOKINGS_MAX future bookings per email
 * address and per patient (a patient of record with its provisional records). Runs inside the booking's
 * transaction, under an advisory lock on the normalised address, so parallel bookings for one inbox queue here and
 * each counts the ones committed before it. Staff bookings are not capped.
 */
export async function enforceOnlineBookingCaps(
  tx: Tx,
  patient: CreateBookingInput["patient"],
  { now, online, max = env.ONLINE_FUTURE_BOOKINGS_MAX }: { now: Date; online: boolean; max?: number },
): Promise<void> {
  if (!online) return;
  const email = normaliseEmail(patient.email);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`online-booking:${email}`}, 0))`);
  const { byEmail, byPatient } = await countFutureBookings(tx, email, patient, now);
  const pending = pendingByTx.get(tx) ?? new Map<string, number>();
  pendingByTx.set(tx, pending);
  const before = pending.get(email) ?? 0;
  if (Math.max(byEmail, byPatient) + before >= max) {
    throw new NotBookableOnline(
      `You already have ${max} upcoming appointments booked online, the most we take online for one person or email address. ` +
        "To book another, please call the clinic and we will help you.",
    );
  }
  pending.set(email, before + 1);
}

async function countFutureBookings(
  tx: Tx,
  email: string,
  p: CreateBookingInput["patient"],
  now: Date,
): Promise<{ byEmail: number; byPatient: number }> {
  const [row] = rowsOf<{ by_email: number | string; by_patient: number | string }>(
    await tx.execute(sql`
    select
      (select count(*) from appointments a join patients p on p.id = a.patient_id
        where regexp_replace(p.email, '\\+[^@]*@', '@') = ${email}
          and a.status = 'booked' and a.starts_at > ${now.toISOString()}::timestamptz) as by_email,
      (select count(*) from appointments a join patients p on p.id = a.patient_id
        where coalesce(p.possible_duplicate_of, p.id) in (
            select coalesce(q.possible_duplicate_of, q.id) from patients q
            where q.email = ${p.email} and q.date_of_birth = ${p.dateOfBirth} and q.merged_into is null)
          and a.status = 'booked' and a.starts_at > ${now.toISOString()}::timestamptz) as by_patient`),
  );
  return { byEmail: Number(row?.by_email ?? 0), byPatient: Number(row?.by_patient ?? 0) };
}
