import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { compiledInsertMany, type Db, pipeline, planOncePerConnection, type Tx } from "@/db/client";
import { appointments, classes, patients, triages } from "@/db/schema";
import { type Actor, type AuditEntry, recordAudits } from "@/lib/audit/record-audit";
import { createBatcher, settle, type Settled } from "@/lib/batching";
import { SlotUnavailable, sqlConstraint, sqlState, ValidationFailed } from "@/lib/errors";
import { hashToken, newToken } from "@/lib/security/tokens";
import { type BookingEvent, publishBookingEvents } from "./booking-events";
import { type BookingDto, bookingDto, intakeUrl, manageUrl } from "./booking-dto";
import { assertInsideBookingWindow } from "./booking-rules";
import { claimIdempotencyKey, releaseIdempotencyKeys, requestHash, storeIdempotentResponse } from "./idempotency";
import { loadSlotQuery, type SlotContext } from "./load-slot-query";
import { matchPatient } from "./match-patient";
import { enforceOnlineBookingCaps } from "./online-booking-caps";
import { addDays } from "./local-time";
import { createBookingSchema, type CreateBookingInput } from "./schemas";
import type { BusyInterval, Slot } from "./slot-types";
import { blockedInterval, isSlotAvailable } from "./slots";

export interface BookingCreated {
  booking: BookingDto;
  manageUrl: string;
  intakeUrl: string;
}

export interface BookOptions {
  now?: Date;
  idempotencyKey?: string;
  /** Set when the booking arrives through the API, for the audit row. */
  source?: "online" | "phone" | "staff";
  /** Staff only: the existing patient chosen by id (lib/scheduling/match-patient.ts). */
  patientId?: string;
}

/**
 * Books one appointment. The slot is re-checked inside the transaction; the exclusion constraint settles races.
 * Bookings that arrive while others are being written are written together, in one transaction (see bookTogether).
 */
export async function bookAppointment(db: Db, actor: Actor, rawInput: unknown, opts: BookOptions = {}): Promise<{ status: number; body: BookingCreated }> {
  const input = createBookingSchema.parse(rawInput);
  return batcherFor(db)({ actor, input, now: opts.now ?? new Date(), opts });
}

/** A booking waiting to be written: its parsed input and everything its own transaction would need. */
interface PendingBooking {
  actor: Actor;
  input: CreateBookingInput;
  now: Date;
  opts: BookOptions;
}

type Booked = { status: number; body: BookingCreated };

// One batcher per database, so bookings group only with bookings bound for the same one.
const batchers = new WeakMap<Db, (booking: PendingBooking) => Promise<Booked>>();
function batcherFor(db: Db) {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = createBatcher<PendingBooking, Booked>((items) => bookBatch(db, items), { maxSize: BATCH_SIZE, maxInFlight: BATCHES_IN_FLIGHT });
    batchers.set(db, batcher);
  }
  return batcher;
}
const BATCH_SIZE = 16;
const BATCHES_IN_FLIGHT = 2;

async function bookBatch(db: Db, items: PendingBooking[]): Promise<Settled<Booked>[]> {
  if (items.length === 1) return [await settle(bookAlone(db, items[0]!))];
  let outcomes: BatchOutcome[];
  try {
    outcomes = await db.transaction((tx) => bookTogether(tx, items));
  } catch {
    // The batch rolled back as a whole: it lost a race with another process, or met a twin Idempotency-Key there.
    // Each booking then runs again in its own transaction, which settles it exactly as if it had come alone.
    return Promise.all(items.map((item) => settle(bookAlone(db, item))));
  }
  // a class place, or a repeat of an Idempotency-Key in the same batch, goes alone once the batch has committed
  return Promise.all(outcomes.map((o, i) => (o === "alone" ? settle(bookAlone(db, items[i]!)) : o)));
}

