import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments, classes, patients, triages } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { SlotUnavailable, sqlConstraint, sqlState, ValidationFailed } from "@/lib/errors";
import { enqueueBookingNotifications } from "@/lib/notifications/enqueue";
import { hashToken, newToken } from "@/lib/security/tokens";
import { type BookingDto, intakeUrl, loadBookingDetail, manageUrl, toBookingDto } from "./booking-dto";
import { assertInsideBookingWindow } from "./booking-rules";
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from "./idempotency";
import { loadSlotQuery, locationTimezone } from "./load-slot-query";
import { localDateOf } from "./local-time";
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

async function insertBooking(tx: Tx, actor: Actor, input: CreateBookingInput, now: Date, isStaff: boolean, source: "online" | "phone" | "staff"): Promise<BookingCreated> {
  const start = new Date(input.start);
  const day = localDateOf(start, await locationTimezone(tx, input.location));
  const { query, location, service, practitionerIds } = await loadSlotQuery(tx, {
    location: input.location, service: input.service, practitioner: input.practitioner, from: day, to: day, now, ignoreMinNotice: isStaff,
  });
  assertInsideBookingWindow(start, query.service, now, { ignoreMinNotice: isStaff, phone: location.phone });

  const candidates = input.practitioner ? [input.practitioner] : [...query.practitioners].sort();
  const slot = candidates.map((p) => isSlotAvailable(query, start, p)).find((s) => s !== null);
  if (!slot) throw new SlotUnavailable("That time is not available. Please choose another.");
  const practitionerId = practitionerIds.get(slot.practitioner)!;

  if (input.triage) {
    const [t] = await tx.select({ id: triages.id }).from(triages).where(eq(triages.id, input.triage));
    if (!t) throw new ValidationFailed({ triage: "Not a known triage" });
  }
  const patientId = await matchPatient(tx, input.patient);
  let classId: string | null = null;
  if (service.capacity > 1) {
    await tx.insert(classes).values({ serviceId: service.id, locationId: location.id, practitionerId, startsAt: slot.start, endsAt: slot.end, capacity: service.capacity }).onConflictDoNothing();
    const [cls] = await tx.select({ id: classes.id }).from(classes).where(and(eq(classes.practitionerId, practitionerId), eq(classes.startsAt, slot.start)));
    classId = cls!.id;
  }
  const manageToken = newToken();
  const intakeToken = newToken();
  const [row] = await tx
    .insert(appointments)
    .values({
      serviceId: service.id, locationId: location.id, practitionerId, patientId, classId, during: { start: slot.start, end: slot.end },
      blocked: blockedInterval(slot.start, query.service), source, notes: input.notes ?? null, triageId: input.triage ?? null,
      manageTokenHash: hashToken(manageToken), intakeTokenHash: hashToken(intakeToken), createdByUserId: actor.kind === "staff" ? actor.userId : null,
    })
    .returning({ id: appointments.id });
  await recordAudit(tx, actor, { action: "appointment.book", entityType: "appointment", entityId: row!.id, patientId, detail: { source, service: service.slug, location: location.slug } });
  await enqueueBookingNotifications(tx, { kind: "booked", appointmentId: row!.id, manageUrl: manageUrl(manageToken), intakeUrl: intakeUrl(intakeToken) }, { now });
  const detail = await loadBookingDetail(tx, row!.id);
  return { booking: toBookingDto(detail!), manageUrl: manageUrl(manageToken), intakeUrl: intakeUrl(intakeToken) };
}

/** Finds the patient by email and date of birth, or adds them; the booker learns nothing either way. */
async function matchPatient(tx: Tx, p: CreateBookingInput["patient"]): Promise<string> {
  await tx.insert(patients).values({ firstName: p.firstName, lastName: p.lastName, email: p.email, phone: p.phone, dateOfBirth: p.dateOfBirth }).onConflictDoNothing();
  const [row] = await tx.select({ id: patients.id }).from(patients).where(and(eq(patients.email, p.email), eq(patients.dateOfBirth, p.dateOfBirth)));
  return row!.id;
}
