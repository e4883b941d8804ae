import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { appointments, intakeResponses, practitioners, staffUsers } from "@/db/schema";
import { completeAnswers } from "@/lib/intake/sample-answers";
import { submitIntake } from "@/lib/intake/submit-intake";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { cancelAppointment } from "@/lib/scheduling/cancel-appointment";
import { rescheduleAppointment } from "@/lib/scheduling/reschedule-appointment";
import { listDeadLetters, retryDeadLetter } from "./dead-letters";
import { enqueueCallUsEmail } from "./enqueue";
import { patientDetails } from "@/lib/testing/factories";
import { anon, bookAhead, createHarness, type Harness, jobsOf, makeDue, sleep, tokenOf } from "./testing/harness";
import type { JobOutcome } from "./send-email-job";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => h.close());

const reception = {
  kind: "staff",
  userId: "00000000-0000-4000-8000-000000000001",
  role: "reception",
  practitionerId: null,
  name: "Rita Reception",
} as const;

function icsOf(mail: ParsedMail): string {
  const att = mail.attachments.find((a) => a.filename?.endsWith(".ics"));
  if (!att) throw new Error("no .ics attachment");
  return att.content.toString("utf8");
}

/** Reads an .ics the way a calendar app does: with the zone definitions it carries. */
function parseIcs(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const event = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
  return {
    event,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    tzid: event.startDate.zone?.tzid,
    sequence: event.sequence,
  };
}

const subjects = (mails: ParsedMail[]) => mails.map((m) => m.subject ?? "");

