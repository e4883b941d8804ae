// Bookings that arrive at once, each in its own transaction: each must get exactly the answer it would have got
// alone, and a refused one must leave nothing behind (its rollback takes its new patient and its key claim).
import type { PGlite } from "@electric-sql/pglite";
import { eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, type DbHandle, openPostgres } from "@/db/client";
import * as schema from "@/db/schema";
import { appointments, auditLog, idempotencyKeys, patients } from "@/db/schema";
import { SlotUnavailable } from "@/lib/errors";
import { bookingBody, createMiniClinic, patientDetails, TEST_NOW } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import { bookAppointment } from "./book-appointment";

let handle: DbHandle & { url?: string };
let db: Db;
const anon = { kind: "anonymous" } as const;
const at = (hhmm: string) => `2026-12-01T${hhmm}:00+11:00`;

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  await createMiniClinic(db);
});
afterEach(async () => handle.close());

describe(`bookings made at once (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("gives each of several bookings made at once its own appointment, patient and audit row", async () => {
    const times = ["09:00", "09:45", "10:30", "11:15", "14:00"];
    const bodies = times.map((t, i) =>
      bookingBody({ start: at(t), practitioner: i % 2 ? "bob" : "amy", patient: patientDetails() }),
    );
    const results = await Promise.all(bodies.map((b) => bookAppointment(db, anon, b, { now: TEST_NOW })));
    expect(results.map((r) => r.booking.status)).toEqual(Array(5).fill("booked"));
    expect(results.map((r) => r.booking.start)).toEqual(times.map(at));
    expect(results.map((r) => r.booking.practitioner)).toEqual(["amy", "bob", "amy", "bob", "amy"]);
    expect(new Set(results.map((r) => r.manageUrl)).size).toBe(5);

    const rows = await db
      .select({ id: appointments.id, email: patients.email })
      .from(appointments)
      .innerJoin(patients, eq(patients.id, appointments.patientId));
    expect(rows).toHaveLength(5);
    for (const [i, r] of results.entries())
      expect(rows.find((row) => row.id === r.booking.id)?.email).toBe(bodies[i]!.patient.email);
    const audits = await db
      .select()
      .from(auditLog)
      .where(
        inArray(
          auditLog.entityId,
          results.map((r) => r.booking.id),
        ),
      );
    expect(audits.map((a) => a.action)).toEqual(Array(5).fill("appointment.book"));
  });

  it("refuses one of two bookings made at once that overlap, as the database would", async () => {
    // a 45-minute visit at 9:00 and a 20-minute one at 9:30 with the same practitioner: whichever comes second loses
    const results = await Promise.allSettled([
      bookAppointment(db, anon, bookingBody({ start: at("09:00") }), { now: TEST_NOW }),
      bookAppointment(db, anon, bookingBody({ service: "shockwave", start: at("09:30") }), { now: TEST_NOW }),
      bookAppointment(db, anon, bookingBody({ service: "shockwave", start: at("09:30"), practitioner: "bob" }), {
        now: TEST_NOW,
      }),
    ]);
    expect(results.slice(0, 2).filter((r) => r.status === "rejected")).toHaveLength(1);
    expect(results[2]!.status).toBe("fulfilled");
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(SlotUnavailable);
    expect(await db.select().from(appointments)).toHaveLength(2);
  });

  it("leaves nothing of a refused booking: no new patient, and its Idempotency-Key can be used again", async () => {
    const winner = patientDetails();
    const loser = patientDetails();
    const results = await Promise.allSettled([
      bookAppointment(db, anon, bookingBody({ patient: winner }), { now: TEST_NOW, idempotencyKey: "winner" }),
      bookAppointment(db, anon, bookingBody({ patient: loser }), { now: TEST_NOW, idempotencyKey: "loser" }),
    ]);
    // one of the two wins the time; call the other the loser
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const [won, lost] = results[0]!.status === "fulfilled" ? [winner, loser] : [loser, winner];
    const lostKey = lost === loser ? "loser" : "winner";
    expect((await db.select({ email: patients.email }).from(patients)).map((p) => p.email)).toEqual([won.email]);
    expect(await db.select().from(idempotencyKeys)).toHaveLength(1);

    const retry = await bookAppointment(db, anon, bookingBody({ patient: lost, start: at("10:00") }), {
      now: TEST_NOW,
      idempotencyKey: lostKey,
    });
    expect(retry.booking.status).toBe("booked");
    expect(retry.booking.start).toBe(at("10:00"));
  });

  it("books a new patient's two online visits made at once: one patient of record, one possible duplicate of it", async () => {
    const patient = patientDetails();
    const [a, b] = await Promise.all([
      bookAppointment(db, anon, bookingBody({ patient, start: at("09:00") }), { now: TEST_NOW }),
      bookAppointment(db, anon, bookingBody({ patient, start: at("10:00") }), { now: TEST_NOW }),
    ]);
    expect([a.booking.status, b.booking.status]).toEqual(["booked", "booked"]);
    const rows = await db.select().from(patients);
    expect(rows).toHaveLength(2);
    const ofRecord = rows.find((r) => r.possibleDuplicateOf === null)!;
    expect(rows.find((r) => r.id !== ofRecord.id)!.possibleDuplicateOf).toBe(ofRecord.id);
    const owners = await db.select({ patientId: appointments.patientId }).from(appointments);
    expect(new Set(owners.map((o) => o.patientId)).size).toBe(2);
  });

  it("answers a repeat of an Idempotency-Key sent at the same moment with the first booking", async () => {
    const body = bookingBody();
    const [first, again] = await Promise.all([
      bookAppointment(db, anon, body, { now: TEST_NOW, idempotencyKey: "twice" }),
      bookAppointment(db, anon, body, { now: TEST_NOW, idempotencyKey: "twice" }),
    ]);
    expect(again).toEqual(first);
    expect(await db.select().from(appointments)).toHaveLength(1);
  });

  it("gives each booking its own refusal: an unknown location or practitioner does not fail the others", async () => {
    const results = await Promise.allSettled([
      bookAppointment(db, anon, bookingBody({ location: "nowhere" }), { now: TEST_NOW }),
      bookAppointment(db, anon, bookingBody({ start: at("09:00") }), { now: TEST_NOW }),
      bookAppointment(db, anon, bookingBody({ practitioner: "zed", start: at("10:00") }), { now: TEST_NOW }),
      bookAppointment(db, anon, bookingBody({ start: "2027-06-01T09:00:00+10:00" }), { now: TEST_NOW }),
    ]);
    expect(results.map((r) => r.status === "rejected" && (r.reason as { code?: string }).code)).toEqual([
      "not_found",
      false,
      "not_found",
      "outside_booking_window",
    ]);
    expect(await db.select().from(appointments)).toHaveLength(1);
    expect(await db.select().from(patients)).toHaveLength(1);
  });

  it("settles bookings from two processes racing for the same times: each time booked once, every loser told so", async () => {
    // on Postgres a second pool, as another app process has; PGlite has one connection, so there a second drizzle on it
    const other = handle.url
      ? openPostgres(handle.url, 4)
      : {
          db: drizzle({ client: (db as unknown as { $client: PGlite }).$client, schema }) as unknown as Db,
          close: async () => {},
        };
    try {
      const times = ["09:00", "09:45", "10:30", "11:15", "14:00", "14:45"];
      const attempt = (on: Db) =>
        times.map((t) =>
          bookAppointment(on, anon, bookingBody({ start: at(t), patient: patientDetails() }), { now: TEST_NOW }),
        );
      const results = await Promise.allSettled([...attempt(db), ...attempt(other.db)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(times.length);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(SlotUnavailable);
      const booked = await db.select({ start: appointments.startsAt }).from(appointments);
      expect(booked.map((b) => b.start.toISOString()).sort()).toEqual(
        times.map((t) => new Date(at(t)).toISOString()).sort(),
      );
      // the losers' new patients were rolled back
      expect(await db.select().from(patients)).toHaveLength(times.length);
    } finally {
      await other.close();
    }
  });

  it("settles sixty bookings for one time from three processes: one booked, every other told it was taken", async () => {
    // Overlapping inserts wait for each other under the exclusion constraint, and with many at once those waits can
    // form a cycle that Postgres breaks by ending one transaction (40P01): that booking must not see a 500.
    const pools = handle.url ? [openPostgres(handle.url, 10), openPostgres(handle.url, 10)] : [];
    try {
      const on = [db, ...pools.map((p) => p.db)];
      const results = await Promise.allSettled(
        Array.from({ length: 60 }, (_, i) =>
          bookAppointment(on[i % on.length]!, anon, bookingBody({ start: at("09:00"), patient: patientDetails() }), {
            now: TEST_NOW,
          }),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(SlotUnavailable);
      expect(await db.select().from(appointments)).toHaveLength(1);
    } finally {
      for (const p of pools) await p.close();
    }
  });
});
