import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, intakeResponses } from "@/db/schema";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import type { Answers } from "@/lib/intake/questionnaire";
import { summarizeIntake } from "@/lib/intake/summary";
import { TEST_NOW, type MiniClinic } from "@/lib/testing/factories";
import { getIntakeForStaff } from "./get-intake-for-staff";
import { markIntakeReviewed } from "./mark-intake-reviewed";
import { addStaff, bookOnline, errorOf, setUpReceptionTests, type TestStaff } from "./testing/reception";

let db: Db;
let clinic: MiniClinic;
let reception: TestStaff;
let amy: TestStaff;
setUpReceptionTests((t) => ({ db, clinic, reception, amy } = t));

// Sudden onset with a pop: a "soon" flag; sitting and bending: the tendinopathy cue.
const TEAR: Answers = {
  consent: true,
  region: "buttock",
  side: "left",
  onset: "sudden",
  pop: true,
  bruising: true,
  weeks: 1,
  course: "same",
  "pain-now": 6,
  "pain-worst": 8,
  aggravators: ["sitting", "bending", "running"],
  radiates: ["back-of-thigh"],
  "back-pain": false,
  "pins-needles": false,
  diagnosed: false,
  treatments: ["none"],
  goal: "return-to-sport",
  sport: "Sprinting",
  "function-1": "Sprint",
  "function-1-score": 2,
  "height-cm": 170,
  "weight-kg": 80,
  sex: "female",
};

async function bookWithIntake(practitioner: "amy" | "bob", start: string, answers: Answers | null) {
  const id = await bookOnline(db, practitioner, start);
  const [appt] = await db.query.appointments.findMany({ where: (a, { eq: e }) => e(a.id, id) });
  if (answers) {
    const submittedAt = new Date(TEST_NOW.getTime() - 3_600_000);
    await db.insert(intakeResponses).values({
      appointmentId: appt!.id,
      patientId: appt!.patientId,
      version: 1,
      status: "completed",
      questionnaireVersion: "1.0.0",
      answers,
      summary: summarizeIntake(answers, { age: 36 }),
      route: "sports-physio",
      needsCall: true,
      submittedAt,
    });
  }
  return appt!;
}

const auditsFor = (action: string, entityId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

describe("reading an intake as staff", () => {
  it("gives the appointment's practitioner the summary and answers, flags first, and audits the read", async () => {
    const appt = await bookWithIntake("amy", "2026-12-01T09:00:00+11:00", TEAR);
    const dto = await getIntakeForStaff(db, amy, appt.id);
    expect(dto.appointment).toMatchObject({
      id: appt.id,
      practitioner: "Amy Adams",
      patient: { name: "Ana Lee", age: 36 },
    });
    expect(dto.intake?.summary.flags[0]).toMatchObject({ code: "possible-tendon-tear", tier: "soon" });
    expect(dto.intake?.summary.flags[0]?.staffAlert).toMatch(/imaging and orthopaedic opinion/);
    expect(dto.intake?.summary.aggravators.pointsToTendinopathy).toBe(true);
    expect(dto.intake?.summary.body.bmi).toBe(27.7);
    expect(dto.intake?.answerList).toContainEqual(expect.objectContaining({ linkId: "pop", answer: "Yes" }));
    expect(dto.versions).toEqual([expect.objectContaining({ version: 1, status: "completed", reviewedAt: null })]);
    const [audit] = await auditsFor("intake.read", appt.id);
    expect(audit).toMatchObject({
      actorUserId: amy.userId,
      actorKind: "practitioner",
      outcome: "ok",
      patientId: appt.patientId,
    });
    expect(JSON.stringify(audit!.detail)).not.toMatch(/tendon|sitting|pain/);
  });

  it("refuses another practitioner, and records the denied attempt with the patient", async () => {
    const bob = await addStaff(db, "practitioner", "Bob Brown", clinic.practitionerIds.bob);
    const appt = await bookWithIntake("amy", "2026-12-01T09:00:00+11:00", TEAR);
    expect(await errorOf(getIntakeForStaff(db, bob, appt.id))).toBeInstanceOf(Forbidden);
    const audits = await auditsFor("intake.read", appt.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: bob.userId, outcome: "denied", patientId: appt.patientId });
  });

  it("refuses reception, with an audit row, and lets an admin read any intake", async () => {
    const admin = await addStaff(db, "admin", "Clinic Manager");
    const appt = await bookWithIntake("bob", "2026-12-01T10:00:00+11:00", TEAR);
    expect(await errorOf(getIntakeForStaff(db, reception, appt.id))).toBeInstanceOf(Forbidden);
    const dto = await getIntakeForStaff(db, admin, appt.id);
    expect(dto.intake?.version).toBe(1);
    const audits = await auditsFor("intake.read", appt.id);
    expect(audits.map((a) => [a.actorKind, a.outcome]).sort()).toEqual([
      ["admin", "ok"],
      ["reception", "denied"],
    ]);
  });

  it("says not found for an unknown or malformed id, without touching anyone's data", async () => {
    const admin = await addStaff(db, "admin", "Clinic Manager");
    expect(await errorOf(getIntakeForStaff(db, admin, "3f0c1c9e-0000-4000-8000-000000000000"))).toBeInstanceOf(
      NotFound,
    );
    expect(await errorOf(getIntakeForStaff(db, admin, "not-a-uuid' or 1=1"))).toBeInstanceOf(NotFound);
  });

  it("returns no intake while the patient has not sent the form, and still audits the look", async () => {
    const appt = await bookWithIntake("amy", "2026-12-01T09:00:00+11:00", null);
    const dto = await getIntakeForStaff(db, amy, appt.id);
    expect(dto.intake).toBeNull();
    expect(dto.versions).toEqual([]);
    expect(await auditsFor("intake.read", appt.id)).toHaveLength(1);
  });
});

