// Wait-list integration tests on the real queue, a real SMTP server and the database under test (PGlite, or Postgres
// with DATABASE_URL, where the race runs across two connection pools as two app processes would).
import { eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPostgres, rowsOf, type Db } from "@/db/client";
import { waitlistEntries, waitlistOffers } from "@/db/schema";
import { DomainError, NotBookableOnline } from "@/lib/errors";
import { listDeadLetters } from "@/lib/notifications/dead-letters";
import { EMAIL_QUEUE } from "@/lib/notifications/jobs";
import { smtpMailer } from "@/lib/notifications/mailer";
import {
  anon,
  bookAhead,
  createHarness,
  FAST,
  type Harness,
  sleep,
  tokenOf,
} from "@/lib/notifications/testing/harness";
import { bookAppointment, placeBooking } from "@/lib/scheduling/book-appointment";
import { cancelAppointment } from "@/lib/scheduling/cancel-appointment";
import { listAvailability } from "@/lib/scheduling/list-availability";
import { rescheduleAppointment } from "@/lib/scheduling/reschedule-appointment";
import { toOffsetIso, localDateOf } from "@/lib/scheduling/local-time";
import { patientDetails } from "@/lib/testing/factories";
import { env } from "@/lib/env";
import { startWorkerProcess } from "@/lib/worker-process";
import { acceptOffer } from "./accept-offer";
import { expireOffers } from "./expire-offers";
import { getWaitlistEntry } from "./get-entry";
import { WAITLIST_QUEUE } from "./jobs";
import { joinWaitlist } from "./join-waitlist";
import { leaveWaitlist } from "./leave-waitlist";
import { offerFreedTime } from "./make-offers";
import { offerFreedTimeThrough, runWaitlistJob } from "./worker";

const TZ = "Australia/Sydney";
const reception = {
  kind: "staff",
  userId: "00000000-0000-4000-8000-000000000001",
  role: "reception",
  practitionerId: null,
  name: "Rita Reception",
} as const;

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await offerFreedTimeThrough(h.queue);
});
afterEach(async () => {
  await offerFreedTimeThrough(undefined);
  await h.close();
});

/** Runs the queued wait-list jobs in this process, as a worker would, until none is left. */
async function drain(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const jobs = await h.queue.boss.fetch(WAITLIST_QUEUE, { batchSize: 10 });
    if (!jobs || jobs.length === 0) return;
    for (const job of jobs) {
      await runWaitlistJob(h.queue, job.data);
      await h.queue.boss.complete(WAITLIST_QUEUE, job.id);
    }
  }
}

/** The patient-email queue's wait-list jobs, by state. */
async function emailJobs(kind: string) {
  return rowsOf<{ id: string; state: string; offer_id: string | null }>(
    await h.db.execute(
      sql`select id, state::text as state, data->>'offerId' as offer_id from pgboss.job where name = ${EMAIL_QUEUE} and data->>'kind' = ${kind}`,
    ),
  );
}

/** Waits (without a timed assertion) until every job of `kind` in the patient-email queue has run. */
async function settled(kind: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await emailJobs(kind);
    if (jobs.length > 0 && jobs.every((j) => j.state === "completed")) return jobs;
    if (Date.now() > until) throw new Error(`${kind} jobs still open: ${JSON.stringify(jobs)}`);
    await sleep(200);
  }
}

async function join(day: string, over: Record<string, unknown> = {}) {
  const body = await joinWaitlist(h.db, anon, {
    service: "physio-initial",
    location: "test-clinic",
    earliest: day,
    latest: day,
    patient: patientDetails(),
    ...over,
  });
  return { id: body.entry.id, token: tokenOf(body.manageUrl) };
}

/** A booking a few days ahead, cancelled: its time frees, and the entries are there before it does. */
async function cancelledAhead(entries: number, over: Record<string, unknown> = {}) {
  const booked = await bookAhead(h.db, 5);
  const day = localDateOf(booked.start, TZ);
  const joined = [];
  for (let i = 0; i < entries; i++) joined.push(await join(day, over));
  await drain(); // the booking's own job: nothing to do
  await cancelAppointment(h.db, { kind: "patient" }, booked.booking.id, { token: tokenOf(booked.manageUrl) }, {});
  await drain();
  return { booked, day, joined };
}

