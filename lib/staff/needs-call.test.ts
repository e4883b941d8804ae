import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { appointments, auditLog, intakeResponses } from "@/db/schema";
import { Conflict, Forbidden } from "@/lib/errors";
import { TEST_NOW } from "@/lib/testing/factories";
import { countNeedsCall, listNeedsCall } from "./list-needs-call";
import { markPatientCalled } from "./mark-patient-called";
import { bookOnline, errorOf, setUpReceptionTests, type TestStaff } from "./testing/reception";

let db: Db;
let reception: TestStaff;
let amy: TestStaff;
setUpReceptionTests((t) => ({ db, reception, amy } = t));

/** An intake sent at `sentAt` whose answers asked for a call, as recordSubmission leaves it. */
async function flag(appointmentId: string, sentAt: string) {
  const [a] = await db.select().from(appointments).where(eq(appointments.id, appointmentId));
  await db.insert(intakeResponses).values({
    appointmentId,
    patientId: a!.patientId,
    version: 1,
    status: "completed",
    questionnaireVersion: "1",
    answers: { "rf-saddle-numbness": true },
    route: "emergency",
    needsCall: true,
    submittedAt: new Date(sentAt),
  });
  await db.update(appointments).set({ needsCall: true }).where(eq(appointments.id, appointmentId));
}

describe("the Needs a call worklist", () => {
  it("lists every flagged patient not yet called, at any date, longest waiting first, with phone and route but no answers", async () => {
    const inTwoWeeks = await bookOnline(db, "amy", "2026-12-14T09:00:00+11:00", {
      firstName: "Far",
      lastName: "Ahead",
    });
    const tomorrow = await bookOnline(db, "bob", "2026-12-01T10:00:00+11:00", {
      firstName: "Soon",
      lastName: "Enough",
    });
    await bookOnline(db, "bob", "2026-12-02T10:00:00+11:00"); // not flagged
    await flag(tomorrow, "2026-11-30T07:30:00+11:00");
    await flag(inTwoWeeks, "2026-11-29T18:00:00+11:00");

    const list = await listNeedsCall(db, reception);
    expect(list.map((i) => i.appointment.id)).toEqual([inTwoWeeks, tomorrow]);
    expect(list[0]).toMatchObject({
      flaggedAt: "2026-11-29T07:00:00.000Z",
      appointment: {
        start: "2026-12-14T09:00:00+11:00",
        patient: { name: "Far Ahead" },
        intake: { route: "emergency", needsCall: true },
        patientPhone: expect.any(String),
      },
    });
    expect(JSON.stringify(list)).not.toContain("saddle");
    expect(await countNeedsCall(db)).toBe(2);
  });

  it("drops a patient once called, keeps the note on the appointment and out of the audit log, and refuses a second call", async () => {
    const a = await bookOnline(db, "amy", "2026-12-14T09:00:00+11:00");
    await flag(a, "2026-11-29T18:00:00+11:00");
    await markPatientCalled(db, reception, a, { note: "Sent to ED; will rebook" }, TEST_NOW);
    expect(await listNeedsCall(db, reception)).toEqual([]);
    expect(await countNeedsCall(db)).toBe(0);
    const [row] = await db.select().from(appointments).where(eq(appointments.id, a));
    expect(row).toMatchObject({ callNote: "Sent to ED; will rebook", calledAt: TEST_NOW });
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "appointment.called"));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain("ED");
    expect(await errorOf(markPatientCalled(db, reception, a, {}, TEST_NOW))).toBeInstanceOf(Conflict);
  });

  it("is for the front desk only, and a note has a limit", async () => {
    expect(await errorOf(listNeedsCall(db, amy))).toBeInstanceOf(Forbidden);
    expect(await errorOf(listNeedsCall(db, { kind: "anonymous" }))).toBeInstanceOf(Forbidden);
    const a = await bookOnline(db, "amy", "2026-12-14T09:00:00+11:00");
    await flag(a, "2026-11-29T18:00:00+11:00");
    expect(
      ((await errorOf(markPatientCalled(db, reception, a, { note: "x".repeat(501) }, TEST_NOW))) as Error).name,
    ).toBe("ZodError");
  });
});
