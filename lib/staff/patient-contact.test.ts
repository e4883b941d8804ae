import { eq } from "drizzle-orm";
import { ZodError } from "zod";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, intakeResponses, patients } from "@/db/schema";
import { completeAnswers } from "@/lib/intake/sample-answers";
import { submitIntake } from "@/lib/intake/submit-intake";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { bookingBody, TEST_NOW } from "@/lib/testing/factories";
import { bookPhoneAppointment } from "./book-phone-appointment";
import { getIntakeForStaff } from "./get-intake-for-staff";
import { getPatient } from "./get-patient";
import { bookOnline, errorOf, setUpReceptionTests, type TestStaff } from "./testing/reception";
import { updatePatientContact } from "./update-patient-contact";

let db: Db;
let reception: TestStaff;
let amy: TestStaff;
setUpReceptionTests((t) => ({ db, reception, amy } = t));

const slot = (start: string) => ({ service: "physio-initial", location: "test-clinic", practitioner: "amy", start });
const phoneOnly = { firstName: "Pat", lastName: "Caller", phone: "0400 111 222", email: "", dateOfBirth: "" };
const patientRow = async (id: string) => (await db.select().from(patients).where(eq(patients.id, id)))[0]!;

describe("phone bookings with only a name and a phone", () => {
  it("books a new patient without email or date of birth, and a second one with the same name is another record", async () => {
    const first = await bookPhoneAppointment(
      db,
      reception,
      { ...slot("2026-11-30T09:00:00+11:00"), patient: phoneOnly },
      TEST_NOW,
    );
    const second = await bookPhoneAppointment(
      db,
      reception,
      { ...slot("2026-11-30T10:00:00+11:00"), patient: { firstName: "Pat", lastName: "Caller", phone: "0400111222" } },
      TEST_NOW,
    );
    const rows = await db.select().from(patients).where(eq(patients.lastName, "Caller"));
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => [r.email, r.dateOfBirth])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(first.booking.status).toBe("booked");
    expect(second.booking.status).toBe("booked");
  });

  it("takes an email without a date of birth, and matches on both only when both are given", async () => {
    await bookPhoneAppointment(
      db,
      reception,
      { ...slot("2026-11-30T09:00:00+11:00"), patient: { ...phoneOnly, email: "Pat@Example.com" } },
      TEST_NOW,
    );
    const [row] = await db.select().from(patients).where(eq(patients.lastName, "Caller"));
    expect(row!.email).toBe("pat@example.com");
    expect(row!.dateOfBirth).toBeNull();
  });

  it("says what is wrong in words for staff, and the online booking still requires email and date of birth", async () => {
    const e = await errorOf(
      bookPhoneAppointment(
        db,
        reception,
        { ...slot("2026-11-30T09:00:00+11:00"), patient: { ...phoneOnly, firstName: "", dateOfBirth: "2999-01-01" } },
        TEST_NOW,
      ),
    );
    expect(e).toBeInstanceOf(ZodError);
    const messages = (e as ZodError).issues.map((i) => i.message);
    expect(messages).toContain("Enter the patient's first name");
    expect(messages).toContain("Enter the patient's date of birth, or leave it blank");
    const online = await errorOf(
      bookAppointment(db, { kind: "anonymous" }, bookingBody({ patient: { ...phoneOnly } }), { now: TEST_NOW }),
    );
    expect(online).toBeInstanceOf(ZodError);
    expect((online as ZodError).issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["patient.email", "patient.dateOfBirth"]),
    );
  });

  it("an intake from a patient without a date of birth is triaged with the age unknown", async () => {
    const created = await bookPhoneAppointment(
      db,
      reception,
      { ...slot("2026-12-01T09:00:00+11:00"), patient: phoneOnly },
      TEST_NOW,
    );
    const token = created.intakeUrl.split("/").pop()!;
    await submitIntake(db, token, completeAnswers(), { now: TEST_NOW });
    const [resp] = await db.select().from(intakeResponses).where(eq(intakeResponses.appointmentId, created.booking.id));
    expect(resp!.status).toBe("completed");
    const view = await getIntakeForStaff(db, amy, created.booking.id);
    expect(view.appointment.patient.age).toBeNull();
    expect(view.appointment.patient.dateOfBirth).toBeNull();
  });
});