const entryOf = (e: { id: string; token: string }) => getWaitlistEntry(h.db, e.id, e.token);

describe(`wait list (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("offers a cancelled time to the oldest entries, a batch at a time, and keeps it from the public", async () => {
    const { booked, day, joined } = await cancelledAhead(env.WAITLIST_OFFER_BATCH + 1);
    const states = await Promise.all(joined.map(entryOf));
    expect(states.map((s) => s.status)).toEqual(["offered", "offered", "offered", "waiting"]);
    expect(states[0]!.offer).toMatchObject({ start: toOffsetIso(booked.start, TZ), practitioner: "amy" });
    const hold = new Date(states[0]!.offer!.expiresAt).getTime() - Date.now();
    expect(hold).toBeGreaterThan(25 * 60_000);
    expect(hold).toBeLessThanOrEqual(30 * 60_000 + 1000);
    const free = await listAvailability(h.db, {
      location: "test-clinic",
      service: "physio-initial",
      from: day,
      to: day,
      practitioner: "amy",
    });
    expect(free.slots.map((s) => s.start)).not.toContain(toOffsetIso(booked.start, TZ));
    const direct = bookAppointment(h.db, anon, {
      service: "physio-initial",
      location: "test-clinic",
      practitioner: "amy",
      start: toOffsetIso(booked.start, TZ),
      patient: patientDetails(),
    });
    await expect(direct).rejects.toMatchObject({ code: "slot_unavailable" });
  });

  it("two accepts at once: exactly one booking, the other 409 and waiting again", async () => {
    const { joined } = await cancelledAhead(2);
    // on Postgres the second accept comes through its own pool, as from a second app process
    const second = h.handle.url ? openPostgres(h.handle.url, 4, { appRole: env.DATABASE_APP_ROLE }) : undefined;
    const dbB: Db = second?.db ?? h.db;
    try {
      const results = await Promise.allSettled([
        acceptOffer(h.db, { kind: "patient" }, joined[0]!.id, joined[0]!.token),
        acceptOffer(dbB, { kind: "patient" }, joined[1]!.id, joined[1]!.token),
      ]);
      const ok = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r) => r.status === "rejected");
      const said = results.map((r) =>
        r.status === "rejected" ? `${(r.reason as DomainError).code} ${String(r.reason)}` : "ok",
      );
      expect(said.join(" / ")).toContain("ok");
      expect(ok).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "slot_unavailable" });
      const states = (await Promise.all(joined.map(entryOf))).map((s) => s.status).sort();
      expect(states).toEqual(["booked", "waiting"]);
      const rows = await h.db.select().from(waitlistOffers).where(eq(waitlistOffers.status, "accepted"));
      expect(rows).toHaveLength(1);
    } finally {
      await second?.close();
    }
  });

  it("accepting books through the booking verb with source waitlist; accepting again is a conflict", async () => {
    const { booked, joined } = await cancelledAhead(1);
    const created = await acceptOffer(h.db, { kind: "patient" }, joined[0]!.id, joined[0]!.token);
    expect(created.booking).toMatchObject({
      status: "booked",
      start: toOffsetIso(booked.start, TZ),
      practitioner: "amy",
    });
    expect((await entryOf(joined[0]!)).booking).toEqual({ id: created.booking.id });
    await expect(acceptOffer(h.db, { kind: "patient" }, joined[0]!.id, joined[0]!.token)).rejects.toMatchObject({
      code: "conflict",
    });
    const noOffer = await join(localDateOf(booked.start, TZ));
    await expect(acceptOffer(h.db, { kind: "patient" }, noOffer.id, noOffer.token)).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("expired offers go back to waiting and the next batch is offered", async () => {
    const { joined } = await cancelledAhead(env.WAITLIST_OFFER_BATCH + 1);
    await h.db
      .update(waitlistOffers)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(waitlistOffers.status, "open"));
    const [loc] = await h.db.select({ id: waitlistEntries.locationId }).from(waitlistEntries).limit(1);
    expect(await expireOffers(h.db, loc!.id)).toBe(1);
    const states = await Promise.all(joined.map(entryOf));
    expect(states.map((s) => s.status)).toEqual(["waiting", "waiting", "waiting", "offered"]);
    await expect(acceptOffer(h.db, { kind: "patient" }, joined[0]!.id, joined[0]!.token)).rejects.toMatchObject({
      code: "slot_unavailable",
    });
  });

  it("an offer's time taken by staff meanwhile: the accept gets 409 and the entry waits again", async () => {
    const { booked, joined } = await cancelledAhead(1);
    await placeBooking(h.db, reception, {
      service: "physio-initial",
      location: "test-clinic",
      practitioner: "amy",
      start: toOffsetIso(booked.start, TZ),
      patient: { firstName: "Phone", lastName: "Caller", phone: "0400 000 000" },
    });
    await expect(acceptOffer(h.db, { kind: "patient" }, joined[0]!.id, joined[0]!.token)).rejects.toMatchObject({
      code: "slot_unavailable",
    });
    expect((await entryOf(joined[0]!)).status).toBe("waiting");
  });

  it("a move frees the old time and offers it", async () => {
    const booked = await bookAhead(h.db, 5);
    const day = localDateOf(booked.start, TZ);
    const entry = await join(day, { practitioner: "amy", partsOfDay: ["morning"] });
    await drain();
    const later = new Date(booked.start.getTime() + 4 * 3600_000);
    await rescheduleAppointment(
      h.db,
      { kind: "patient" },
      booked.booking.id,
      { token: tokenOf(booked.manageUrl) },
      { start: toOffsetIso(later, TZ) },
    );
    await drain();
    expect((await entryOf(entry)).offer?.start).toBe(toOffsetIso(booked.start, TZ));
  });

  it("makes no offer for a time inside minimum notice, nor for another part of the day", async () => {
    const booked = await bookAhead(h.db, 5);
    const day = localDateOf(booked.start, TZ);
    const evening = await join(day, { partsOfDay: ["evening"] });
    const entry = await join(day);
    await drain();
    const [a] = rowsOf<{ location_id: string; practitioner_id: string }>(
      await h.db.execute(sql`select location_id, practitioner_id from appointments where id = ${booked.booking.id}`),
    );
    await h.db.execute(
      sql`update appointments set status = 'cancelled', cancelled_at = now() where id = ${booked.booking.id}`,
    );
    const freed = {
      locationId: a!.location_id,
      practitionerId: a!.practitioner_id,
      start: booked.start,
      end: new Date(booked.start.getTime() + 45 * 60_000),
    };
    // an hour before the start: inside the service's two hours' notice
    expect(await offerFreedTime(h.db, freed, new Date(booked.start.getTime() - 3600_000))).toBe(0);
    expect(await offerFreedTime(h.db, freed)).toBe(1);
    expect((await entryOf(entry)).status).toBe("offered");
    expect((await entryOf(evening)).status).toBe("waiting");
  });

  it("leaving withdraws the offer and passes the time on; joining is capped per email", async () => {
    const { joined } = await cancelledAhead(2, {});
    await drain();
    const left = await leaveWaitlist(h.db, { kind: "patient" }, joined[0]!.id, joined[0]!.token);
    expect(left.status).toBe("left");
    await drain();
    expect((await entryOf(joined[1]!)).status).toBe("offered");
    const patient = patientDetails();
    const day = localDateOf(new Date(Date.now() + 10 * 86_400_000), TZ);
    for (let i = 0; i < 3; i++) await join(day, { patient });
    await expect(join(day, { patient: { ...patient, email: patient.email.toUpperCase() } })).rejects.toMatchObject({
      code: "not_bookable_online",
    });
    await expect(getWaitlistEntry(h.db, joined[1]!.id, "x".repeat(43))).rejects.toMatchObject({ code: "not_found" });
  });

  it("queues one patient email per offer, in the offer's transaction; two workers send each once over real SMTP", async () => {
    await cancelledAhead(env.WAITLIST_OFFER_BATCH, { notes: "sharp pain behind the knee" });
    const offers = await h.db.select({ id: waitlistOffers.id }).from(waitlistOffers);
    expect(offers).toHaveLength(env.WAITLIST_OFFER_BATCH);
    // the offers' own jobs sit in the patient-email queue (not the wait list's), one per offer
    const queued = await emailJobs("waitlist-offer");
    expect(queued.map((j) => j.offer_id).sort()).toEqual(offers.map((o) => o.id).sort());
    // two more jobs for every offer, as if retries raced, for two email workers on their own connections
    const again = offers.map((o) => ({ data: { kind: "waitlist-offer", offerId: o.id } }));
    await h.queue.boss.insert(EMAIL_QUEUE, [...again, ...again]);
    const second = await h.openSecondQueue();
    await h.startWorker({ name: "one", concurrency: 2 });
    await h.startWorker({ name: "two", concurrency: 2, queue: second });
    expect(await settled("waitlist-offer")).toHaveLength(offers.length * 3);
    const offerMails = h.sink.received.filter((m) => m.subject?.startsWith("A time has come up"));
    expect(offerMails).toHaveLength(offers.length);
    expect(new Set(offerMails.map((m) => m.messageId)).size).toBe(offers.length);
    expect(new Set(offerMails.map((m) => m.to && JSON.stringify(m.to))).size).toBe(offers.length);
    for (const mail of offerMails) {
      expect(mail.text).toContain("/wait-list/");
      expect(mail.text).not.toMatch(/triage|pain|knee/i);
      expect(String(mail.html)).not.toMatch(/triage|pain|knee/i);
    }
    const rows = await h.db.select({ emailedAt: waitlistOffers.emailedAt }).from(waitlistOffers);
    expect(rows.every((r) => r.emailedAt !== null)).toBe(true);
  });

  it("an offer email the mail server refuses is listed under Failed emails, like any patient email", async () => {
    await cancelledAhead(1);
    // only the offer's email is left in the queue, so it is the one the server refuses
    await h.db.execute(sql`delete from pgboss.job where name = ${EMAIL_QUEUE} and data->>'kind' <> 'waitlist-offer'`);
    h.sink.refuseNext(1, 550);
    await h.startWorker();
    const until = Date.now() + 20_000;
    let dead = await listDeadLetters(h.db, { queue: h.queue });
    while (dead.length === 0 && Date.now() < until) {
      await sleep(200);
      dead = await listDeadLetters(h.db, { queue: h.queue });
    }
    expect(dead).toEqual([expect.objectContaining({ kind: "waitlist-offer", appointmentId: null, attempts: 1 })]);
    expect(dead[0]!.error).toContain("550");
  });

  it("the standalone worker (npm run worker) makes the offers and sends their emails", async () => {
    const booked = await bookAhead(h.db, 5);
    const entry = await join(localDateOf(booked.start, TZ));
    await cancelAppointment(h.db, { kind: "patient" }, booked.booking.id, { token: tokenOf(booked.manageUrl) }, {});
    // the freed time's job is queued; nothing in this process works the wait list's queue
    expect((await entryOf(entry)).status).toBe("waiting");
    const target = { db: h.db, kind: h.handle.kind, url: h.handle.url };
    const worker = await startWorkerProcess(target, {
      mailer: smtpMailer(h.sink.url),
      pollingIntervalSeconds: 0.5,
      settings: FAST,
    });
    try {
      const jobs = await settled("waitlist-offer");
      expect(jobs).toHaveLength(1);
      expect((await entryOf(entry)).status).toBe("offered");
      const mails = h.sink.received.filter((m) => m.subject?.startsWith("A time has come up"));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.messageId).toBe(`<waitlist-offer-${jobs[0]!.offer_id}@demo.clinic>`);
    } finally {
      await worker.stop();
    }
  });

  it("a freed class place is offered a place at a time; two accepts for it: one booked, the other 409 and waiting", async () => {
    // a full class (3 places) on a Tuesday evening at least five days ahead
    let day = DateTime.now().setZone(TZ).plus({ days: 5 });
    while (day.weekday !== 2) day = day.plus({ days: 1 });
    const start = day.set({ hour: 17, minute: 30, second: 0, millisecond: 0 });
    const cls = { service: "pilates-class", location: "test-clinic", practitioner: "amy", start: start.toISO()! };
    const places = [];
    for (let i = 0; i < 3; i++) places.push(await bookAppointment(h.db, anon, { ...cls, patient: patientDetails() }));
    const date = start.toISODate()!;
    const joined = [];
    for (let i = 0; i < 3; i++) joined.push(await join(date, { service: "pilates-class" }));
    await drain();
    const classFree = async () =>
      (await listAvailability(h.db, { location: "test-clinic", service: "pilates-class", from: date, to: date })).slots;

    // two places free: the first is offered (to a batch), the second stays bookable, a place at a time
    for (const booked of places.slice(0, 2))
      await cancelAppointment(h.db, { kind: "patient" }, booked.booking.id, { token: tokenOf(booked.manageUrl) }, {});
    await drain();
    let states = await Promise.all(joined.map(entryOf));
    expect(states.map((s) => s.status)).toEqual(["offered", "offered", "offered"]);
    expect(states[0]!.offer).toMatchObject({ start: toOffsetIso(start.toJSDate(), TZ), practitioner: "amy" });
    expect(await h.db.select().from(waitlistOffers)).toHaveLength(3);
    // capacity 3, one booked, one place held by the open offers: one left for the public
    expect((await classFree()).map((s) => s.remaining)).toEqual([1]);
    const taker = await bookAppointment(h.db, anon, { ...cls, patient: patientDetails() });
    expect(await classFree()).toEqual([]);
    await expect(bookAppointment(h.db, anon, { ...cls, patient: patientDetails() })).rejects.toMatchObject({
      code: "slot_unavailable",
    });

    // two accepts for the one held place at once (on Postgres through a second pool, as a second process)
    const second = h.handle.url ? openPostgres(h.handle.url, 4, { appRole: env.DATABASE_APP_ROLE }) : undefined;
    try {
      const results = await Promise.allSettled([
        acceptOffer(h.db, { kind: "patient" }, joined[0]!.id, joined[0]!.token),
        acceptOffer(second?.db ?? h.db, { kind: "patient" }, joined[1]!.id, joined[1]!.token),
      ]);
      const ok = results.filter((r) => r.status === "fulfilled");
      expect(ok).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: "slot_unavailable" });
      expect((ok[0] as PromiseFulfilledResult<{ booking: { start: string } }>).value.booking.start).toBe(
        toOffsetIso(start.toJSDate(), TZ),
      );
    } finally {
      await second?.close();
    }
    states = await Promise.all(joined.map(entryOf));
    expect(states.map((s) => s.status).sort()).toEqual(["booked", "waiting", "waiting"]);
    const [k] = rowsOf<{ booked_count: number }>(
      await h.db.execute(
        sql`select booked_count from classes where starts_at = ${start.toJSDate().toISOString()}::timestamptz`,
      ),
    );
    expect(Number(k!.booked_count)).toBe(3);
    // the class is full again: nothing more to offer, nothing for the public
    await drain();
    expect(await h.db.select().from(waitlistOffers).where(eq(waitlistOffers.status, "open"))).toHaveLength(0);
    expect(await classFree()).toEqual([]);

    // the public taker cancels: that place goes to the entries not offered it before... none is left, so it is free
    await cancelAppointment(h.db, { kind: "patient" }, taker.booking.id, { token: tokenOf(taker.manageUrl) }, {});
    await drain();
    expect((await classFree()).map((s) => s.remaining)).toEqual([1]);
  });

  it("carries the triage like a booking, and refuses one that stops online booking (422 not_bookable_online)", async () => {
    const day = localDateOf(new Date(Date.now() + 10 * 86_400_000), TZ);
    const triage = async (route: string) =>
      rowsOf<{ id: string }>(
        await h.db.execute(
          sql`insert into triages (route, answers, rules_version, result) values (${route}, '{}'::jsonb, 'test', '{}'::jsonb) returning id`,
        ),
      )[0]!.id;
    for (const route of ["emergency", "urgent-care"]) {
      const refused = join(day, { triage: await triage(route) });
      await expect(refused).rejects.toBeInstanceOf(NotBookableOnline);
      await expect(refused).rejects.toMatchObject({ code: "not_bookable_online", status: 422 });
    }
    expect(await h.db.select().from(waitlistEntries)).toHaveLength(0);
    await expect(join(day, { triage: "00000000-0000-4000-8000-00000000abcd" })).rejects.toMatchObject({
      code: "validation_failed",
    });
    const routine = await triage("physio");
    const joined = await join(day, { triage: routine });
    const [row] = await h.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, joined.id));
    expect(row!.triageId).toBe(routine);
  });
});
