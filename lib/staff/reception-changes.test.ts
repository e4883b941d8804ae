import { and, eq } from "drizzle-orm";
import { ZodError } from "zod";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { appointments, auditLog, patients } from "@/db/schema";
import { Conflict, Forbidden, NotFound, SlotUnavailable } from "@/lib/errors";
import { patientDetails, TEST_NOW } from "@/lib/testing/factories";
import { bookPhoneAppointment } from "./book-phone-appointment";
import { cancelByStaff } from "./cancel-by-staff";
import { getPatient } from "./get-patient";
import { listStaffAvailability } from "./list-staff-availability";
import { moveByStaff } from "./move-by-staff";
import { bookOnline, errorOf, setUpReceptionTests, type TestStaff } from "./testing/reception";
import { searchPatients } from "./search-patients";
import { setAppointmentStatus } from "./set-appointment-status";

let db: Db;
let reception: TestStaff;
let amy: TestStaff;
setUpReceptionTests((t) => ({ db, reception, amy } = t));

const ON_THE_DAY = new Date("2026-12-01T09:05:00+11:00");
const statusOf = async (id: string) =>
  (await db.select({ s: appointments.status }).from(appointments).where(eq(appointments.id, id)))[0]!.s;

describe("setAppointmentStatus", () => {
  it("follows booked → arrived → completed and booked → no-show, with an audit row each", async () => {
    const a = await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00");
    const b = await bookOnline(db, "bob", "2026-12-01T09:00:00+11:00");
    expect((await setAppointmentStatus(db, reception, a, { status: "arrived" }, ON_THE_DAY)).status).toBe("arrived");
    expect((await setAppointmentStatus(db, reception, a, { status: "completed" }, ON_THE_DAY)).status).toBe(
      "completed",
    );
    expect((await setAppointmentStatus(db, reception, b, { status: "no-show" }, ON_THE_DAY)).status).toBe("no-show");
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, a));
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(["appointment.arrived", "appointment.completed"]),
    );
  });

  it("refuses a wrong transition with a Conflict and leaves the status alone", async () => {
    const a = await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00");
    expect(await errorOf(setAppointmentStatus(db, reception, a, { status: "completed" }, ON_THE_DAY))).toBeInstanceOf(
      Conflict,
    );
    await setAppointmentStatus(db, reception, a, { status: "no-show" }, ON_THE_DAY);
    const e = await errorOf(setAppointmentStatus(db, reception, a, { status: "arrived" }, ON_THE_DAY));
    expect(e).toBeInstanceOf(Conflict);
    expect((e as Conflict).status).toBe(409);
    expect(await statusOf(a)).toBe("no-show");
    const c = await bookOnline(db, "bob", "2026-12-01T11:00:00+11:00");
    await cancelByStaff(db, reception, c, { reason: "Unwell" }, TEST_NOW);
    expect(await errorOf(setAppointmentStatus(db, reception, c, { status: "arrived" }, ON_THE_DAY))).toBeInstanceOf(
      Conflict,
    );
  });

  it("refuses an appointment on a later day, unknown statuses and ids", async () => {
    const a = await bookOnline(db, "amy", "2026-12-02T09:00:00+11:00");
    expect(await errorOf(setAppointmentStatus(db, reception, a, { status: "arrived" }, ON_THE_DAY))).toBeInstanceOf(
      Conflict,
    );
    expect(await errorOf(setAppointmentStatus(db, reception, a, { status: "cancelled" }, ON_THE_DAY))).toBeInstanceOf(
      ZodError,
    );
    expect(
      await errorOf(
        setAppointmentStatus(db, reception, "00000000-0000-4000-8000-000000000000", { status: "arrived" }, ON_THE_DAY),
      ),
    ).toBeInstanceOf(NotFound);
  });

  it("lets a practitioner update only their own appointments", async () => {
    const mine = await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00");
    const bobs = await bookOnline(db, "bob", "2026-12-01T09:00:00+11:00");
    expect((await setAppointmentStatus(db, amy, mine, { status: "arrived" }, ON_THE_DAY)).status).toBe("arrived");
    expect(await errorOf(setAppointmentStatus(db, amy, bobs, { status: "arrived" }, ON_THE_DAY))).toBeInstanceOf(
      Forbidden,
    );
    expect(await statusOf(bobs)).toBe("booked");
  });
});

