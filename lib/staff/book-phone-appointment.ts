import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { ValidationFailed } from "@/lib/errors";
import { bookAppointment, type BookingCreated } from "@/lib/scheduling/book-appointment";
import { staffBookingSchema } from "./reception-schemas";
import { FRONT_DESK, requireRole } from "./staff-access";

/**
 * A booking taken by reception: the same rules as online (never a double booking) except that minimum notice
 * is waived. The patient is an existing one by id, or new details matched by email and date of birth (staff see the
 * record anyway; an online booking instead gets a provisional record, see lib/scheduling/match-patient.ts).
 */
export async function bookPhoneAppointment(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<BookingCreated> {
  const staff = await requireRole(db, actor, FRONT_DESK, "appointments.book");
  const input = staffBookingSchema.parse(rawInput);
  let patient = input.patient;
  if (input.patientId) {
    const [p] = await db.select().from(patients).where(and(eq(patients.id, input.patientId), isNull(patients.mergedInto)));
    if (!p) throw new ValidationFailed({ patientId: "That patient no longer exists. Search again." });
    patient = { firstName: p.firstName, lastName: p.lastName, email: p.email, phone: p.phone, dateOfBirth: p.dateOfBirth };
  }
  const { body } = await bookAppointment(
    db, staff,
    { service: input.service, location: input.location, practitioner: input.practitioner, start: input.start, patient, notes: input.notes || undefined },
    // the patient reception chose, by id: never another record that shares their email and date of birth
    { now, source: "phone", patientId: input.patientId },
  );
  return body;
}
