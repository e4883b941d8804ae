import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { compiledStatement, type Db, pipeline, placeholders, planOncePerConnection, rowsOf, type Tx } from "@/db/client";
import { appointments, classes, patients, triages } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { SlotUnavailable, sqlConstraint, sqlState, ValidationFailed } from "@/lib/errors";
import { hashToken, newToken } from "@/lib/security/tokens";
import { publishBookingEvent } from "./booking-events";
import { type BookingDto, bookingDto, intakeUrl, manageUrl } from "./booking-dto";
import { assertInsideBookingWindow } from "./booking-rules";
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from "./idempotency";
import { loadSlotQuery } from "./load-slot-query";
import { addDays } from "./local-time";
import { createBookingSchema, type CreateBookingInput } from "./schemas";
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
}

/** Books one appointment. The slot is re-checked inside the transaction; the exclusion constraint settles races. */
export async function bookAppointment(db: Db, actor: Actor, rawInput: unknown, opts: BookOptions = {}): Promise<{ status: number; body: BookingCreated }> {
  const input = createBookingSchema.parse(rawInput);
  const now = opts.now ?? new Date();
  const isStaff = actor.kind === "staff";
  try {
    return await db.transaction(async (tx) => {
      const bodyHash = requestHash(input);
      if (opts.idempotencyKey) {
        const replay = await claimIdempotencyKey(tx, opts.idempotencyKey, bodyHash);
        if (replay) return replay as { status: number; body: BookingCreated };
      }
      const result = await insertBooking(tx, actor, input, now, isStaff, opts.source ?? (isStaff ? "phone" : "online"));
      if (opts.idempotencyKey) await storeIdempotentResponse(tx, opts.idempotencyKey, bodyHash, 201, result);
      return { status: 201, body: result };
    });
  } catch (error) {
    throw mapBookingError(error);
  }
}

/** Lost races and full classes become a clean 409; anything else is re-thrown untouched. */
export function mapBookingError(error: unknown): unknown {
  const state = sqlState(error);
  if (state === "23P01") return new SlotUnavailable();
  if (state === "23514" && (sqlConstraint(error) === "classes_not_over_full" || String((error as Error).message).includes("classes_not_over_full"))) {
    return new SlotUnavailable("That class has just filled up. Please choose another time.");
  }
  return error;
}

/**
 * The booking in three round trips: the catalog and schedule (one statement) with the patient (and triage) lookups,
 * then the appointment with its audit row and email jobs, then commit. Everything inside one transaction.
 */
async function insertBooking(tx: Tx, actor: Actor, input: CreateBookingInput, now: Date, isStaff: boolean, source: "online" | "phone" | "staff"): Promise<BookingCreated> {
  const start = new Date(input.start);
  // The location's zone is not known before the read, so it covers the UTC date either side; the engine checks
  // the one local day the time falls on.
  const utcDay = start.toISOString().slice(0, 10);
  const [, { query, location, service, practitionerIds }, patientId, triageKnown] = await pipeline(
    planOncePerConnection(tx),
    loadSlotQuery(tx, { ...input, from: addDays(utcDay, -1), to: addDays(utcDay, 1), now, ignoreMinNotice: isStaff }),
    matchPatient(tx, input.patient),
    input.triage ? tx.select({ id: triages.id }).from(triages).where(eq(triages.id, input.triage)).then((r) => r.length > 0) : Promise.resolve(true),
  );
  assertInsideBookingWindow(start, query.service, now, { ignoreMinNotice: isStaff, phone: location.phone });

  const candidates = input.practitioner ? [input.practitioner] : [...query.practitioners].sort();
  const slot = candidates.map((p) => isSlotAvailable(query, start, p)).find((s) => s !== null);
  if (!slot) throw new SlotUnavailable("That time is not available. Please choose another.");
  if (!triageKnown) throw new ValidationFailed({ triage: "Not a known triage" });
  const practitionerId = practitionerIds.get(slot.practitioner)!;

  let classId: string | null = null;
  if (service.capacity > 1) {
    await tx.insert(classes).values({ serviceId: service.id, locationId: location.id, practitionerId, startsAt: slot.start, endsAt: slot.end, capacity: service.capacity }).onConflictDoNothing();
    const [cls] = await tx.select({ id: classes.id }).from(classes).where(and(eq(classes.practitionerId, practitionerId), eq(classes.startsAt, slot.start)));
    classId = cls!.id;
  }
  const id = randomUUID();
  const manageToken = newToken();
  const intakeToken = newToken();
  const links = { manageUrl: manageUrl(manageToken), intakeUrl: intakeUrl(intakeToken) };
  // Sent together, in whatever order they start; nothing here depends on the order. A refused appointment insert
  // (the exclusion constraint) aborts the transaction, and pipeline() reports its error before the others'.
  await pipeline(
    insertAppointment.run(tx, {
      id, serviceId: service.id, locationId: location.id, practitionerId, patientId, classId, during: { start: slot.start, end: slot.end },
      blocked: blockedInterval(slot.start, query.service), source, notes: input.notes ?? null, triageId: input.triage ?? null,
      manageTokenHash: hashToken(manageToken), intakeTokenHash: hashToken(intakeToken), createdByUserId: actor.kind === "staff" ? actor.userId : null,
    }),
    recordAudit(tx, actor, { action: "appointment.book", entityType: "appointment", entityId: id, patientId, detail: { source, service: service.slug, location: location.slug } }),
    publishBookingEvent(tx, { kind: "booked", appointmentId: id, startsAt: slot.start, ...links }, now),
  );
  const booking = bookingDto({
    id, status: "booked", service: service.slug, location: location.slug, practitioner: slot.practitioner, startsAt: slot.start, endsAt: slot.end, timezone: location.timezone,
  });
  return { booking, ...links };
}

const APPOINTMENT_FIELDS = [
  "id", "serviceId", "locationId", "practitionerId", "patientId", "classId", "during", "blocked", "source", "notes", "triageId", "manageTokenHash",
  "intakeTokenHash", "createdByUserId",
] as const;
type AppointmentField = (typeof APPOINTMENT_FIELDS)[number];

// Built by drizzle once: every booking runs it.
const insertAppointment = compiledStatement<{ [K in AppointmentField]: (typeof appointments.$inferInsert)[K] }>((db) =>
  db.insert(appointments).values(placeholders(APPOINTMENT_FIELDS)));

/** Finds the patient by email and date of birth, or adds them; the booker learns nothing either way. One statement. */
async function matchPatient(tx: Tx, p: CreateBookingInput["patient"]): Promise<string> {
  const found = rowsOf<{ id: string }>(await tx.execute(sql`
    with added as (
      insert into ${patients} (first_name, last_name, email, phone, date_of_birth)
      values (${p.firstName}, ${p.lastName}, ${p.email}, ${p.phone}, ${p.dateOfBirth})
      on conflict (email, date_of_birth) do nothing
      returning id)
    select id from added
    union all
    select id from ${patients} where email = ${p.email} and date_of_birth = ${p.dateOfBirth}
    limit 1`));
  if (found[0]) return found[0].id;
  // the same new patient booked at this instant by another transaction, committed after this statement began
  const [row] = await tx.select({ id: patients.id }).from(patients).where(and(eq(patients.email, p.email), eq(patients.dateOfBirth, p.dateOfBirth)));
  return row!.id;
}
