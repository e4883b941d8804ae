import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { type BookingCreated, placeBooking } from "@/lib/scheduling/book-appointment";
import { staffBookingSchema } from "./reception-schemas";
import { FRONT_DESK, requireRole } from "./staff-access";

/**
 * A booking taken by reception: the same rules as online (never a double booking) except that minimum notice
 * is waived. The patient is an existing one by id, or new details (name and phone at least; with email and date of
 * birth both, matched to the patient of record). A patient without email gets no booking emails.
 */
export async function bookPhoneAppointment(
  db: Db,
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<BookingCreated> {
  const staff = await requireRole(db, actor, FRONT_DESK, "appointments.book");
  const { patientId, patient, notes, ...slot } = staffBookingSchema.parse(rawInput);
  return placeBooking(
    db,
    staff,
    { ...slot, patient: patientId ? { id: patientId } : patient!, notes: notes || undefined },
    { now, source: "phone" },
  );
}