/** One booking in its own transaction. */
async function bookAlone(db: Db, { actor, input, now, opts }: PendingBooking): Promise<Booked> {
  const isStaff = actor.kind === "staff";
  try {
    return await db.transaction(async (tx) => {
      const bodyHash = opts.idempotencyKey ? requestHash(input) : "";
      if (opts.idempotencyKey) {
        const replay = await claimIdempotencyKey(tx, opts.idempotencyKey, bodyHash);
        if (replay) return replay as Booked;
      }
      const [, read] = await pipeline(planOncePerConnection(tx), readBooking(tx, input, now, isStaff, opts.patientId));
      const choice = chooseSlot(read, input, now, isStaff);
      if (read.service.capacity > 1) choice.classId = await classFor(tx, read, choice);
      const write = bookingWrite(actor, input, read, choice, sourceOf(actor, opts), now);
      await pipeline(...startWrites(tx, [write]));
      if (opts.idempotencyKey) await storeIdempotentResponse(tx, opts.idempotencyKey, bodyHash, 201, write.result);
      return { status: 201, body: write.result };
    });
  } catch (error) {
    throw mapBookingError(error);
  }
}

type BatchOutcome = Settled<Booked> | "alone";

/**
 * Several bookings in one transaction: one round trip for every booking's reads, one for every accepted booking's
 * writes, then the commit. A booking refused here (a taken time, the wrong window) leaves nothing behind: its
 * Idempotency-Key claim and any patient row only it added are removed again before the commit. Any database error
 * throws, and the caller runs each booking alone instead.
 */
async function bookTogether(tx: Tx, items: PendingBooking[]): Promise<BatchOutcome[]> {
  // a repeat of an Idempotency-Key already in the batch waits, and then replays the first answer
  const alone = items.map(({ opts: { idempotencyKey: key } }, i) => !!key && items.findIndex((other) => other.opts.idempotencyKey === key) < i);
  const hashes = items.map(({ input, opts }) => (opts.idempotencyKey ? requestHash(input) : ""));
  const [, reads] = await pipeline(
    planOncePerConnection(tx),
    Promise.all(items.map(async ({ actor, input, now, opts }, i) => {
      if (alone[i]) return null;
      const claim = opts.idempotencyKey ? claimIdempotencyKey(tx, opts.idempotencyKey, hashes[i]!) : Promise.resolve(null);
      const r = startReads(tx, input, now, actor.kind === "staff", opts.patientId);
      const [claimed, context, patient, triageKnown] = await Promise.all([settle(claim), settle(r.context), settle(r.patient), settle(r.triageKnown)]);
      return { claimed, context, patient, triageKnown };
    })),
  );
  // Nothing is written yet, so a database error can still fail the batch cleanly (its writes would be left running).
  for (const read of reads) for (const r of Object.values(read ?? {})) if (!r.ok && sqlState(r.error)) throw r.error;
  // the bookings accepted so far in this batch, as busy time for the ones after them
  const taken: BusyInterval[] = [];
  const accepted: BookingWrite[] = [];
  const writes: Promise<unknown>[] = [];
  const unclaim: string[] = [];
  const patientsAdded = new Set<string>();
  const patientsUsed = new Set<string>();
  /** Checks the booking against this batch's schedule and starts its writes; a refusal is its answer. */
  const accept = ({ actor, input, now, opts }: PendingBooking, read: BookingRead, bodyHash: string): Settled<Booked> => {
    try {
      const choice = chooseSlot({ ...read, query: { ...read.query, busy: [...read.query.busy, ...taken] } }, input, now, actor.kind === "staff");
      const write = bookingWrite(actor, input, read, choice, sourceOf(actor, opts), now);
      accepted.push(write);
      if (opts.idempotencyKey) writes.push(storeIdempotentResponse(tx, opts.idempotencyKey, bodyHash, 201, write.result));
      taken.push({ practitioner: choice.slot.practitioner, ...blockedInterval(choice.slot.start, read.query.service) });
      patientsUsed.add(read.patientId);
      return { ok: true, value: { status: 201, body: write.result } };
    } catch (error) {
      return { ok: false, error: mapBookingError(error) };
    }
  };
  const outcomes = items.map((item, i): BatchOutcome => {
    const read = reads[i];
    if (!read) return "alone";
    const { claimed, context, patient, triageKnown } = read;
    if (patient.ok && patient.value.added) patientsAdded.add(patient.value.id);
    if (!claimed.ok) return { ok: false, error: claimed.error };
    if (claimed.value) return { ok: true, value: claimed.value as Booked };
    const key = item.opts.idempotencyKey;
    let outcome: BatchOutcome;
    if (!context.ok) outcome = { ok: false, error: mapBookingError(context.error) };
    else if (!patient.ok) outcome = { ok: false, error: patient.error };
    else if (!triageKnown.ok) outcome = { ok: false, error: triageKnown.error };
    else if (context.value.service.capacity > 1) outcome = "alone";
    else outcome = accept(item, { ...context.value, patientId: patient.value.id, patientAdded: patient.value.added, triageKnown: triageKnown.value }, hashes[i]!);
    // a refused booking gives its key back, as its rollback would have
    if (key && (outcome === "alone" || !outcome.ok)) unclaim.push(key);
    return outcome;
  });
  const orphans = [...patientsAdded].filter((id) => !patientsUsed.has(id));
  if (orphans.length > 0) writes.push(tx.delete(patients).where(inArray(patients.id, orphans)));
  if (unclaim.length > 0) writes.push(releaseIdempotencyKeys(tx, unclaim));
  if (accepted.length > 0) writes.push(...startWrites(tx, accepted));
  await pipeline(...writes);
  return outcomes;
}

