import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { type Db, pipeline, planOncePerConnection, type Tx } from "@/db/client";
import { appointments, type BookingSource, triages } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit/record-audit";
import { NotBookableOnline, SlotUnavailable, ValidationFailed } from "@/lib/errors";
import { hashToken, newToken } from "@/lib/security/tokens";
import { publishBookingEvent } from "./booking-events";
import { type BookingDto, bookingDto, intakeUrl, manageUrl } from "./booking-dto";
import { assertInsideBookingWindow, staffOnlyMessage } from "./booking-rules";
import { classFor } from "./class-for";
import { claimIdempotencyKey, requestHash, storeIdempotentResult } from "./idempotency";
import { loadSlotQuery, type SlotContext } from "./load-slot-query";
import { addDays } from "./local-time";
import { type BookingPatient, matchPatient } from "./match-patient";
import { enforceOnlineBookingCaps } from "./online-booking-caps";
import { refusalOf } from "./refusals";
import { createBookingSchema, type CreateBookingInput } from "./schemas";
import type { Slot } from "./slot-types";
import { blockedInterval, isSlotAvailable } from "./slots";

/** A booking made: what the booker sees, with the patient's secret links. */
export interface BookingCreated {
  booking: BookingDto;
  manageUrl: string;
  intakeUrl: string;
}

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
 * it, patient and key claim included.
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
    return await db.transaction(async (tx) => {
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
      if (triage === "unknown") throw new ValidationFailed({ triage: "Not a known triage" });
      // A patient told to call 000 or see a GP today is not booked online, however they reach the confirm button;
      // reception can still book them by phone.
      if (online && triage !== null && STOPS_ONLINE_BOOKING.has(triage)) throw new NotBookableOnline(STOPPED_MESSAGE);
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
    });
  } catch (error) {
    throw refusalOf(error);
  }
}

/** The catalog and schedule around the time asked for, in one statement. */
function readSlotContext(
  tx: Tx,
  input: BookingRequest,
  now: Date,
  byStaff: boolean,
  viaOfferId?: string,
): Promise<SlotContext> {
  // The location's zone is not known before the read, so it covers the UTC date either side; the engine checks
  // the one local day the time falls on.
  const utcDay = new Date(input.start).toISOString().slice(0, 10);
  return loadSlotQuery(tx, {
    ...input,
    from: addDays(utcDay, -1),
    to: addDays(utcDay, 1),
    now,
    ignoreMinNotice: byStaff,
    // an open wait-list offer keeps its time from the public; the front desk may still book over it
    holds: byStaff ? { respect: false } : { respect: true, exceptOfferId: viaOfferId },
  });
}

/** Triage routes that stop online booking (and joining the wait list, lib/waitlist/join-waitlist.ts). */
export const STOPS_ONLINE_BOOKING: ReadonlySet<string> = new Set(["emergency", "urgent-care"]);
const STOPPED_MESSAGE =
  "Your answers to our questions mean it isn't safe to wait for a booked appointment. If it is an emergency, " +
  "call 000 now; otherwise please see a GP or an urgent care clinic today, or call us and we will help you.";

/** The route the booking's triage took; null without one, "unknown" for an id that is not a triage. */
async function triageRoute(tx: Tx, triageId: string | undefined): Promise<string | null> {
  if (!triageId) return null;
  const [row] = await tx.select({ route: triages.route }).from(triages).where(eq(triages.id, triageId));
  return row?.route ?? "unknown";
}

/** The slot the booking asks for, checked against the booking window and the schedule just read. */
function chooseSlot(
  { query, location, service }: SlotContext,
  input: BookingRequest,
  now: Date,
  byStaff: boolean,
): Slot {
  // a service set up as "bookable by staff only" is booked over the phone, never online
  if (!byStaff && !service.bookableOnline) throw new NotBookableOnline(staffOnlyMessage(location.phone));
  const start = new Date(input.start);
  assertInsideBookingWindow(start, query.service, now, { ignoreMinNotice: byStaff, phone: location.phone });
  const candidates = input.practitioner ? [input.practitioner] : [...query.practitioners].sort();
  const slot = candidates.map((p) => isSlotAvailable(query, start, p)).find((s) => s !== null);
  if (!slot) throw new SlotUnavailable("That time is not available. Please choose another.");
  return slot;
}

interface BookingWrite {
  input: BookingRequest;
  context: SlotContext;
  slot: Slot;
  practitionerId: string;
  patientId: string;
  /** False for a patient without email: no booking emails are queued. */
  notify: boolean;
  classId: string | null;
  now: Date;
  source: NonNullable<BookOptions["source"]>;
}

/** The appointment, its audit row and its booking event, sent together; a refused appointment fails the lot. */
async function writeBooking(tx: Tx, actor: Actor, w: BookingWrite): Promise<BookingCreated> {
  const { service, location, query } = w.context;
  const id = randomUUID();
  const manageToken = newToken();
  const intakeToken = newToken();
  const links = { manageUrl: manageUrl(manageToken), intakeUrl: intakeUrl(intakeToken) };
  await pipeline(
    tx.insert(appointments).values({
      id,
      serviceId: service.id,
      locationId: location.id,
      practitionerId: w.practitionerId,
      patientId: w.patientId,
      classId: w.classId,
      during: { start: w.slot.start, end: w.slot.end },
      blocked: blockedInterval(w.slot.start, query.service),
      source: w.source,
      // only an online booking keeps a directory's referral
      referralSource: w.source === "referral" ? (w.input.referral?.source ?? null) : null,
      bookingReferral: w.source === "referral" ? (w.input.referral?.bookingReferral ?? null) : null,
      notes: w.input.notes ?? null,
      triageId: w.input.triage ?? null,
      manageTokenHash: hashToken(manageToken),
      intakeTokenHash: hashToken(intakeToken),
      createdByUserId: actor.kind === "staff" ? actor.userId : null,
    }),
    recordAudit(tx, actor, {
      action: "appointment.book",
      entityType: "appointment",
      entityId: id,
      patientId: w.patientId,
      detail: { source: w.source, service: service.slug, location: location.slug },
    }),
    publishBookingEvent(tx, {
      kind: "booked",
      appointmentId: id,
      startsAt: w.slot.start,
      ...links,
      now: w.now,
      patientHasEmail: w.notify,
    }),
  );
  const booking = bookingDto({
    id,
    status: "booked",
    service: service.slug,
    location: location.slug,
    practitioner: w.slot.practitioner,
    startsAt: w.slot.start,
    endsAt: w.slot.end,
    timezone: location.timezone,
  });
  return { booking, ...links };
}
