import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { appointments, auditLog, intakeResponses } from "@/db/schema";
import { Conflict, NotFound, ValidationFailed } from "@/lib/errors";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { cancelAppointment } from "@/lib/scheduling/cancel-appointment";
import { bookingBody, createMiniClinic, patientDetails, tamperedToken, TEST_NOW } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import { getIntakeByToken } from "./get-intake-by-token";
import { completeAnswers } from "./sample-answers";
import { saveIntakeDraft } from "./save-intake-draft";
import { submitIntake } from "./submit-intake";
import type { IntakeSummary } from "./summary";

let handle: DbHandle;
let db: Db;
const anon = { kind: "anonymous" } as const;
const tokenOf = (url: string) => url.split("/").pop()!;
const at = (iso: string) => ({ now: new Date(iso) });
const NOW = { now: TEST_NOW };

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  await createMiniClinic(db);
});
afterEach(async () => handle.close());

async function book(over: Record<string, unknown> = {}) {
  const body = await bookAppointment(db, anon, bookingBody(over), NOW);
  return { id: body.booking.id, token: tokenOf(body.intakeUrl), manageToken: tokenOf(body.manageUrl) };
}

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

const rowsFor = (appointmentId: string) =>
  db
    .select()
    .from(intakeResponses)
    .where(eq(intakeResponses.appointmentId, appointmentId))
    .orderBy(intakeResponses.version);

