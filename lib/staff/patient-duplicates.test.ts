// Finding 7: an online booking that matches a patient on email and date of birth must not reveal or change them.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { appointments, auditLog, intakeResponses, patients } from "@/db/schema";
import { env } from "@/lib/env";
import { Forbidden, ValidationFailed } from "@/lib/errors";
import { getIntakeByToken } from "@/lib/intake/get-intake-by-token";
import { saveIntakeDraft } from "@/lib/intake/save-intake-draft";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { bookingBody, patientDetails, TEST_NOW } from "@/lib/testing/factories";
import { bookPhoneAppointment } from "./book-phone-appointment";
import { keepPatientsApart } from "./keep-patients-apart";
import { listPossibleDuplicates } from "./list-possible-duplicates";
import { mergePatients } from "./merge-patients";
import { errorOf, setUpReceptionTests, type ReceptionTest } from "./testing/reception";
import { searchPatients } from "./search-patients";

let t: ReceptionTest;
setUpReceptionTests((x) => (t = x));
const anon = { kind: "anonymous" } as const;
const tokenOf = (url: string) => url.split("/").pop()!;
const real = {
  firstName: "Olivia",
  lastName: "Reyes",
  email: "olivia@example.com",
  phone: "0400 000 111",
  dateOfBirth: "1985-07-09",
};
const booker = { ...real, firstName: "Mallory", lastName: "Imposter", phone: "0499 999 999" };

async function bookAs(db: Db, patient: typeof real, start: string, practitioner = "amy") {
  const body = await bookAppointment(db, anon, bookingBody({ practitioner, start, patient }), { now: TEST_NOW });
  const [a] = await db
    .select({ patientId: appointments.patientId })
    .from(appointments)
    .where(eq(appointments.id, body.booking.id));
  return { id: body.booking.id, patientId: a!.patientId, intakeToken: tokenOf(body.intakeUrl) };
}

