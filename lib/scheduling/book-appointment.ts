import "server-only";
import { type Db, pipeline, planOncePerConnection } from "@/db/client";
import type { BookingSource } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import type { BookingCreated } from "./booking-dto";
import { chooseSlot, readSlotContext } from "./booking-slot";
import { assertTriageAllowsBooking, triageRoute } from "./booking-triage";
import { classFor } from "./class-for";
import { claimIdempotencyKey, requestHash, storeIdempotentResult } from "./idempotency";
import { type BookingPatient, matchPatient } from "./match-patient";
import { enforceOnlineBookingCaps } from "./online-booking-caps";
import { refusalOf, retryingDeadlocks } from "./refusals";
import { createBookingSchema, type CreateBookingInput } from "./schemas";
import { writeBooking } from "./write-booking";

export type { BookingCreated };

export interface BookOptions {
  now?: Date;
  /** A retry with the same key and body gets the first result back, never a second booking. */
  idempotencyKey?: string;
  /** Where the booking came from, for the audit row: online unless staff made it. */
  source?: BookingSource;
  /** Booking through this open wait-list offer: its own hold does not block it (every other hold does). */
  viaOfferId?: string;
}

/** What to book: the API's body, except that staff may name a patient they found by id. */
export type BookingRequest = Omit<CreateBookingInput, "patient"> & { patient: BookingPatient };

/** Books one appointment from the API's body (see placeBooking). */
export async function bookAppointment(
  db: Db,
  actor: Actor,
  rawInput: unknown,
  opts: BookOptions = {},
): Promise<BookingCreated> {
  return placeBooking(db, actor, createBookingSchema.parse(rawInput), opts);
}

/**
 * Books one appointment in one transaction: claim the Idempotency-Key, read the slot's context, choose the slot,
 * then write the appointment, its audit row and its booking event. The slot is checked against what was read; the
 * exclusion constraint (or a class's counter) settles a race with another booking, and a refusal rolls back all of
 * it, patient and key claim included. A transaction Postgres ends to break a deadlock among racing bookings runs again.
 */
export async function placeBooking(
  db: Db,
  actor: Actor,
  input: BookingRequest,
  opts: BookOptions = {},
): Promise<BookingCreated> {
  const now = opts.now ?? new Date();
  const byStaff = actor.kind === "staff";
  try {
    return await retryingDeadlocks(() =>
      db.transaction(async (tx) => {
        const key = opts.idempotencyKey;
        const bodyHash = key ? requestHash(input) : "";
        const replay = key ? await claimIdempotencyKey<BookingCreated>(tx, key, bodyHash) : null;
        if (replay) return replay;
        // one round trip: the patient is matched (or added) alongside the reads, and a refusal rolls it back
        const online = !byStaff;
        const [, context, , triage, patient] = await pipeline(
          planOncePerConnection(tx),
          readSlotContext(tx, input, now, byStaff, opts.viaOfferId),
          "id" in input.patient || !online
            ? Promise.resolve()
            : enforceOnlineBookingCaps(tx, input.patient as CreateBookingInput["patient"], { now, online }),
          triageRoute(tx, input.triage),
          matchPatient(tx, input.patient, { online }),
        );
        const slot = chooseSlot(context, input, now, byStaff);
        assertTriageAllowsBooking(triage, online);
        const practitionerId = context.practitionerIds.get(slot.practitioner)!;
        const classId = await classFor(tx, context, slot, practitionerId);
        const created = await writeBooking(tx, actor, {
          input,
          context,
          slot,
          practitionerId,
          patientId: patient.id,
          notify: patient.hasEmail,
          classId,
          now,
          source: opts.source ?? (byStaff ? "phone" : input.referral ? "referral" : "online"),
        });
        if (key) await storeIdempotentResult(tx, key, bodyHash, created);
        return created;
      }),
    );
  } catch (error) {
    throw refusalOf(error);
  }
}