describe("updatePatientContact", () => {
  it("changes the phone, audits which fields changed and never their values", async () => {
    const id = await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00", { email: "kim@example.com" });
    const [p] = await db.select().from(patients).where(eq(patients.email, "kim@example.com"));
    const result = await updatePatientContact(
      db,
      reception,
      p!.id,
      {
        firstName: p!.firstName,
        lastName: p!.lastName,
        phone: "0499 888 777",
        email: "KIM@example.com",
        dateOfBirth: p!.dateOfBirth,
      },
      TEST_NOW,
    );
    expect(result.changed).toEqual(["phone"]);
    expect(result.patient.phone).toBe("0499 888 777");
    expect((await patientRow(p!.id)).phone).toBe("0499 888 777");
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "patients.update"));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.patientId).toBe(p!.id);
    expect(audit[0]!.detail).toEqual({ fields: ["phone"] });
    expect(JSON.stringify(audit[0])).not.toContain("0499");
    expect(id).toBeTruthy();
  });

  it("clears an email and a date of birth left blank, and saves nothing (no audit) when nothing changed", async () => {
    await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00", { email: "lou@example.com" });
    const [p] = await db.select().from(patients).where(eq(patients.email, "lou@example.com"));
    const same = { firstName: p!.firstName, lastName: p!.lastName, phone: p!.phone };
    const cleared = await updatePatientContact(db, reception, p!.id, { ...same, email: "", dateOfBirth: null });
    expect(cleared.changed).toEqual(["email", "dateOfBirth"]);
    expect(await patientRow(p!.id)).toMatchObject({ email: null, dateOfBirth: null });
    expect((await updatePatientContact(db, reception, p!.id, same)).changed).toEqual([]);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "patients.update"))).toHaveLength(1);
  });

  it("refuses invalid details with field messages, another patient's email and date of birth, and unknown ids", async () => {
    await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00", { email: "a@example.com", dateOfBirth: "1980-01-01" });
    await bookOnline(db, "amy", "2026-12-01T10:00:00+11:00", { email: "b@example.com", dateOfBirth: "1980-01-01" });
    const [b] = await db.select().from(patients).where(eq(patients.email, "b@example.com"));
    const bad = await errorOf(
      updatePatientContact(db, reception, b!.id, { firstName: "B", lastName: "", phone: "12", email: "nope" }),
    );
    expect(bad).toBeInstanceOf(ZodError);
    expect((bad as ZodError).issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["lastName", "phone", "email"]),
    );
    const clash = await errorOf(
      updatePatientContact(db, reception, b!.id, {
        firstName: "B",
        lastName: "Lee",
        phone: "0412 345 678",
        email: "a@example.com",
        dateOfBirth: "1980-01-01",
      }),
    );
    expect(clash).toBeInstanceOf(ValidationFailed);
    expect((clash as ValidationFailed).fields?.email).toMatch(/Another patient/);
    expect((await patientRow(b!.id)).email).toBe("b@example.com");
    expect(
      await errorOf(updatePatientContact(db, reception, "00000000-0000-4000-8000-000000000099", phoneOnly)),
    ).toBeInstanceOf(NotFound);
  });

  it("is for the front desk: a practitioner is refused, and the refusal is audited", async () => {
    await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00", { email: "m@example.com" });
    const [p] = await db.select().from(patients).where(eq(patients.email, "m@example.com"));
    expect(await errorOf(updatePatientContact(db, amy, p!.id, { ...phoneOnly }))).toBeInstanceOf(Forbidden);
    expect((await patientRow(p!.id)).lastName).toBe("Lee");
    const denied = await db.select().from(auditLog).where(eq(auditLog.action, "access.denied"));
    expect(denied.map((d) => d.entityId)).toContain("patients.update");
    expect((await getPatient(db, reception, p!.id)).email).toBe("m@example.com");
  });
});