describe("marking an intake reviewed", () => {
  it("stamps the latest sent version once, audited, and keeps the first review", async () => {
    const admin = await addStaff(db, "admin", "Clinic Manager");
    const appt = await bookWithIntake("amy", "2026-12-01T09:00:00+11:00", TEAR);
    const first = await markIntakeReviewed(db, amy, appt.id, { now: TEST_NOW });
    expect(first).toMatchObject({
      version: 1,
      changed: true,
      reviewedBy: "Amy Adams",
      reviewedAt: TEST_NOW.toISOString(),
    });
    const again = await markIntakeReviewed(db, admin, appt.id);
    expect(again).toMatchObject({ changed: false, reviewedBy: "Amy Adams", reviewedAt: TEST_NOW.toISOString() });
    const [row] = await db.select().from(intakeResponses).where(eq(intakeResponses.appointmentId, appt.id));
    expect(row).toMatchObject({ reviewedByUserId: amy.userId });
    expect((await getIntakeForStaff(db, amy, appt.id)).intake?.reviewedBy).toBe("Amy Adams");
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "intake.review"));
    expect(audit).toMatchObject({ actorUserId: amy.userId, outcome: "ok", patientId: appt.patientId });
  });

  it("refuses reception and other practitioners, and has nothing to review before the form is sent", async () => {
    const bob = await addStaff(db, "practitioner", "Bob Brown", clinic.practitionerIds.bob);
    const sent = await bookWithIntake("amy", "2026-12-01T09:00:00+11:00", TEAR);
    const unsent = await bookWithIntake("amy", "2026-12-01T10:00:00+11:00", null);
    expect(await errorOf(markIntakeReviewed(db, bob, sent.id))).toBeInstanceOf(Forbidden);
    expect(await errorOf(markIntakeReviewed(db, reception, sent.id))).toBeInstanceOf(Forbidden);
    expect(await errorOf(markIntakeReviewed(db, amy, unsent.id))).toBeInstanceOf(Conflict);
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "intake.review"), eq(auditLog.outcome, "denied")));
    expect(denied).toHaveLength(2);
    const [row] = await db.select().from(intakeResponses).where(eq(intakeResponses.appointmentId, sent.id));
    expect(row!.reviewedAt).toBeNull();
  });
});
