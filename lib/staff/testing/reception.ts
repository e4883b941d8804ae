// Shared set-up for the staff verb tests: a fresh database per test, staff accounts and bookings in the mini clinic.
import { afterEach, beforeEach } from "vitest";
import { staffUsers } from "@/db/schema";
import type { Db, DbHandle } from "@/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { bookingBody, createMiniClinic, patientDetails, TEST_NOW, type MiniClinic } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";

export type TestStaff = Extract<Actor, { kind: "staff" }>;

export async function addStaff(
  db: Db,
  role: TestStaff["role"],
  name: string,
  practitionerId: string | null = null,
): Promise<TestStaff> {
  const email = `${name.toLowerCase().replace(/\W/g, "")}@test.clinic`;
  const [u] = await db
    .insert(staffUsers)
    .values({ email, name, role, practitionerId, passwordHash: "unused" })
    .returning();
  return { kind: "staff", userId: u!.id, role, practitionerId, name };
}

/** Books online as a patient would; returns the appointment id. */
export async function bookOnline(
  db: Db,
  practitioner: "amy" | "bob",
  start: string,
  patient: Partial<ReturnType<typeof patientDetails>> = {},
  service = "physio-initial",
): Promise<string> {
  const body = await bookAppointment(
    db,
    { kind: "anonymous" },
    bookingBody({ practitioner, start, service, patient: patientDetails(patient) }),
    { now: TEST_NOW },
  );
  return body.booking.id;
}

export async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

export interface ReceptionTest {
  db: Db;
  clinic: MiniClinic;
  /** "Front Desk", a receptionist. */
  reception: TestStaff;
  /** "Amy Adams", the practitioner account of the clinic's physio Amy. */
  amy: TestStaff;
}

/**
 * Registers hooks that give every test of the file its own database with the mini clinic, a receptionist
 * and Amy's account; `assign` receives them before each test, and the database is closed after it.
 */
export function setUpReceptionTests(assign: (t: ReceptionTest) => void): void {
  let handle: DbHandle | undefined;
  beforeEach(async () => {
    handle = await createTestDb();
    const db = handle.db;
    const clinic = await createMiniClinic(db);
    const reception = await addStaff(db, "reception", "Front Desk");
    const amy = await addStaff(db, "practitioner", "Amy Adams", clinic.practitionerIds.amy);
    assign({ db, clinic, reception, amy });
  });
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });
}