describe(`intake verbs (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("shows the visit in the clinic's zone and the patient's first name, with no response yet", async () => {
    const { token } = await book({ patient: patientDetails({ firstName: "Mia" }) });
    const view = await getIntakeByToken(db, token, TEST_NOW);
    expect(view).toMatchObject({
      appointment: {
        serviceName: "Physio",
        practitionerName: "Amy Adams",
        locationName: "Test Clinic",
        start: "2026-12-01T09:00:00+11:00",
        startLabel: "Tuesday 1 December 2026 at 9:00 am",
      },
      patient: { firstName: "Mia" },
      response: null,
      closed: null,
    });
  });

  it("knows nothing about a wrong or malformed token", async () => {
    const { token, manageToken } = await book();
    expect(await getIntakeByToken(db, tamperedToken(token), TEST_NOW)).toBeNull();
    expect(await getIntakeByToken(db, manageToken, TEST_NOW)).toBeNull(); // the manage token opens the booking, not the form
    expect(await getIntakeByToken(db, "../../etc", TEST_NOW)).toBeNull();
    expect(await errorOf(saveIntakeDraft(db, manageToken, { region: "buttock" }, NOW))).toBeInstanceOf(NotFound);
    expect(await errorOf(submitIntake(db, manageToken, completeAnswers(), NOW))).toBeInstanceOf(NotFound);
  });

  it("saves partial answers and gives them back on another visit, in one draft row", async () => {
    const { id, token } = await book();
    const first = await saveIntakeDraft(db, token, { consent: true, region: "back-of-knee" }, NOW);
    expect(first).toEqual({ version: 1, savedAt: TEST_NOW.toISOString() });
    await saveIntakeDraft(
      db,
      token,
      { consent: true, region: "back-of-knee", "knee-lump": true, "pain-now": 3 },
      at("2026-11-30T09:00:00+11:00"),
    );
    const view = await getIntakeByToken(db, token, TEST_NOW);
    expect(view?.response).toMatchObject({
      status: "in-progress",
      version: 1,
      answers: { consent: true, region: "back-of-knee", "knee-lump": true, "pain-now": 3 },
      submittedAt: null,
    });
    expect(await rowsFor(id)).toHaveLength(1);
  });

  it("refuses an impossible draft answer, naming the question", async () => {
    const { id, token } = await book();
    const e = await errorOf(saveIntakeDraft(db, token, { "pain-now": 11, region: "elbow", nonsense: true }, NOW));
    expect(e).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((e as ValidationFailed).fields!).sort()).toEqual(["nonsense", "pain-now", "region"]);
    expect((e as ValidationFailed).fields!["pain-now"]).toBe("Enter a whole number from 0 to 10");
    expect(await rowsFor(id)).toHaveLength(0);
  });

  it("names every missing required answer on submit and stores nothing as sent", async () => {
    const { id, token } = await book();
    await saveIntakeDraft(db, token, { consent: true, region: "buttock" }, NOW);
    const e = await errorOf(
      submitIntake(db, token, { consent: true, region: "buttock", onset: "sudden", weeks: 600 }, NOW),
    );
    expect(e).toBeInstanceOf(ValidationFailed);
    const fields = (e as ValidationFailed).fields!;
    expect(fields).toMatchObject({
      side: "Please choose an answer",
      pop: "Please answer yes or no",
      weeks: "Enter a whole number from 0 to 520",
      "rf-saddle-numbness": "Please answer yes or no",
    });
    expect(fields).not.toHaveProperty("knee-lump"); // hidden for a buttock problem
    expect((await rowsFor(id)).map((r) => r.status)).toEqual(["in-progress"]);
  });

  it("sends the form: the draft becomes a completed version with summary, FHIR response and an audit row without clinical detail", async () => {
    const { id, token } = await book();
    await saveIntakeDraft(db, token, { consent: true }, NOW);
    // pop is answered but onset is gradual, so it is dropped.
    const result = await submitIntake(db, token, completeAnswers({ pop: true }), at("2026-11-30T10:00:00+11:00"));
    expect(result).toMatchObject({
      status: "completed",
      version: 1,
      route: "sports-physio",
      urgency: "routine",
      flags: [],
      emergency: false,
    });
    const [row] = await rowsFor(id);
    expect(row).toMatchObject({
      status: "completed",
      version: 1,
      route: "sports-physio",
      needsCall: false,
      submittedAt: new Date("2026-11-30T10:00:00+11:00"),
    });
    expect(row!.answers).not.toHaveProperty("pop");
    expect(row!.response).toMatchObject({
      resourceType: "QuestionnaireResponse",
      id: row!.id,
      status: "completed",
      authored: "2026-11-29T23:00:00.000Z",
    });
    expect((row!.summary as IntakeSummary).triage.route).toBe("sports-physio");
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "intake.submit"));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorKind: "patient", entityId: row!.id, patientId: row!.patientId });
    expect(JSON.stringify(audits[0]!.detail)).not.toMatch(/route|sports|pain|buttock|flag/i);
    const [appt] = await db.select().from(appointments).where(eq(appointments.id, id));
    expect(appt!.needsCall).toBe(false);
  });

  it("never overwrites a sent version: a later edit is a new version", async () => {
    const { id, token } = await book();
    await submitIntake(db, token, completeAnswers(), NOW);
    expect(await saveIntakeDraft(db, token, { ...completeAnswers(), "pain-now": 2 }, NOW)).toMatchObject({
      version: 2,
    });
    expect((await getIntakeByToken(db, token, TEST_NOW))?.response).toMatchObject({
      status: "in-progress",
      version: 2,
      answers: { "pain-now": 2 },
    });
    await submitIntake(db, token, { ...completeAnswers(), "pain-now": 2 }, at("2026-11-30T11:00:00+11:00"));
    const rows = await rowsFor(id);
    expect(rows.map((r) => [r.version, r.status, (r.answers as { "pain-now": number })["pain-now"]])).toEqual([
      [1, "completed", 4],
      [2, "completed", 2],
    ]);
    // The second version compares itself with the first.
    expect((rows[1]!.summary as IntakeSummary).sincePrevious?.painNow).toEqual({ before: 4, now: 2, change: -2 });
    expect((await getIntakeByToken(db, token, TEST_NOW))?.response).toMatchObject({
      status: "completed",
      version: 2,
      outcome: { route: "sports-physio" },
    });
  });

  it("marks the appointment 'needs a call' and tells the patient at once when a red flag is raised after booking", async () => {
    const { id, token } = await book();
    const result = await submitIntake(db, token, completeAnswers({ "rf-saddle-numbness": true }), NOW);
    expect(result).toMatchObject({ route: "emergency", urgency: "now", emergency: true });
    expect(result.flags).toEqual([
      expect.objectContaining({
        tier: "emergency",
        code: "cauda-equina",
        message: expect.stringContaining("call 000"),
      }),
    ]);
    expect(result.flags[0]).not.toHaveProperty("staffAlert");
    const [appt] = await db.select().from(appointments).where(eq(appointments.id, id));
    expect(appt!.needsCall).toBe(true);
    expect((await rowsFor(id))[0]!.needsCall).toBe(true);
  });

  it("uses the age from the date of birth: over 50 without a diagnosis needs a GP check and a call", async () => {
    const { id, token } = await book({ patient: patientDetails({ dateOfBirth: "1970-12-01" }) });
    const result = await submitIntake(db, token, completeAnswers({ diagnosed: false }), NOW); // 55 on the day
    expect(result.flags.map((f) => f.code)).toEqual(["serious-history"]);
    expect(result.alsoSeeGp).toBe(true);
    const [appt] = await db.select().from(appointments).where(eq(appointments.id, id));
    expect(appt!.needsCall).toBe(true);
  });

  it("compares with the patient's previous response from another appointment", async () => {
    const patient = patientDetails();
    const first = await book({ patient, start: "2026-12-01T09:00:00+11:00" });
    // the follow-up booked by reception, on the same record (an online one would get a provisional record of its own)
    const staff = {
      kind: "staff",
      userId: "00000000-0000-4000-8000-000000000001",
      role: "reception",
      practitionerId: null,
      name: "Front desk",
    } as const;
    const body = await bookAppointment(db, staff, bookingBody({ patient, start: "2026-12-08T09:00:00+11:00" }), NOW);
    const second = { id: body.booking.id, token: tokenOf(body.intakeUrl) };
    await submitIntake(
      db,
      first.token,
      completeAnswers({ "pain-now": 6, "function-1-score": 2 }),
      at("2026-11-30T09:00:00+11:00"),
    );
    await submitIntake(
      db,
      second.token,
      completeAnswers({ "pain-now": 3, "function-1-score": 6 }),
      at("2026-12-02T09:00:00+11:00"),
    );
    const [row] = await rowsFor(second.id);
    const since = (row!.summary as IntakeSummary).sincePrevious!;
    expect(since.submittedAt).toBe("2026-11-29T22:00:00.000Z");
    expect(since.painNow).toEqual({ before: 6, now: 3, change: -3 });
    expect(since.functionScores[0]).toMatchObject({ slot: 1, before: 2, now: 6, change: 4, sameActivity: true });
    expect(row!.version).toBe(1); // versions count per appointment
  });

  it("closes the form for a cancelled or past appointment, with a clear conflict", async () => {
    const cancelled = await book();
    await cancelAppointment(db, { kind: "patient" }, cancelled.id, { token: cancelled.manageToken }, {}, TEST_NOW);
    const e = await errorOf(saveIntakeDraft(db, cancelled.token, { consent: true }, NOW));
    expect(e).toBeInstanceOf(Conflict);
    expect((e as Conflict).message).toMatch(/cancelled/);
    expect((await getIntakeByToken(db, cancelled.token, TEST_NOW))?.closed).toBe("cancelled");

    const past = await book({ start: "2026-12-01T10:00:00+11:00" });
    const after = at("2026-12-01T10:05:00+11:00");
    expect(await errorOf(submitIntake(db, past.token, completeAnswers(), after))).toBeInstanceOf(Conflict);
    expect((await getIntakeByToken(db, past.token, after.now))?.closed).toBe("past");
    expect(await rowsFor(past.id)).toHaveLength(0);
  });
});
