// Phone patients and email: no address, no jobs; a queued email whose address was removed is skipped, not failed;
// reception resends a confirmation or intake link, reusing the sealed links or issuing new ones.
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appointments, auditLog, patients, practitioners } from "@/db/schema";
import { Conflict, DomainError, Forbidden } from "@/lib/errors";
import { bookAhead, createHarness, type Harness, jobsOf, sleep, tokenOf } from "@/lib/notifications/testing/harness";
import type { JobOutcome } from "@/lib/notifications/send-email-job";
import { hashToken } from "@/lib/security/tokens";
import { bookPhoneAppointment } from "./book-phone-appointment";
import { cancelByStaff } from "./cancel-by-staff";
import { resendAppointmentEmail } from "./resend-appointment-email";
import { addStaff, errorOf, type TestStaff } from "./testing/reception";
import { updatePatientContact } from "./update-patient-contact";

let h: Harness;
let reception: TestStaff;
let practitioner: TestStaff;
beforeEach(async () => {
  h = await createHarness();
  reception = await addStaff(h.db, "reception", "Front Desk");
  const [amy] = await h.db.select().from(practitioners).where(eq(practitioners.slug, "amy"));
  practitioner = await addStaff(h.db, "practitioner", "Amy Adams", amy!.id);
});
afterEach(async () => h.close());

const phoneOnly = { firstName: "Pat", lastName: "Caller", phone: "0400 111 222" };

/** A phone booking on the first free weekday morning at least `daysAhead` days away, by the real clock. */
async function phoneAhead(patient: Record<string, unknown>, daysAhead = 5) {
  for (let d = daysAhead; d < daysAhead + 30; d++) {
    const day = DateTime.now().setZone("Australia/Sydney").plus({ days: d });
    if (day.weekday > 5) continue;
    const start = day.set({ hour: 11, minute: 0, second: 0, millisecond: 0 }).toISO();
    try {
      return await bookPhoneAppointment(h.db, reception, {
        service: "physio-initial",
        location: "test-clinic",
        practitioner: "amy",
        start,
        patient,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  throw new Error("No bookable weekday found");
}

const linksIn = (text: string) => ({
  manage: /\/manage\/([\w-]+)/.exec(text)?.[1],
  intake: /\/intake\/([\w-]+)/.exec(text)?.[1],
});

describe(`phone patients and email (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("queues no email at all for a phone booking without an address (nor its cancellation), and the usual three with one", async () => {
    const none = await phoneAhead(phoneOnly);
    expect(await jobsOf(h.db, none.booking.id)).toEqual([]);
    await cancelByStaff(h.db, reception, none.booking.id, { reason: "Rang to cancel" });
    expect(await jobsOf(h.db, none.booking.id)).toEqual([]);
    const some = await phoneAhead({ ...phoneOnly, email: "pat@example.com" }, 6);
    expect((await jobsOf(h.db, some.booking.id)).map((j) => j.kind).sort()).toEqual([
      "confirmation",
      "intake-reminder",
      "reminder",
    ]);
  });

  it("skips (without failing) a queued email whose patient no longer has an address", async () => {
    const booked = await bookAhead(h.db, 5);
    const [a] = await h.db
      .select({ patientId: appointments.patientId })
      .from(appointments)
      .where(eq(appointments.id, booked.booking.id));
    const [p] = await h.db.select().from(patients).where(eq(patients.id, a!.patientId));
    await updatePatientContact(h.db, reception, p!.id, { ...p!, email: "" });
    const outcomes: JobOutcome[] = [];
    await h.startWorker({ onOutcome: (o) => outcomes.push(o) });
    const until = Date.now() + 15_000;
    while (outcomes.length === 0 && Date.now() < until) await sleep(100);
    expect(outcomes[0]).toMatchObject({ sent: false, kind: "confirmation", reason: "patient has no email" });
    await sleep(500);
    const confirmation = (await jobsOf(h.db, booked.booking.id)).find((j) => j.kind === "confirmation")!;
    expect(confirmation.state).toBe("completed");
    expect(h.sink.received).toHaveLength(0);
  });

  it("resends a confirmation with the links the queued emails hold, issuing none anew", async () => {
    const booked = await bookAhead(h.db, 5);
    const result = await resendAppointmentEmail(h.db, reception, booked.booking.id, { kind: "confirmation" });
    expect(result).toEqual({ kind: "confirmation", rotated: [] });
    await h.startWorker();
    const mails = await h.sink.waitFor(2);
    for (const mail of mails) {
      expect(mail.subject).toMatch(/^Booking confirmed: /);
      expect(mail.text).toContain(booked.manageUrl);
      expect(mail.text).toContain(booked.intakeUrl);
    }
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.action, "appointments.resend"));
    expect(audit!.detail).toEqual({ kind: "confirmation", rotated: [] });
    expect(JSON.stringify(audit)).not.toContain(tokenOf(booked.manageUrl));
  });

  it("after an email is added to a phone patient, resending issues new links (the old ones stop working) and queues the reminders", async () => {
    const booked = await phoneAhead(phoneOnly);
    const [a] = await h.db.select().from(appointments).where(eq(appointments.id, booked.booking.id));
    const [p] = await h.db.select().from(patients).where(eq(patients.id, a!.patientId));
    expect(
      await errorOf(resendAppointmentEmail(h.db, reception, booked.booking.id, { kind: "confirmation" })),
    ).toBeInstanceOf(Conflict);
    await updatePatientContact(h.db, reception, p!.id, { ...phoneOnly, email: "pat@example.com" });

    const result = await resendAppointmentEmail(h.db, reception, booked.booking.id, { kind: "confirmation" });
    expect(result.rotated).toEqual(["manage", "intake"]);
    expect((await jobsOf(h.db, booked.booking.id)).map((j) => j.kind).sort()).toEqual([
      "confirmation",
      "intake-reminder",
      "reminder",
    ]);
    await h.startWorker();
    const [mail] = await h.sink.waitFor(1);
    const links = linksIn(mail!.text ?? "");
    const [after] = await h.db.select().from(appointments).where(eq(appointments.id, booked.booking.id));
    expect(after!.manageTokenHash).toBe(hashToken(links.manage!));
    expect(after!.intakeTokenHash).toBe(hashToken(links.intake!));
    expect(after!.manageTokenHash).not.toBe(hashToken(tokenOf(booked.manageUrl)));

    // the intake link alone: now held by the queued reminders, so nothing is issued again
    expect(await resendAppointmentEmail(h.db, reception, booked.booking.id, { kind: "intake" })).toEqual({
      kind: "intake",
      rotated: [],
    });
  });

  it("is for the front desk, and only for an upcoming booked appointment", async () => {
    const booked = await bookAhead(h.db, 5);
    expect(
      await errorOf(resendAppointmentEmail(h.db, practitioner, booked.booking.id, { kind: "intake" })),
    ).toBeInstanceOf(Forbidden);
    const later = new Date(booked.start.getTime() + 3600_000);
    expect(
      await errorOf(resendAppointmentEmail(h.db, reception, booked.booking.id, { kind: "intake" }, { now: later })),
    ).toBeInstanceOf(Conflict);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, "appointments.resend"))).toHaveLength(0);
  });
});