describe(`possible duplicate patients (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("gives a matching online booking a provisional record: the real patient is neither shown nor changed", async () => {
    const first = await bookAs(t.db, real, "2026-12-01T09:00:00+11:00");
    const second = await bookAs(t.db, booker, "2026-12-01T10:00:00+11:00");
    expect(second.patientId).not.toBe(first.patientId);
    const [provisional] = await t.db.select().from(patients).where(eq(patients.id, second.patientId));
    expect(provisional).toMatchObject({
      firstName: "Mallory",
      lastName: "Imposter",
      possibleDuplicateOf: first.patientId,
      mergedInto: null,
    });
    const [original] = await t.db.select().from(patients).where(eq(patients.id, first.patientId));
    expect(original).toMatchObject({
      firstName: "Olivia",
      lastName: "Reyes",
      phone: "0400 000 111",
      possibleDuplicateOf: null,
    });
    // the intake greets the booker with the name they typed, and their answers stay on their own record
    const view = await getIntakeByToken(t.db, second.intakeToken, TEST_NOW);
    expect(view?.patient.firstName).toBe("Mallory");
    await saveIntakeDraft(t.db, second.intakeToken, { consent: true, region: "buttock" }, { now: TEST_NOW });
    const answers = await t.db.select({ patientId: intakeResponses.patientId }).from(intakeResponses);
    expect(answers).toEqual([{ patientId: second.patientId }]);
  });

  it("keeps a phone booking on the record reception chose, or on the patient of record for known details", async () => {
    const first = await bookAs(t.db, real, "2026-12-01T09:00:00+11:00");
    const provisional = await bookAs(t.db, booker, "2026-12-01T10:00:00+11:00");
    const byDetails = await bookPhoneAppointment(
      t.db,
      t.reception,
      {
        service: "physio-initial",
        location: "test-clinic",
        practitioner: "bob",
        start: "2026-12-01T09:00:00+11:00",
        patient: { ...real, firstName: "Liv" },
      },
      TEST_NOW,
    );
    const byId = await bookPhoneAppointment(
      t.db,
      t.reception,
      {
        service: "physio-initial",
        location: "test-clinic",
        practitioner: "bob",
        start: "2026-12-01T10:00:00+11:00",
        patientId: provisional.patientId,
      },
      TEST_NOW,
    );
    const owner = async (id: string) =>
      (await t.db.select({ p: appointments.patientId }).from(appointments).where(eq(appointments.id, id)))[0]!.p;
    expect(await owner(byDetails.booking.id)).toBe(first.patientId);
    expect(await owner(byId.booking.id)).toBe(provisional.patientId);
    expect(await t.db.select().from(patients)).toHaveLength(2);
  });

  it("lists possible duplicates for reception, and a merge moves every appointment and intake to the kept record, audited", async () => {
    const first = await bookAs(t.db, real, "2026-12-01T09:00:00+11:00");
    await saveIntakeDraft(t.db, first.intakeToken, { consent: true }, { now: TEST_NOW });
    const second = await bookAs(t.db, { ...real, firstName: "Liv" }, "2026-12-01T10:00:00+11:00");
    const third = await bookAs(t.db, { ...real, firstName: "Livvy" }, "2026-12-01T11:00:00+11:00");
    await saveIntakeDraft(t.db, second.intakeToken, { consent: true, region: "buttock" }, { now: TEST_NOW });
    const { duplicates } = await listPossibleDuplicates(t.db, t.reception);
    expect(duplicates.map((d) => [d.patient.firstName, d.possibleDuplicateOf.firstName])).toEqual([
      ["Liv", "Olivia"],
      ["Livvy", "Olivia"],
    ]);

    const merged = await mergePatients(
      t.db,
      t.reception,
      { patientId: second.patientId, into: first.patientId },
      TEST_NOW,
    );
    expect(merged.moved).toEqual({ appointments: 1, intakes: 1 });
    const mine = await t.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(eq(appointments.patientId, first.patientId));
    expect(mine.map((a) => a.id).sort()).toEqual([first.id, second.id].sort());
    expect(
      await t.db.select().from(intakeResponses).where(eq(intakeResponses.patientId, second.patientId)),
    ).toHaveLength(0);
    expect(
      await t.db.select().from(intakeResponses).where(eq(intakeResponses.patientId, first.patientId)),
    ).toHaveLength(2);
    const [gone] = await t.db.select().from(patients).where(eq(patients.id, second.patientId));
    expect(gone).toMatchObject({ mergedInto: first.patientId, possibleDuplicateOf: null });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "patients.merge"));
    expect(audit).toMatchObject({
      actorUserId: t.reception.userId,
      entityId: first.patientId,
      detail: { merged: second.patientId, appointments: 1, intakes: 1 },
    });
    // the merged record leaves the list and the search, and cannot be chosen for a booking
    expect((await listPossibleDuplicates(t.db, t.reception)).duplicates.map((d) => d.patient.id)).toEqual([
      third.patientId,
    ]);
    expect(
      (await searchPatients(t.db, t.reception, { q: "olivia@example.com" })).patients.map((p) => p.id).sort(),
    ).toEqual([first.patientId, third.patientId].sort());
    const e = await errorOf(
      bookPhoneAppointment(
        t.db,
        t.reception,
        {
          service: "physio-initial",
          location: "test-clinic",
          practitioner: "bob",
          start: "2026-12-01T09:00:00+11:00",
          patientId: second.patientId,
        },
        TEST_NOW,
      ),
    );
    expect(e).toBeInstanceOf(ValidationFailed);
  });

  it("can keep the new record instead: it becomes the patient of record", async () => {
    const first = await bookAs(t.db, real, "2026-12-01T09:00:00+11:00");
    const second = await bookAs(t.db, { ...real, phone: "0411 222 333" }, "2026-12-01T10:00:00+11:00");
    await mergePatients(t.db, t.reception, { patientId: first.patientId, into: second.patientId }, TEST_NOW);
    const [kept] = await t.db.select().from(patients).where(eq(patients.id, second.patientId));
    expect(kept).toMatchObject({ possibleDuplicateOf: null, mergedInto: null, phone: "0411 222 333" });
    // the next online booking with those details is again a possible duplicate, now of the kept record
    const third = await bookAs(t.db, real, "2026-12-01T11:00:00+11:00");
    const [p] = await t.db.select().from(patients).where(eq(patients.id, third.patientId));
    expect(p!.possibleDuplicateOf).toBe(second.patientId);
  });

  it("keeps a different person apart, and is for reception and admins only", async () => {
    await bookAs(t.db, real, "2026-12-01T09:00:00+11:00");
    const twin = await bookAs(t.db, { ...real, firstName: "Sofia" }, "2026-12-01T10:00:00+11:00");
    expect(await errorOf(listPossibleDuplicates(t.db, t.amy))).toBeInstanceOf(Forbidden);
    expect(
      await errorOf(mergePatients(t.db, t.amy, { patientId: twin.patientId, into: twin.patientId })),
    ).toBeInstanceOf(Forbidden);
    expect(await errorOf(keepPatientsApart(t.db, t.amy, twin.patientId))).toBeInstanceOf(Forbidden);
    await keepPatientsApart(t.db, t.reception, twin.patientId, TEST_NOW);
    expect((await listPossibleDuplicates(t.db, t.reception)).duplicates).toEqual([]);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "patients.keep-apart"));
    expect(audit).toMatchObject({ entityId: twin.patientId });
  });

  it("under concurrent online bookings with the same new details, makes one patient of record and the rest provisional", async () => {
    // as many as one inbox may hold online (ONLINE_FUTURE_BOOKINGS_MAX)
    const starts = ["09:00", "09:45", "10:30", "11:15", "14:00", "14:45"]
      .flatMap((h) => ["amy", "bob"].map((p) => [p, `2026-12-02T${h}:00+11:00`] as const))
      .slice(0, env.ONLINE_FUTURE_BOOKINGS_MAX);
    const results = await Promise.allSettled(
      starts.map(([p, start]) =>
        bookAs(t.db, { ...patientDetails(), email: "same@example.com", dateOfBirth: "1990-01-01" }, start, p),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await t.db.select().from(patients).where(eq(patients.email, "same@example.com"));
    const ofRecord = rows.filter((r) => r.possibleDuplicateOf === null);
    expect(ofRecord).toHaveLength(1);
    expect(rows.filter((r) => r.possibleDuplicateOf === ofRecord[0]!.id)).toHaveLength(starts.length - 1);
  });
});
