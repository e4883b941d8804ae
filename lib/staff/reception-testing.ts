// Shared set-up for the reception verb tests: staff accounts and bookings in the mini clinic.
import { staffUsers } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { bookingBody, patientDetails, TEST_NOW } from "@/lib/testing/factories";

export type TestStaff = Extract<Actor, { kind: "staff" }>;

export async function addStaff(db: Db, role: TestStaff["role"], name: string, practitionerId: string | null = null): Promise<TestStaff> {
  const email = `${name.toLowerCase().replace(/\W/g, "")}@test.clinic`;
  const [u] = await db.insert(staffUsers).values({ email, name, role, practitionerId, passwordHash: "unused" }).returning();
  return { kind: "staff", userId: u!.id, role, practitionerId, name };
}

/** Books online as a patient would; returns the appointment id. */
export async function bookOnline(db: Db, practitioner: "amy" | "bob", start: string, patient: Partial<ReturnType<typeof patientDetails>> = {}, service = "physio-initial"): Promise<string> {
  const { body } = await bookAppointment(db, { kind: "anonymous" }, bookingBody({ practitioner, start, service, patient: patientDetails(patient) }), { now: TEST_NOW });
  return body.booking.id;
}

export async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => null, (e: unknown) => e);
}
