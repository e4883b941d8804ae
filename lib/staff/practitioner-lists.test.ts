import { ZodError } from "zod";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, intakeResponses } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { Forbidden } from "@/lib/errors";
import { summarizeIntake } from "@/lib/intake/summary";
import { TEST_NOW, type MiniClinic } from "@/lib/testing/factories";
import { listAudit } from "./list-audit";
import { listMyAppointments } from "./list-my-appointments";
import { addStaff, bookOnline, setUpReceptionTests, type TestStaff } from "./testing/reception";

let db: Db;
let clinic: MiniClinic;
let reception: TestStaff;
let amy: TestStaff;
setUpReceptionTests((t) => ({ db, clinic, reception, amy } = t));

describe("a practitioner's own day and week", () => {
  it("lists only their own appointments in the range, in time order, with intake status and flags but no answers", async () => {
    const late = await bookOnline(db, "amy", "2026-12-01T15:00:00+11:00", { lastName: "Late" });
    const early = await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00", { lastName: "Early" });
    await bookOnline(db, "bob", "2026-12-01T09:00:00+11:00", { lastName: "Bobs" });
    const nextDay = await bookOnline(db, "amy", "2026-12-02T09:00:00+11:00", { lastName: "Wednesday" });
    const [appt] = await db.query.appointments.findMany({ where: (a, { eq }) => eq(a.id, early) });
    const answers = { consent: true, onset: "sudden", pop: true, "rf-fever": false } as const;
    await db.insert(intakeResponses).values({
      appointmentId: early,
      patientId: appt!.patientId,
      version: 1,
      status: "completed",
      questionnaireVersion: "1.0.0",
      answers,
      summary: summarizeIntake(answers),
      route: "sports-physio",
      needsCall: true,
      submittedAt: TEST_NOW,
    });
    await db.insert(intakeResponses).values({
      appointmentId: late,
      patientId: appt!.patientId,
      version: 1,
      questionnaireVersion: "1.0.0",
      answers: {},
    });

    const day = await listMyAppointments(db, amy, { from: "2026-12-01", to: "2026-12-01" });
    expect(day.appointments.map((a) => a.id)).toEqual([early, late]);
    expect(day.appointments[0]).toMatchObject({
      date: "2026-12-01",
      location: { slug: "test-clinic" },
      patient: { name: "Ana Early" },
    });
    expect(day.appointments[0]!.intake).toEqual({
      status: "completed",
      route: "sports-physio",
      flagCount: 1,
      topTier: "soon",
      reviewed: false,
    });
    expect(day.appointments[1]!.intake.status).toBe("in-progress");
    expect(JSON.stringify(day)).not.toMatch(/tendon|answers|pop/);

    const week = await listMyAppointments(db, amy, { from: "2026-11-30", to: "2026-12-06" });
    expect(week.appointments.map((a) => a.id)).toEqual([early, late, nextDay]);
  });

  it("is for practitioners only, and refuses a reversed or too long range", async () => {
    await expect(listMyAppointments(db, reception, { from: "2026-12-01", to: "2026-12-01" })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(listMyAppointments(db, amy, { from: "2026-12-02", to: "2026-12-01" })).rejects.toBeInstanceOf(
      ZodError,
    );
    await expect(listMyAppointments(db, amy, { from: "2026-12-01", to: "2026-12-31" })).rejects.toBeInstanceOf(
      ZodError,
    );
    await expect(listMyAppointments(db, amy, { from: "2026-02-30", to: "2026-03-01" })).rejects.toBeInstanceOf(
      ZodError,
    );
  });
});

describe("the audit log", () => {
  it("is for admins only; anyone else is refused and that is recorded", async () => {
    await expect(listAudit(db, amy, {})).rejects.toBeInstanceOf(Forbidden);
    const rows = await db.select().from(auditLog);
    expect(rows).toContainEqual(
      expect.objectContaining({ action: "audit.read", outcome: "denied", actorUserId: amy.userId }),
    );
  });

  it("filters by person, patient, action, outcome and clinic dates, newest first, a page at a time", async () => {
    const admin = await addStaff(db, "admin", "Clinic Manager");
    const bob = await addStaff(db, "practitioner", "Bob Brown", clinic.practitionerIds.bob);
    const id = await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00", { lastName: "Zhang" });
    const [appt] = await db.query.appointments.findMany({ where: (a, { eq }) => eq(a.id, id) });
    for (let i = 0; i < 30; i++)
      await recordAudit(db, amy, {
        action: "intake.read",
        entityType: "appointment",
        entityId: id,
        patientId: appt!.patientId,
      });
    await recordAudit(db, bob, {
      action: "intake.read",
      outcome: "denied",
      entityType: "appointment",
      entityId: id,
      patientId: appt!.patientId,
    });
    // 23:30 in Sydney on 1 December is still 1 December there, though 2 December has not begun in UTC.
    await db.insert(auditLog).values({
      at: new Date("2026-12-01T12:30:00Z"),
      actorKind: "admin",
      actorLabel: "Clinic Manager",
      actorUserId: admin.userId,
      action: "staff.update",
    });

    const byBob = await listAudit(db, admin, { person: "bob" });
    expect(byBob.rows).toHaveLength(1);
    expect(byBob.rows[0]).toMatchObject({
      outcome: "denied",
      actor: { label: "Bob Brown", email: "bobbrown@test.clinic" },
      patient: { name: "Ana Zhang" },
    });

    const byPatient = await listAudit(db, admin, { patient: "zhang", action: "intake.read" });
    expect(byPatient.total).toBe(31);
    expect(byPatient.rows).toHaveLength(25);
    expect(byPatient.pageCount).toBe(2);
    expect((await listAudit(db, admin, { patient: "zhang", action: "intake.read", page: "2" })).rows).toHaveLength(6);
    expect((await listAudit(db, admin, { patient: appt!.patientId, outcome: "denied" })).total).toBe(1);

    const onFirst = await listAudit(db, admin, { from: "2026-12-01", to: "2026-12-01" });
    expect(onFirst.rows.map((r) => r.action)).toEqual(["staff.update"]);
    expect(onFirst.actions).toEqual(expect.arrayContaining(["appointment.book", "intake.read", "staff.update"]));
    expect((await listAudit(db, admin, { person: "100%_" })).total).toBe(0);
  });
});