const sourceOf = (actor: Actor, opts: BookOptions) => opts.source ?? (actor.kind === "staff" ? "phone" : "online");

/** Lost races and full classes become a clean 409; anything else is re-thrown untouched. */
export function mapBookingError(error: unknown): unknown {
  const state = sqlState(error);
  if (state === "23P01") return new SlotUnavailable();
  if (state === "23514" && (sqlConstraint(error) === "classes_not_over_full" || String((error as Error).message).includes("classes_not_over_full"))) {
    return new SlotUnavailable("That class has just filled up. Please choose another time.");
  }
  return error;
}

type BookingRead = SlotContext & { patientId: string; patientAdded: boolean; triageKnown: boolean };

/** A booking's reads, started together: the catalog and schedule (one statement), the patient and the triage. */
async function readBooking(tx: Tx, input: CreateBookingInput, now: Date, isStaff: boolean, patientId?: string): Promise<BookingRead> {
  const reads = startReads(tx, input, now, isStaff, patientId);
  const [context, patient, triageKnown] = await pipeline(reads.context, reads.patient, reads.triageKnown);
  return { ...context, patientId: patient.id, patientAdded: patient.added, triageKnown };
}

function startReads(tx: Tx, input: CreateBookingInput, now: Date, isStaff: boolean, patientId?: string) {
  // The location's zone is not known before the read, so it covers the UTC date either side; the engine checks
  // the one local day the time falls on.
  const utcDay = new Date(input.start).toISOString().slice(0, 10);
  return {
    context: pipeline(
      loadSlotQuery(tx, { ...input, from: addDays(utcDay, -1), to: addDays(utcDay, 1), now, ignoreMinNotice: isStaff }),
      enforceOnlineBookingCaps(tx, input.patient, { now, online: !isStaff }),
    ).then(([context]) => context),
    patient: matchPatient(tx, input.patient, { online: !isStaff, patientId: isStaff ? patientId : undefined }),
    triageKnown: input.triage ? tx.select({ id: triages.id }).from(triages).where(eq(triages.id, input.triage)).then((r) => r.length > 0) : Promise.resolve(true),
  };
}

interface SlotChoice {
  slot: Slot;
  practitionerId: string;
  classId: string | null;
}

