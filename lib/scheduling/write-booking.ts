import "server-only";
import { randomUUID } from "node:crypto";
import { pipeline, type Tx } from "@/db/client";
import { appointments, type BookingSource } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit/record-audit";
import { hashToken, newToken } from "@/lib/security/tokens";
import { publishBookingEvent } from "./booking-events";
import { type BookingCreated, bookingDto, intakeUrl, manageUrl } from "./booking-dto";
import type { SlotContext } from "./load-slot-query";
import type { CreateBookingInput } from "./schemas";
import type { Slot } from "./slot-types";
import { blockedInterval } from "./slots";

export interface BookingWrite {
  input: Pick<CreateBookingInput, "referral" | "notes" | "triage">;
  context: SlotContext;
  slot: Slot;
  practitionerId: string;
  patientId: string;
  /** False for a patient without email: no booking emails are queued. */
  notify: boolean;
  classId: string | null;
  now: Date;
  source: BookingSource;
}

/** The appointment, its audit row and its booking event, sent together; a refused appointment fails the lot. */
export async function writeBooking(tx: Tx, actor: Actor, w: BookingWrite): Promise<BookingCreated> {
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
