import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { appointments, auditLog, classes, patients, triages } from "@/db/schema";
import {
  Conflict,
  DomainError,
  NotBookableOnline,
  NotFound,
  OutsideBookingWindow,
  SlotUnavailable,
} from "@/lib/errors";
import { bookingBody, createMiniClinic, patientDetails, TEST_NOW } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import { bookAppointment } from "./book-appointment";
import { cancelAppointment } from "./cancel-appointment";
import { getBooking } from "./get-booking";
import { getBookingByManageToken } from "./get-booking-by-token";
import { listAvailability } from "./list-availability";
import { rescheduleAppointment } from "./reschedule-appointment";

let handle: DbHandle;
let db: Db;
const anon = { kind: "anonymous" } as const;
const tokenOf = (url: string) => url.split("/").pop()!;

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  await createMiniClinic(db);
});
afterEach(async () => handle.close());

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

describe(`booking verbs (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("refuses an online booking whose triage stops online booking (api.md: 422 not_bookable_online)", async () => {
    const triageOf = async (route: string) =>
      (
        await db
          .insert(triages)
          .values({ answers: {}, rulesVersion: "test", route, result: {} })
          .returning({ id: triages.id })
      )[0]!.id;
    for (const route of ["emergency", "urgent-care"]) {
      const error = await errorOf(
        bookAppointment(db, anon, bookingBody({ triage: await triageOf(route) }), { now: TEST_NOW }),
      );
      expect(error, route).toBeInstanceOf(NotBookableOnline);
    }
    expect(await db.select().from(appointments)).toHaveLength(0);
    // A routine route books as usual.
    const ok = await bookAppointment(db, anon, bookingBody({ triage: await triageOf("sports-physio") }), {
      now: TEST_NOW,
    });
    expect(ok.booking.status).toBe("booked");
  });

  it("books a free time, which then disappears from availability", async () => {
    const q = {
      location: "test-clinic",
      service: "physio-initial",
      from: "2026-12-01",
      to: "2026-12-01",
      practitioner: "amy",
    };
    const before = await listAvailability(db, q, TEST_NOW);
    expect(before.slots[0]).toMatchObject({
      start: "2026-12-01T09:00:00+11:00",
      end: "2026-12-01T09:45:00+11:00",
      practitioner: "amy",
      remaining: 1,
    });
    const body = await bookAppointment(db, anon, bookingBody(), { now: TEST_NOW });
    expect(body.booking).toMatchObject({
      status: "booked",
      service: "physio-initial",
      location: "test-clinic",
      practitioner: "amy",
      start: "2026-12-01T09:00:00+11:00",
    });
    expect(body.manageUrl).toMatch(/\/manage\/[A-Za-z0-9_-]{43}$/);
    expect(body.intakeUrl).toMatch(/\/intake\/[A-Za-z0-9_-]{43}$/);
    const after = await listAvailability(db, q, TEST_NOW);
    const starts = after.slots.map((s) => s.start);
    expect(starts).not.toContain("2026-12-01T09:00:00+11:00");
    expect(starts).not.toContain("2026-12-01T09:30:00+11:00"); // would overlap
    expect(starts).toContain("2026-12-01T09:45:00+11:00"); // back to back is fine
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, body.booking.id));
    expect(audit).toMatchObject({ action: "appointment.book", actorKind: "anonymous" });
  });

  it("gives exactly one of many concurrent requests for one slot", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        bookAppointment(db, anon, bookingBody({ patient: patientDetails() }), { now: TEST_NOW }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected"))
      expect(r.reason).toBeInstanceOf(SlotUnavailable);
    expect(await db.select().from(appointments)).toHaveLength(1);
  });

  it("refuses an overlapping booking of a different length, and a start off the roster", async () => {
    await bookAppointment(db, anon, bookingBody({ start: "2026-12-01T10:00:00+11:00" }), { now: TEST_NOW });
    expect(
      await errorOf(
        bookAppointment(db, anon, bookingBody({ service: "shockwave", start: "2026-12-01T10:30:00+11:00" }), {
          now: TEST_NOW,
        }),
      ),
    ).toBeInstanceOf(SlotUnavailable);
    expect(
      await errorOf(bookAppointment(db, anon, bookingBody({ start: "2026-12-01T12:45:00+11:00" }), { now: TEST_NOW })),
    ).toBeInstanceOf(SlotUnavailable);
    expect(
      await errorOf(bookAppointment(db, anon, bookingBody({ start: "2026-12-01T09:07:00+11:00" }), { now: TEST_NOW })),
    ).toBeInstanceOf(SlotUnavailable);
  });

  it("picks the first available practitioner when none is named", async () => {
    await bookAppointment(db, anon, bookingBody(), { now: TEST_NOW });
    const body = await bookAppointment(db, anon, bookingBody({ practitioner: undefined }), { now: TEST_NOW });
    expect(body.booking.practitioner).toBe("bob");
  });

  it("applies minimum notice and the horizon, but staff may override notice", async () => {
    const soon = bookingBody({ start: "2026-11-30T09:00:00+11:00" });
    expect(await errorOf(bookAppointment(db, anon, soon, { now: TEST_NOW }))).toBeInstanceOf(OutsideBookingWindow);
    expect(
      await errorOf(bookAppointment(db, anon, bookingBody({ start: "2027-03-02T09:00:00+11:00" }), { now: TEST_NOW })),
    ).toBeInstanceOf(OutsideBookingWindow);
    const staff = {
      kind: "staff",
      userId: "00000000-0000-4000-8000-000000000001",
      role: "reception",
      practitionerId: null,
      name: "Front desk",
    } as const;
    const booked = await bookAppointment(db, staff, soon, { now: TEST_NOW });
    expect(booked.booking.status).toBe("booked");
  });

  it("answers unknown slugs with 404 and a practitioner who does not work there with 422", async () => {
    const e1 = await errorOf(bookAppointment(db, anon, bookingBody({ location: "nowhere" }), { now: TEST_NOW }));
    expect(e1).toBeInstanceOf(NotFound);
    const e2 = await errorOf(bookAppointment(db, anon, bookingBody({ practitioner: "zed" }), { now: TEST_NOW }));
    expect(e2).toBeInstanceOf(NotFound);
  });

  it("returns the first answer to an idempotent retry, never a second booking", async () => {
    const body = bookingBody();
    const first = await bookAppointment(db, anon, body, { now: TEST_NOW, idempotencyKey: "key-1" });
    const again = await bookAppointment(db, anon, body, { now: TEST_NOW, idempotencyKey: "key-1" });
    expect(again).toEqual(first);
    expect(await db.select().from(appointments)).toHaveLength(1);
    const reused = await errorOf(
      bookAppointment(
        db,
        anon,
        { ...body, start: "2026-12-01T10:00:00+11:00" },
        { now: TEST_NOW, idempotencyKey: "key-1" },
      ),
    );
    expect((reused as DomainError).code).toBe("validation_failed");
  });

  it("gives a returning online patient a provisional record pointing at the one on file (finding 7)", async () => {
    const patient = patientDetails({ email: "Same@Example.com" });
    const a = await bookAppointment(db, anon, bookingBody({ patient }), { now: TEST_NOW });
    const b = await bookAppointment(
      db,
      anon,
      bookingBody({ patient: { ...patient, email: "same@example.com" }, start: "2026-12-02T09:00:00+11:00" }),
      { now: TEST_NOW },
    );
    const owner = async (id: string) =>
      (await db.select({ patientId: appointments.patientId }).from(appointments).where(eq(appointments.id, id)))[0]!
        .patientId;
    const [first, second] = [await owner(a.booking.id), await owner(b.booking.id)];
    expect(second).not.toBe(first);
    const [provisional] = await db.select().from(patients).where(eq(patients.id, second));
    expect(provisional!.possibleDuplicateOf).toBe(first);
  });

  it("cancels with the manage token, frees the time at once, and refuses a second cancel", async () => {
    const body = await bookAppointment(db, anon, bookingBody(), { now: TEST_NOW });
    const token = tokenOf(body.manageUrl);
    expect(await errorOf(getBooking(db, body.booking.id, "wrong-token"))).toBeInstanceOf(NotFound);
    expect((await getBooking(db, body.booking.id, token)).status).toBe("booked");
    const cancelled = await cancelAppointment(
      db,
      { kind: "patient" },
      body.booking.id,
      { token },
      { reason: "Feeling better" },
      TEST_NOW,
    );
    expect(cancelled.status).toBe("cancelled");
    expect(
      await errorOf(cancelAppointment(db, { kind: "patient" }, body.booking.id, { token }, {}, TEST_NOW)),
    ).toBeInstanceOf(Conflict);
    const again = await bookAppointment(db, anon, bookingBody({ patient: patientDetails() }), { now: TEST_NOW });
    expect(again.booking.status).toBe("booked");
  });

  it("refuses to cancel inside the cancellation window", async () => {
    const body = await bookAppointment(db, anon, bookingBody(), { now: TEST_NOW });
    const late = new Date("2026-11-30T12:00:00+11:00"); // 21 hours before
    const e = await errorOf(
      cancelAppointment(db, { kind: "patient" }, body.booking.id, { token: tokenOf(body.manageUrl) }, {}, late),
    );
    expect(e).toBeInstanceOf(OutsideBookingWindow);
    expect((e as Error).message).toContain("(02) 9999 0000");
  });

  it("moves a booking, and keeps the old time when the new one is taken", async () => {
    const body = await bookAppointment(db, anon, bookingBody(), { now: TEST_NOW });
    await bookAppointment(db, anon, bookingBody({ start: "2026-12-01T11:00:00+11:00", patient: patientDetails() }), {
      now: TEST_NOW,
    });
    const token = tokenOf(body.manageUrl);
    const taken = await errorOf(
      rescheduleAppointment(
        db,
        { kind: "patient" },
        body.booking.id,
        { token },
        { start: "2026-12-01T11:00:00+11:00" },
        TEST_NOW,
      ),
    );
    expect(taken).toBeInstanceOf(SlotUnavailable);
    expect((await getBooking(db, body.booking.id, token)).start).toBe("2026-12-01T09:00:00+11:00");
    const moved = await rescheduleAppointment(
      db,
      { kind: "patient" },
      body.booking.id,
      { token },
      { start: "2026-12-01T09:15:00+11:00" },
      TEST_NOW,
    );
    expect(moved.start).toBe("2026-12-01T09:15:00+11:00"); // overlapping its own old time is fine
    const view = await getBookingByManageToken(db, token, TEST_NOW);
    expect(view).toMatchObject({ status: "booked", practitioner: { slug: "amy", name: "Amy Adams" }, canCancel: true });
  });

  it("takes exactly as many class places as the class holds, even at once", async () => {
    const body = () =>
      bookingBody({ service: "pilates-class", start: "2026-12-01T17:30:00+11:00", patient: patientDetails() });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => bookAppointment(db, anon, body(), { now: TEST_NOW })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const [cls] = await db.select().from(classes);
    expect(cls!.bookedCount).toBe(3);
    const avail = await listAvailability(
      db,
      { location: "test-clinic", service: "pilates-class", from: "2026-12-01", to: "2026-12-08" },
      TEST_NOW,
    );
    expect(avail.slots.map((s) => s.start)).toEqual(["2026-12-08T17:30:00+11:00"]);
    expect(avail.slots[0]!.remaining).toBe(3);
  });
});
