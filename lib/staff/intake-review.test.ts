import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { auditLog, intakeResponses, staffUsers } from "@/db/schema";
import type { StaffActor } from "@/lib/auth";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import type { Answers } from "@/lib/intake/questionnaire";
import { summarizeIntake } from "@/lib/intake/summary";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { bookingBody, createMiniClinic, TEST_NOW, type MiniClinic } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import { getIntakeForStaff } from "./get-intake-for-staff";
import { markIntakeReviewed } from "./mark-intake-reviewed";

let handle: DbHandle;
let db: Db;
let clinic: MiniClinic;

// Sudden onset with a pop: a "soon" flag; sitting and bending: the tendinopathy cue.
const TEAR: Answers = {
  consent: true, region: "buttock", side: "left", onset: "sudden", pop: true, bruising: true, weeks: 1, course: "same", "pain-now": 6, "pain-worst": 8,
  aggravators: ["sitting", "bending", "running"], radiates: ["back-of-thigh"], "back-pain": false, "pins-needles": false, diagnosed: false, treatments: ["none"],
  goal: "return-to-sport", sport: "Sprinting", "function-1": "Sprint", "function-1-score": 2, "height-cm": 170, "weight-kg": 80, sex: "female",
};

async function staff(role: StaffActor["role"], name: string, practitionerId: string | null = null): Promise<StaffActor> {
  const [u] = await db.insert(staffUsers).values({ email: `${name.toLowerCase().replace(/\W/g, "")}@test.clinic`, name, role, practitionerId, passwordHash: "unused" }).returning();
  return { kind: "staff", userId: u!.id, role, practitionerId, name };
}

async function bookWithIntake(practitioner: "amy" | "bob", start: string, answers: Answers | null) {
  const { body } = await bookAppointment(db, { kind: "anonymous" }, bookingBody({ practitioner, start }), { now: TEST_NOW });
  const [appt] = await db.query.appointments.findMany({ where: (a, { eq: e }) => e(a.id, body.booking.id) });
  if (answers) {
    const submittedAt = new Date(TEST_NOW.getTime() - 3_600_000);
    await db.insert(intakeResponses).values({
      appointmentId: appt!.id, patientId: appt!.patientId, version: 1, status: "completed", questionnaireVersion: "1.0.0", answers,
      summary: summarizeIntake(answers, { age: 36 }), route: "sports-physio", needsCall: true, submittedAt,
    });
  }
  return appt!;
}

const auditsFor = (action: string, entityId: string) => db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  clinic = await createMiniClinic(db);
});
afterEach(async () => handle.close());