describe("phone bookings, moves and cancellations", () => {
  it("books inside minimum notice for staff, for an existing patient, as a phone booking", async () => {
    await bookOnline(db, "bob", "2026-12-01T09:00:00+11:00", {
      firstName: "Kim",
      lastName: "Ho",
      email: "kim@example.com",
    });
    const [kim] = await db.select().from(patients).where(eq(patients.email, "kim@example.com"));
    const created = await bookPhoneAppointment(
      db,
      reception,
      {
        service: "physio-initial",
        location: "test-clinic",
        practitioner: "amy",
        start: "2026-11-30T09:00:00+11:00",
        patientId: kim!.id,
      },
      TEST_NOW,
    );
    expect(created.booking).toMatchObject({
      status: "booked",
      practitioner: "amy",
      start: "2026-11-30T09:00:00+11:00",
    });
    const [row] = await db.select().from(appointments).where(eq(appointments.id, created.booking.id));
    expect(row).toMatchObject({ patientId: kim!.id, source: "phone", createdByUserId: reception.userId });
    expect(
      await errorOf(
        bookPhoneAppointment(
          db,
          reception,
          {
            service: "physio-initial",
            location: "test-clinic",
            practitioner: "amy",
            start: "2026-11-30T09:15:00+11:00",
            patient: patientDetails(),
          },
          TEST_NOW,
        ),
      ),
    ).toBeInstanceOf(SlotUnavailable);
  });

  it("refuses practitioners and a booking with neither patient nor details", async () => {
    const body = {
      service: "physio-initial",
      location: "test-clinic",
      practitioner: "amy",
      start: "2026-12-01T10:00:00+11:00",
      patient: patientDetails(),
    };
    expect(await errorOf(bookPhoneAppointment(db, amy, body, TEST_NOW))).toBeInstanceOf(Forbidden);
    expect(
      await errorOf(bookPhoneAppointment(db, reception, { ...body, patient: undefined }, TEST_NOW)),
    ).toBeInstanceOf(ZodError);
  });

  it("moves to a free time, refuses an overlap and keeps the old time", async () => {
    const a = await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00");
    await bookOnline(db, "bob", "2026-12-01T11:00:00+11:00");
    const free = await listStaffAvailability(
      db,
      reception,
      { location: "test-clinic", service: "physio-initial", date: "2026-12-01", practitioner: "bob", exclude: a },
      TEST_NOW,
    );
    expect(free.slots.map((s) => s.start)).not.toContain("2026-12-01T11:00:00+11:00");
    const moved = await moveByStaff(
      db,
      reception,
      a,
      { start: "2026-12-01T10:00:00+11:00", practitioner: "bob" },
      TEST_NOW,
    );
    expect(moved).toMatchObject({ practitioner: "bob", start: "2026-12-01T10:00:00+11:00" });
    const e = await errorOf(
      moveByStaff(db, reception, a, { start: "2026-12-01T10:30:00+11:00", practitioner: "bob" }, TEST_NOW),
    );
    expect(e).toBeInstanceOf(SlotUnavailable);
    const [row] = await db.select().from(appointments).where(eq(appointments.id, a));
    expect(row!.startsAt.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(await errorOf(moveByStaff(db, amy, a, { start: "2026-12-01T14:00:00+11:00" }, TEST_NOW))).toBeInstanceOf(
      Forbidden,
    );
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a), eq(auditLog.action, "appointment.reschedule")));
    expect(audit).toHaveLength(1);
  });

  it("cancels with a required reason, once", async () => {
    const a = await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00");
    expect(await errorOf(cancelByStaff(db, reception, a, { reason: " " }, TEST_NOW))).toBeInstanceOf(ZodError);
    expect(await errorOf(cancelByStaff(db, amy, a, { reason: "Sick" }, TEST_NOW))).toBeInstanceOf(Forbidden);
    expect((await cancelByStaff(db, reception, a, { reason: "Patient rang: flu" }, TEST_NOW)).status).toBe("cancelled");
    const [row] = await db.select().from(appointments).where(eq(appointments.id, a));
    expect(row).toMatchObject({ cancelReason: "Patient rang: flu", cancelledBy: reception.userId });
    expect(await errorOf(cancelByStaff(db, reception, a, { reason: "Again" }, TEST_NOW))).toBeInstanceOf(Conflict);
  });
});

describe("patients", () => {
  it("finds patients by name, phone, email or date of birth; reception and admins only", async () => {
    await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00", {
      firstName: "Zara",
      lastName: "Quinn",
      email: "zq@example.com",
      phone: "0499 111 222",
      dateOfBirth: "1985-07-09",
    });
    await bookOnline(db, "bob", "2026-12-01T09:00:00+11:00", { firstName: "Ana", lastName: "Lee" });
    for (const q of ["zara", "Quinn z", "0499111", "+61 499 111 222", "zq@EXAMPLE", "1985-07-09", "9/7/1985"]) {
      const { patients: found } = await searchPatients(db, reception, { q }, TEST_NOW);
      expect(
        found.map((p) => p.name),
        q,
      ).toEqual(["Zara Quinn"]);
    }
    const [hit] = (await searchPatients(db, reception, { q: "zara" }, TEST_NOW)).patients;
    expect(hit!.nextAppointment).toBe("2026-11-30T22:00:00.000Z");
    expect((await searchPatients(db, reception, { q: "50%" }, TEST_NOW)).patients).toEqual([]);
    expect(await errorOf(searchPatients(db, amy, { q: "zara" }))).toBeInstanceOf(Forbidden);
    expect(await errorOf(searchPatients(db, reception, { q: "z" }))).toBeInstanceOf(ZodError);
  });

  it("opens a patient with their appointments", async () => {
    const a = await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00", { email: "one@example.com" });
    const [p] = await db.select().from(patients).where(eq(patients.email, "one@example.com"));
    const detail = await getPatient(db, reception, p!.id, TEST_NOW);
    expect(detail.appointments.map((x) => x.id)).toEqual([a]);
    expect(detail.nextAppointment).toBe("2026-11-30T22:00:00.000Z");
    expect(await errorOf(getPatient(db, reception, "00000000-0000-4000-8000-000000000000"))).toBeInstanceOf(NotFound);
    expect(await errorOf(getPatient(db, amy, p!.id))).toBeInstanceOf(Forbidden);
  });
});