describe(`notifications (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("sends one confirmation with an .ics at the right instant, links, clinic details and nothing clinical", async () => {
    const booked = await bookAhead(h.db, 5, { notes: "sharp pain behind the knee at night" });
    await h.startWorker();
    const [mail] = await h.sink.waitFor(1);
    await sleep(1500); // a duplicate would arrive in this time
    expect(h.sink.received).toHaveLength(1);

    expect(mail!.subject).toMatch(/^Booking confirmed: /);
    expect(mail!.to && !Array.isArray(mail!.to) ? mail!.to.text : "").toContain("@example.com");
    for (const part of [mail!.text ?? "", String(mail!.html)]) {
      expect(part).toContain("Harbour Physio Group Test Clinic");
      expect(part).toContain("1 Test St, Sydney NSW 2000");
      expect(part).toContain("(02) 9999 0000");
      expect(part).toContain(booked.manageUrl);
      expect(part).toContain(booked.intakeUrl);
      expect(part).not.toMatch(/knee|pain|night/i);
    }
    const ics = icsOf(mail!);
    expect(ics).not.toMatch(/knee|manage\//i);
    const parsed = parseIcs(ics);
    expect(parsed.tzid).toBe("Australia/Sydney");
    expect(parsed.start.toISOString()).toBe(booked.start.toISOString());
    expect(parsed.end.getTime() - parsed.start.getTime()).toBe(45 * 60_000);
    expect(ics).toMatch(/DTSTART;TZID=Australia\/Sydney:\d{8}T100000/);

    // the queued jobs never held the manage or intake token in clear
    const rows = await jobsOf(h.db, booked.booking.id);
    expect(rows.map((r) => r.kind).sort()).toEqual(["confirmation", "intake-reminder", "reminder"]);
    for (const r of rows) {
      expect(r.data).not.toContain(tokenOf(booked.manageUrl));
      expect(r.data).not.toContain(tokenOf(booked.intakeUrl));
    }
  });

  it("sends the reminder when it falls due, with the manage link", async () => {
    const booked = await bookAhead(h.db);
    await h.startWorker();
    await h.sink.waitFor(1);
    expect(await makeDue(h.db, booked.booking.id, "reminder")).toBe(1);
    const mails = await h.sink.waitFor(2);
    expect(mails[1]!.subject).toMatch(/^Reminder: /);
    expect(mails[1]!.text).toContain(booked.manageUrl);
  });

  it("sends the intake reminder only to a patient who has not completed the questionnaire", async () => {
    const done = await bookAhead(h.db, 5);
    const open = await bookAhead(h.db, 6);
    await h.db.insert(intakeResponses).values({
      appointmentId: done.booking.id,
      patientId: (await h.db.select().from(appointments).where(eq(appointments.id, done.booking.id)))[0]!.patientId,
      version: 1,
      status: "completed",
      questionnaireVersion: "test",
      answers: {},
      submittedAt: new Date(),
    });
    await h.startWorker();
    await h.sink.waitFor(2);
    expect(await makeDue(h.db, done.booking.id, "intake-reminder")).toBe(1);
    expect(await makeDue(h.db, open.booking.id, "intake-reminder")).toBe(1);
    const mails = await h.sink.waitFor(3);
    await sleep(1500);
    expect(h.sink.received).toHaveLength(3);
    expect(mails[2]!.subject).toMatch(/^Please fill in your questionnaire before /);
    expect(mails[2]!.text).toContain(open.intakeUrl);
    expect((await jobsOf(h.db, done.booking.id)).find((j) => j.kind === "intake-reminder")!.state).toBe("completed");
  });

  it("sends no reminder for a booking cancelled before it", async () => {
    const booked = await bookAhead(h.db);
    await h.startWorker();
    await h.sink.waitFor(1);
    await cancelAppointment(
      h.db,
      { kind: "patient", appointmentId: booked.booking.id },
      booked.booking.id,
      { token: tokenOf(booked.manageUrl) },
      {},
    );
    const mails = await h.sink.waitFor(2);
    expect(mails[1]!.subject).toMatch(/is cancelled$/);
    const cancelIcs = parseIcs(icsOf(mails[1]!));
    expect(cancelIcs.event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelIcs.sequence).toBe(1);
    // the reminders were withdrawn in the cancelling transaction; none can fall due
    expect(await makeDue(h.db, booked.booking.id, "reminder")).toBe(0);
    expect(
      (await jobsOf(h.db, booked.booking.id)).filter((j) => j.kind.includes("reminder")).map((j) => j.state),
    ).toEqual(["cancelled", "cancelled"]);
    await sleep(1500);
    expect(subjects(h.sink.received)).toHaveLength(2);
  });

  it("re-checks the appointment when a reminder runs: one cancelled behind the queue's back gets nothing", async () => {
    const booked = await bookAhead(h.db);
    const outcomes: JobOutcome[] = [];
    await h.startWorker({ onOutcome: (o) => outcomes.push(o) });
    await h.sink.waitFor(1);
    await h.db.execute(
      sql`update appointments set status = 'cancelled', cancelled_at = now() where id = ${booked.booking.id}`,
    );
    expect(await makeDue(h.db, booked.booking.id, "reminder")).toBe(1);
    const until = Date.now() + 10_000;
    while (!outcomes.some((o) => o.kind === "reminder") && Date.now() < until) await sleep(100);
    expect(outcomes.find((o) => o.kind === "reminder")).toEqual({
      sent: false,
      kind: "reminder",
      reason: "appointment cancelled",
      jobId: expect.any(String),
      worker: expect.any(String),
    });
    expect(h.sink.received).toHaveLength(1);
  });

  it("on a move sends the change with an updated .ics and reschedules the reminders, keeping the links", async () => {
    const booked = await bookAhead(h.db);
    await h.startWorker();
    await h.sink.waitFor(1);
    const newStart = new Date(booked.start.getTime() + 3600_000); // 11:00 the same day
    await rescheduleAppointment(
      h.db,
      reception,
      booked.booking.id,
      { staff: true },
      { start: newStart.toISOString(), practitioner: "amy" },
    );
    const mails = await h.sink.waitFor(2);
    expect(mails[1]!.subject).toMatch(/^Your appointment has moved to /);
    const moved = parseIcs(icsOf(mails[1]!));
    expect(moved.start.toISOString()).toBe(newStart.toISOString());
    expect(moved.sequence).toBe(1);
    expect(moved.event.uid).toBe(parseIcs(icsOf(mails[0]!)).event.uid);
    expect(mails[1]!.text).toContain(booked.manageUrl); // carried over from the withdrawn reminders

    const reminders = (await jobsOf(h.db, booked.booking.id)).filter((j) => j.kind === "reminder");
    expect(reminders.map((j) => j.state)).toEqual(["cancelled", "created"]);
    expect(await makeDue(h.db, booked.booking.id, "reminder")).toBe(1);
    const after = await h.sink.waitFor(3);
    expect(after[2]!.subject).toMatch(/^Reminder: .* at 11:00 am$/);
    await sleep(1000);
    expect(h.sink.received).toHaveLength(3);
  });

  it("retries through an SMTP outage and then delivers once", async () => {
    await h.sink.down();
    const outcomes: JobOutcome[] = [];
    await h.startWorker({ onOutcome: (o) => outcomes.push(o) });
    const booked = await bookAhead(h.db);
    // let at least one attempt fail against the stopped server
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      const [job] = (await jobsOf(h.db, booked.booking.id)).filter((j) => j.kind === "confirmation");
      if (job && job.retry_count >= 1) break;
      await sleep(100);
    }
    expect(h.sink.received).toHaveLength(0);
    await h.sink.up();
    h.sink.refuseNext(1); // and one temporary refusal once it is back
    await h.sink.waitFor(1, 20_000);
    await sleep(1500);
    expect(subjects(h.sink.received)).toEqual([expect.stringMatching(/^Booking confirmed/)]);
    const [job] = (await jobsOf(h.db, booked.booking.id)).filter((j) => j.kind === "confirmation");
    expect(job!.state).toBe("completed");
    expect(job!.retry_count).toBeGreaterThanOrEqual(2);
  });

  it("moves an email that fails every retry to the dead letters, and sends it when an admin retries it", async () => {
    h.sink.refuseNext(Infinity);
    await h.startWorker();
    const booked = await bookAhead(h.db);
    const until = Date.now() + 25_000;
    let dead = await listDeadLetters(h.db);
    while (dead.length === 0 && Date.now() < until) {
      await sleep(200);
      dead = await listDeadLetters(h.db);
    }
    expect(dead).toEqual([
      {
        id: expect.any(String),
        kind: "confirmation",
        appointmentId: booked.booking.id,
        failedAt: expect.any(Date),
        attempts: 4,
        error: expect.stringContaining("451"),
      },
    ]);
    h.sink.refuseNext(0);
    expect(await retryDeadLetter(h.db, dead[0]!.id)).toBe(true);
    const [mail] = await h.sink.waitFor(1);
    expect(mail!.text).toContain(booked.manageUrl); // the sealed links survived the dead letter and the retry
    expect(await listDeadLetters(h.db)).toEqual([]);
  });

  it("dead-letters at once a message the server refuses for good (550)", async () => {
    h.sink.refuseNext(1, 550);
    await h.startWorker();
    await bookAhead(h.db);
    const until = Date.now() + 10_000;
    let dead = await listDeadLetters(h.db);
    while (dead.length === 0 && Date.now() < until) {
      await sleep(200);
      dead = await listDeadLetters(h.db);
    }
    expect(dead).toHaveLength(1);
    expect(dead[0]!.attempts).toBe(1);
  });

  it("with two workers on their own connections, sends each email exactly once", async () => {
    const bookings = [];
    for (let i = 0; i < 6; i++) bookings.push(await bookAhead(h.db, 5 + i));
    const second = await h.openSecondQueue();
    const seen: string[] = [];
    await Promise.all([
      h.startWorker({ name: "one", concurrency: 3, onOutcome: (o) => seen.push(o.worker) }),
      h.startWorker({ name: "two", concurrency: 3, queue: second, onOutcome: (o) => seen.push(o.worker) }),
    ]);
    await h.sink.waitFor(6);
    await sleep(2000);
    const ids = h.sink.received.map((m) => m.messageId);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    const recipients = h.sink.received.map((m) => (Array.isArray(m.to) ? "" : m.to?.text)).sort();
    expect(new Set(recipients).size).toBe(6);
    expect(seen).toHaveLength(6);
  });

  it("queues its own emails for each of several bookings made at once, and each patient gets their own links", async () => {
    let day = DateTime.now().setZone("Australia/Sydney").plus({ days: 6 }).startOf("day");
    while (day.weekday > 5) day = day.plus({ days: 1 });
    const starts = ["09:00", "09:45", "10:30", "11:15"].map((t) =>
      day.set({ hour: Number(t.slice(0, 2)), minute: Number(t.slice(3)) }).toISO()!,
    );
    const booked = await Promise.all(
      starts.map((start) =>
        bookAppointment(h.db, anon, {
          service: "physio-initial",
          location: "test-clinic",
          practitioner: "amy",
          start,
          patient: patientDetails(),
        }),
      ),
    );
    for (const body of booked)
      expect((await jobsOf(h.db, body.booking.id)).map((r) => r.kind).sort()).toEqual([
        "confirmation",
        "intake-reminder",
        "reminder",
      ]);
    await h.startWorker();
    await h.sink.waitFor(4);
    await sleep(1500); // a duplicate would arrive in this time
    expect(h.sink.received).toHaveLength(4);
    const texts = h.sink.received.map((m) => m.text ?? "");
    for (const body of booked)
      expect(texts.filter((t) => t.includes(body.manageUrl) && t.includes(body.intakeUrl))).toHaveLength(1);
  });

  it("skips, for each booking written together, only the reminders already due by that booking's own clock", async () => {
    let day = DateTime.now().setZone("Australia/Sydney").plus({ days: 6 }).startOf("day");
    while (day.weekday > 5) day = day.plus({ days: 1 });
    const at = (hour: number) => day.set({ hour });
    const book = (hour: number, hoursBefore: number) =>
      bookAppointment(
        h.db,
        anon,
        {
          service: "physio-initial",
          location: "test-clinic",
          practitioner: "amy",
          start: at(hour).toISO(),
          patient: patientDetails(),
        },
        { now: at(hour).minus({ hours: hoursBefore }).toJSDate() },
      );
    const [soon, early] = await Promise.all([book(10, 30), book(11, 72)]);
    // 30 hours ahead: the 48-hour intake reminder is already due; 72 hours ahead: both reminders lie ahead
    expect((await jobsOf(h.db, soon.booking.id)).map((r) => r.kind).sort()).toEqual(["confirmation", "reminder"]);
    expect((await jobsOf(h.db, early.booking.id)).map((r) => r.kind).sort()).toEqual([
      "confirmation",
      "intake-reminder",
      "reminder",
    ]);
  });

  it("sends the call-us email with the clinic's phone and no reason", async () => {
    await enqueueCallUsEmail(h.db, { email: "Zoe@Example.com", firstName: "Zoe", location: "test-clinic" });
    await h.startWorker();
    const [mail] = await h.sink.waitFor(1);
    expect(mail!.subject).toBe("Please call Harbour Physio Group to book");
    expect(Array.isArray(mail!.to) ? "" : mail!.to?.text).toBe("zoe@example.com");
    expect(mail!.text).toContain("(02) 9999 0000");
    expect(mail!.text).not.toMatch(/flag|symptom|triage|emergency department/i);
  });

  it("a flagged intake two weeks ahead emails the treating practitioner and reception once each, with a link and nothing clinical", async () => {
    const { env } = await import("@/lib/env");
    const saved = env.CLINIC_RECEPTION_EMAIL;
    env.CLINIC_RECEPTION_EMAIL = "front-desk@example.com";
    try {
      const [amy] = await h.db
        .select({ id: practitioners.id })
        .from(practitioners)
        .where(eq(practitioners.slug, "amy"));
      await h.db.insert(staffUsers).values({
        email: "amy@example.com",
        name: "Amy",
        role: "practitioner",
        practitionerId: amy!.id,
        passwordHash: "x",
      });
      const booked = await bookAhead(h.db, 14);
      await submitIntake(h.db, tokenOf(booked.intakeUrl), completeAnswers({ "rf-saddle-numbness": true }));
      // a second version, still flagged, sends nothing more
      await submitIntake(
        h.db,
        tokenOf(booked.intakeUrl),
        completeAnswers({ "rf-saddle-numbness": true, "pain-now": 3 }),
      );
      await h.startWorker();
      await h.sink.waitFor(3); // the confirmation and the two alerts
      await sleep(1500);
      const alerts = h.sink.received.filter((m) => m.subject === "An intake needs your attention");
      expect(alerts.map((m) => (Array.isArray(m.to) ? "" : m.to?.text)).sort()).toEqual([
        "amy@example.com",
        "front-desk@example.com",
      ]);
      for (const m of alerts) {
        expect(m.text).not.toMatch(/saddle|numb|bladder|emergency|call 000|Zoe|Test St/i);
        expect(m.text).toMatch(new RegExp(`/appointments/${booked.booking.id}/intake|/needs-a-call`));
      }
    } finally {
      env.CLINIC_RECEPTION_EMAIL = saved;
    }
  });
});