/** The slot the booking asks for, checked against the rules and the schedule just read; throws when it is not free. */
function chooseSlot(read: BookingRead, input: CreateBookingInput, now: Date, isStaff: boolean): SlotChoice {
  const { query, location, practitionerIds } = read;
  const start = new Date(input.start);
  assertInsideBookingWindow(start, query.service, now, { ignoreMinNotice: isStaff, phone: location.phone });
  const candidates = input.practitioner ? [input.practitioner] : [...query.practitioners].sort();
  const slot = candidates.map((p) => isSlotAvailable(query, start, p)).find((s) => s !== null);
  if (!slot) throw new SlotUnavailable("That time is not available. Please choose another.");
  if (!read.triageKnown) throw new ValidationFailed({ triage: "Not a known triage" });
  return { slot, practitionerId: practitionerIds.get(slot.practitioner)!, classId: null };
}

/** The class this place belongs to, created with the first place booked in it. */
async function classFor(tx: Tx, { service, location }: BookingRead, { slot, practitionerId }: SlotChoice): Promise<string> {
  await tx.insert(classes).values({ serviceId: service.id, locationId: location.id, practitionerId, startsAt: slot.start, endsAt: slot.end, capacity: service.capacity }).onConflictDoNothing();
  const [cls] = await tx.select({ id: classes.id }).from(classes).where(and(eq(classes.practitionerId, practitionerId), eq(classes.startsAt, slot.start)));
  return cls!.id;
}

/** What a booking writes (the appointment, its audit row and its booking event), and the answer the booker gets. */
interface BookingWrite {
  appointment: AppointmentRow;
  audit: { actor: Actor; entry: AuditEntry };
  event: BookingEvent;
  result: BookingCreated;
}

function bookingWrite(actor: Actor, input: CreateBookingInput, read: BookingRead, choice: SlotChoice, source: "online" | "phone" | "staff", now: Date): BookingWrite {
  const { service, location, query, patientId } = read;
  const { slot, practitionerId, classId } = choice;
  const id = randomUUID();
  const manageToken = newToken();
  const intakeToken = newToken();
  const links = { manageUrl: manageUrl(manageToken), intakeUrl: intakeUrl(intakeToken) };
  const booking = bookingDto({
    id, status: "booked", service: service.slug, location: location.slug, practitioner: slot.practitioner, startsAt: slot.start, endsAt: slot.end, timezone: location.timezone,
  });
  return {
    appointment: {
      id, serviceId: service.id, locationId: location.id, practitionerId, patientId, classId, during: { start: slot.start, end: slot.end },
      blocked: blockedInterval(slot.start, query.service), source, notes: input.notes ?? null, triageId: input.triage ?? null,
      manageTokenHash: hashToken(manageToken), intakeTokenHash: hashToken(intakeToken), createdByUserId: actor.kind === "staff" ? actor.userId : null,
    },
    audit: { actor, entry: { action: "appointment.book", entityType: "appointment", entityId: id, patientId, detail: { source, service: service.slug, location: location.slug } } },
    event: { kind: "booked", appointmentId: id, startsAt: slot.start, ...links, now },
    result: { booking, ...links },
  };
}

/**
 * Starts the writes of bookings made in one transaction: each kind of row in one statement. Nothing here depends
 * on the order they run in; a refused appointment (the exclusion constraint) aborts the transaction.
 */
function startWrites(tx: Tx, writes: BookingWrite[]): Promise<unknown>[] {
  return [
    insertAppointments.run(tx, writes.map((w) => w.appointment)),
    recordAudits(tx, writes.map((w) => w.audit)),
    publishBookingEvents(tx, writes.map((w) => w.event)),
  ];
}

const APPOINTMENT_FIELDS = [
  "id", "serviceId", "locationId", "practitionerId", "patientId", "classId", "during", "blocked", "source", "notes", "triageId", "manageTokenHash",
  "intakeTokenHash", "createdByUserId",
] as const;
type AppointmentField = (typeof APPOINTMENT_FIELDS)[number];
type AppointmentRow = { [K in AppointmentField]: (typeof appointments.$inferInsert)[K] };

// Built by drizzle once: every booking runs it.
const insertAppointments = compiledInsertMany(appointments, APPOINTMENT_FIELDS);
