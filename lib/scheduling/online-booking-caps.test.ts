// Finding 8 and the +tag part of finding 9: one inbox or one patient may hold only a few future bookings online.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { appointments } from "@/db/schema";
import { env } from "@/lib/env";
import { NotBookableOnline } from "@/lib/errors";
import { bookingBody, createMiniClinic, patientDetails, TEST_NOW } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import { bookAppointment } from "./book-appointment";
import { cancelAppointment } from "./cancel-appointment";
import { normaliseEmail } from "./online-booking-caps";

let handle: DbHandle;
let db: Db;
const anon = { kind: "anonymous" } as const;
const staff = {
  kind: "staff",
  userId: "00000000-0000-4000-8000-000000000001",
  role: "reception",
  practitionerId: null,
  name: "Front desk",
} as const;
const tokenOf = (url: string) => url.split("/").pop()!;
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );
// free one-to-one times on Tuesday 1 and Wednesday 2 December, both practitioners
const TIMES = ["2026-12-01", "2026-12-02"].flatMap((d) =>
  ["09:00", "09:45", "10:30", "11:15", "14:00", "14:45"].flatMap((h) =>
    ["amy", "bob"].map((p) => ({ practitioner: p, start: `${d}T${h}:00+11:00` })),
  ),
);

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  await createMiniClinic(db);
});
afterEach(async () => handle.close());

const book = (actor: typeof anon | typeof staff, i: number, patient: ReturnType<typeof patientDetails>) =>
  bookAppointment(db, actor, bookingBody({ ...TIMES[i], patient }), { now: TEST_NOW });

describe(`online booking caps (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("normalises an address: lower case, no +tag", () => {
    expect(normaliseEmail(" Ana+Spam@Example.COM")).toBe("ana@example.com");
    expect(normaliseEmail("a+b+c@x.org")).toBe("a@x.org");
    expect(normaliseEmail("plain@x.org")).toBe("plain@x.org");
  });

  it(`takes at most ${env.ONLINE_FUTURE_BOOKINGS_MAX} future online bookings per inbox, +tags and case included, and tells the patient to call`, async () => {
    const max = env.ONLINE_FUTURE_BOOKINGS_MAX;
    for (let i = 0; i < max; i++)
      await book(anon, i, patientDetails({ email: `ana+${i}@example.com`, dateOfBirth: `199${i}-01-01` }));
    const refused = await errorOf(
      book(anon, max, patientDetails({ email: "ANA+other@example.com", dateOfBirth: "1980-05-05" })),
    );
    expect(refused).toBeInstanceOf(NotBookableOnline);
    expect((refused as NotBookableOnline).status).toBe(422);
    expect((refused as Error).message).toMatch(/call the clinic/);
    expect(await db.select().from(appointments)).toHaveLength(max);
    // another inbox is not affected; staff are never capped
    expect((await book(anon, max + 1, patientDetails())).booking.status).toBe("booked");
    expect(
      (await book(staff, max + 2, patientDetails({ email: "ana@example.com", dateOfBirth: "1980-05-05" }))).booking
        .status,
    ).toBe("booked");
  });

  it("counts only future bookings that still stand: a cancelled one frees its place", async () => {
    const patient = patientDetails();
    const made = [];
    for (let i = 0; i < env.ONLINE_FUTURE_BOOKINGS_MAX; i++) made.push(await book(anon, i, patient));
    expect(await errorOf(book(anon, 10, patient))).toBeInstanceOf(NotBookableOnline);
    await cancelAppointment(
      db,
      { kind: "patient" },
      made[0]!.booking.id,
      { token: tokenOf(made[0]!.manageUrl) },
      {},
      TEST_NOW,
    );
    expect((await book(anon, 10, patient)).booking.status).toBe("booked");
    // a later "now" leaves the earlier bookings in the past
    const later = await bookAppointment(
      db,
      anon,
      bookingBody({ ...TIMES[11], patient, start: "2026-12-04T09:00:00+11:00" }),
      { now: new Date("2026-12-03T09:00:00+11:00") },
    );
    expect(later.booking.status).toBe("booked");
  });

  it("holds under concurrency: many parallel bookings for one inbox give exactly the cap", async () => {
    const results = await Promise.allSettled(
      TIMES.map((_, i) => book(anon, i, patientDetails({ email: `rush+${i}@example.com` }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(env.ONLINE_FUTURE_BOOKINGS_MAX);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(NotBookableOnline);
    expect(await db.select().from(appointments)).toHaveLength(env.ONLINE_FUTURE_BOOKINGS_MAX);
  });
});