describe("reading an intake as staff", () => {
  it("gives the appointment's practitioner the summary and answers, flags first, and audits the read", async () => {
    const amy = await staff("practitioner", "Amy Adams", clinic.practitionerIds.amy);
    const appt = await bookWithIntake("amy", "2026-12-01T09:00:00+11:00", TEAR);
    const dto = await getIntakeForStaff(db, amy, appt.id);
    expect(dto.appointment).toMatchObject({ id: appt.id, practitioner: "Amy Adams", patient: { name: "Ana Lee", age: 36 } });
    expect(dto.intake?.summary.flags[0]).toMatchObject({ code: "possible-tendon-tear", tier: "soon" });
    expect(dto.intake?.summary.flags[0]?.staffAlert).toMatch(/imaging and orthopaedic opinion/);
    expect(dto.intake?.summary.aggravators.pointsToTendinopathy).toBe(true);
    expect(dto.intake?.summary.body.bmi).toBe(27.7);
    expect(dto.intake?.answerList).toContainEqual(expect.objectContaining({ linkId: "pop", answer: "Yes" }));
    expect(dto.versions).toEqual([expect.objectContaining({ version: 1, status: "completed", reviewedAt: null })]);
    const [audit] = await auditsFor("intake.read", appt.id);
    expect(audit).toMatchObject({ actorUserId: amy.userId, actorKind: "practitioner", outcome: "ok", patientId: appt.patientId });
    expect(JSON.stringify(audit!.detail)).not.toMatch(/tendon|sitting|pain/);
  });

  it("refuses another practitioner, and records the denied attempt with the patient", async () => {
    const bob = await staff("practitioner", "Bob Brown", clinic.practitionerIds.bob);
    const appt = await bookWithIntake("amy", "2026-12-01T09:00:00+11:00", TEAR);
    expect(await errorOf(getIntakeForStaff(db, bob, appt.id))).toBeInstanceOf(Forbidden);
    const audits = await auditsFor("intake.read", appt.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: bob.userId, outcome: "denied", patientId: appt.patientId });
  });

  it("refuses reception, with an audit row, and lets an admin read any intake", async () => {
    const reception = await staff("reception", "Front Desk");
    const admin = await staff("admin", "Clinic Manager");
    const appt = await bookWithIntake("bob", "2026-12-01T10:00:00+11:00", TEAR);
    expect(await errorOf(getIntakeForStaff(db, reception, appt.id))).toBeInstanceOf(Forbidden);
    const dto = await getIntakeForStaff(db, admin, appt.id);
    expect(dto.intake?.version).toBe(1);
    const audits = await auditsFor("intake.read", appt.id);
    expect(audits.map((a) => [a.actorKind, a.outcome]).sort()).toEqual([["admin", "ok"], ["reception", "denied"]]);
  });

  it("says not found for an unknown or malformed id, without touching anyone's data", async () => {
    const admin = await staff("admin", "Clinic Manager");
    expect(await errorOf(getIntakeForStaff(db, admin, "3f0c1c9e-0000-4000-8000-000000000000"))).toBeInstanceOf(NotFound);
    expect(await errorOf(getIntakeForStaff(db, admin, "not-a-uuid' or 1=1"))).toBeInstanceOf(NotFound);
  });

  it("returns no intake while the patient has not sent the form, and still audits the look", async () => {
    const amy = await staff("practitioner", "Amy Adams", clinic.practitionerIds.amy);
    const appt = await bookWithIntake("amy", "2026-12-01T09:00:00+11:00", null);
    const dto = await getIntakeForStaff(db, amy, appt.id);
    expect(dto.intake).toBeNull();
    expect(dto.versions).toEqual([]);
    expect(await auditsFor("intake.read", appt.id)).toHaveLength(1);
  });
});

describe("marking an intake reviewed", () => {
  it("stamps the latest sent version once, audited, and keeps the first review", async () => {
    const amy = await staff("practitioner", "Amy Adams", clinic.practitionerIds.amy);
    const admin = await staff("admin", "Clinic Manager");
    const appt = await bookWithIntake("amy", "2026-12-01T09:00:00+11:00", TEAR);
    const first = await markIntakeReviewed(db, amy, appt.id, { now: TEST_NOW });
    expect(first).toMatchObject({ version: 1, changed: true, reviewedBy: "Amy Adams", reviewedAt: TEST_NOW.toISOString() });
    const again = await markIntakeReviewed(db, admin, appt.id);
    expect(again).toMatchObject({ changed: false, reviewedBy: "Amy Adams", reviewedAt: TEST_NOW.toISOString() });
    const [row] = await db.select().from(intakeResponses).where(eq(intakeResponses.appointmentId, appt.id));
    expect(row).toMatchObject({ reviewedByUserId: amy.userId });
    expect((await getIntakeForStaff(db, amy, appt.id)).intake?.reviewedBy).toBe("Amy Adams");
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "intake.review"));
    expect(audit).toMatchObject({ actorUserId: amy.userId, outcome: "ok", patientId: appt.patientId });
  });

  it("refuses reception and other practitioners, and has nothing to review before the form is sent", async () => {
    const bob = await staff("practitioner", "Bob Brown", clinic.practitionerIds.bob);
    const reception = await staff("reception", "Front Desk");
    const amy = await staff("practitioner", "Amy Adams", clinic.practitionerIds.amy);
    const sent = await bookWithIntake("amy", "2026-12-01T09:00:00+11:00", TEAR);
    const unsent = await bookWithIntake("amy", "2026-12-01T10:00:00+11:00", null);
    expect(await errorOf(markIntakeReviewed(db, bob, sent.id))).toBeInstanceOf(Forbidden);
    expect(await errorOf(markIntakeReviewed(db, reception, sent.id))).toBeInstanceOf(Forbidden);
    expect(await errorOf(markIntakeReviewed(db, amy, unsent.id))).toBeInstanceOf(Conflict);
    const denied = await db.select().from(auditLog).where(and(eq(auditLog.action, "intake.review"), eq(auditLog.outcome, "denied")));
    expect(denied).toHaveLength(2);
    const [row] = await db.select().from(intakeResponses).where(eq(intakeResponses.appointmentId, sent.id));
    expect(row!.reviewedAt).toBeNull();
  });
});
