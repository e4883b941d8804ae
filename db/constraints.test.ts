import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqlState } from "@/lib/errors";
import { hashToken, newToken } from "@/lib/security/tokens";
import { createTestDb } from "@/lib/testing/test-db";
import type { Db, DbHandle } from "./client";
import * as s from "./schema";

let handle: DbHandle;
let db: Db;
let ids: {
  location: string;
  other: string;
  physio: string;
  pilates: string;
  amy: string;
  bob: string;
  patient: string;
};

async function setup() {
  const [loc] = await db
    .insert(s.locations)
    .values({ slug: "test-clinic", name: "Test", timezone: "Australia/Sydney", address: "1 Test St" })
    .returning();
  const [other] = await db
    .insert(s.locations)
    .values({ slug: "ep-only", name: "EP only", timezone: "Australia/Sydney", address: "2 Test St" })
    .returning();
  await db.insert(s.locationDisciplines).values([
    { locationId: loc!.id, discipline: "sports-physio" },
    { locationId: other!.id, discipline: "exercise-physiology" },
  ]);
  const [physio] = await db
    .insert(s.services)
    .values({ slug: "physio", name: "Physio", discipline: "sports-physio", durationMinutes: 45 })
    .returning();
  const [pilates] = await db
    .insert(s.services)
    .values({ slug: "pilates", name: "Pilates", discipline: "sports-physio", durationMinutes: 55, capacity: 2 })
    .returning();
  await db.insert(s.serviceLocations).values([
    { serviceId: physio!.id, locationId: loc!.id, discipline: "sports-physio" },
    { serviceId: pilates!.id, locationId: loc!.id, discipline: "sports-physio" },
  ]);
  const [amy] = await db
    .insert(s.practitioners)
    .values({ slug: "amy", name: "Amy", discipline: "sports-physio", title: "Physio" })
    .returning();
  const [bob] = await db
    .insert(s.practitioners)
    .values({ slug: "bob", name: "Bob", discipline: "sports-physio", title: "Physio" })
    .returning();
  await db.insert(s.practitionerLocations).values([
    { practitionerId: amy!.id, locationId: loc!.id, discipline: "sports-physio" },
    { practitionerId: bob!.id, locationId: loc!.id, discipline: "sports-physio" },
  ]);
  const [patient] = await db
    .insert(s.patients)
    .values({
      firstName: "Ana",
      lastName: "Lee",
      email: "ana@example.com",
      phone: "0412345678",
      dateOfBirth: "1990-04-02",
    })
    .returning();
  ids = {
    location: loc!.id,
    other: other!.id,
    physio: physio!.id,
    pilates: pilates!.id,
    amy: amy!.id,
    bob: bob!.id,
    patient: patient!.id,
  };
}

const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00+11:00`);

function visit(
  practitionerId: string,
  from: string,
  to: string,
  extra: Partial<typeof s.appointments.$inferInsert> = {},
) {
  const range = { start: at(from), end: at(to) };
  return db
    .insert(s.appointments)
    .values({
      serviceId: ids.physio,
      locationId: ids.location,
      practitionerId,
      patientId: ids.patient,
      during: range,
      blocked: range,
      manageTokenHash: hashToken(newToken()),
      intakeTokenHash: hashToken(newToken()),
      ...extra,
    })
    .returning();
}

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected SQLSTATE ${code}`).not.toBeNull();
  expect(sqlState(error)).toBe(code);
}

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  await setup();
});
afterEach(async () => handle.close());

describe(`database invariants (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("refuses two overlapping active appointments for one practitioner (23P01)", async () => {
    await visit(ids.amy, "09:00", "09:45");
    await expectCode(visit(ids.amy, "09:30", "10:15"), "23P01");
    await expectCode(visit(ids.amy, "08:30", "10:30"), "23P01");
  });

  it("accepts back-to-back appointments and the same time with another practitioner", async () => {
    await visit(ids.amy, "09:00", "09:45");
    await visit(ids.amy, "09:45", "10:30");
    await visit(ids.bob, "09:00", "09:45");
    const rows = await db.select().from(s.appointments);
    expect(rows).toHaveLength(3);
  });

  it("counts buffers: an overlap of blocked time is refused even when the visits do not overlap", async () => {
    await visit(ids.amy, "09:00", "09:45", { blocked: { start: at("09:00"), end: at("10:00") } });
    await expectCode(visit(ids.amy, "09:45", "10:30"), "23P01");
  });

  it("accepts the overlap again once the first appointment is cancelled", async () => {
    const [first] = await visit(ids.amy, "09:00", "09:45");
    await db
      .update(s.appointments)
      .set({ status: "cancelled", cancelledAt: new Date(), cancelReason: "test" })
      .where(eq(s.appointments.id, first!.id));
    await visit(ids.amy, "09:15", "10:00");
    // and a cancelled appointment cannot come back to life on top of the new one
    await expectCode(
      db.update(s.appointments).set({ status: "booked", cancelledAt: null }).where(eq(s.appointments.id, first!.id)),
      "23P01",
    );
  });

  it("refuses an over-full class, and a one-to-one visit on top of a class", async () => {
    const [cls] = await db
      .insert(s.classes)
      .values({
        serviceId: ids.pilates,
        locationId: ids.location,
        practitionerId: ids.amy,
        startsAt: at("18:00"),
        endsAt: at("18:55"),
        capacity: 2,
      })
      .returning();
    const place = () => visit(ids.amy, "18:00", "18:55", { serviceId: ids.pilates, classId: cls!.id });
    const [patient2] = await db
      .insert(s.patients)
      .values({ firstName: "B", lastName: "C", email: "b@example.com", phone: "1", dateOfBirth: "1980-01-01" })
      .returning();
    await place();
    await visit(ids.amy, "18:00", "18:55", { serviceId: ids.pilates, classId: cls!.id, patientId: patient2!.id });
    await expectCode(place(), "23514");
    const [after] = await db.select().from(s.classes).where(eq(s.classes.id, cls!.id));
    expect(after!.bookedCount).toBe(2);
    await expectCode(visit(ids.amy, "18:30", "19:15"), "23P01");
  });

  it("frees a class place when it is cancelled", async () => {
    const [cls] = await db
      .insert(s.classes)
      .values({
        serviceId: ids.pilates,
        locationId: ids.location,
        practitionerId: ids.amy,
        startsAt: at("18:00"),
        endsAt: at("18:55"),
        capacity: 1,
      })
      .returning();
    const [a] = await visit(ids.amy, "18:00", "18:55", { serviceId: ids.pilates, classId: cls!.id });
    await db
      .update(s.appointments)
      .set({ status: "cancelled", cancelledAt: new Date() })
      .where(eq(s.appointments.id, a!.id));
    await visit(ids.amy, "18:00", "18:55", { serviceId: ids.pilates, classId: cls!.id });
    const [after] = await db.select().from(s.classes).where(eq(s.classes.id, cls!.id));
    expect(after!.bookedCount).toBe(1);
  });

  it("refuses a roster at a location that does not offer the practitioner's discipline", async () => {
    await expectCode(
      db
        .insert(s.practitionerLocations)
        .values({ practitionerId: ids.amy, locationId: ids.other, discipline: "sports-physio" }),
      "23503",
    );
    await expectCode(
      db.insert(s.rosterEntries).values({
        practitionerId: ids.amy,
        locationId: ids.other,
        weekday: 1,
        startsAt: "09:00",
        endsAt: "17:00",
        validFrom: "2026-01-01",
      }),
      "23503",
    );
  });

  it("refuses an appointment for a service the location does not offer", async () => {
    await expectCode(visit(ids.amy, "09:00", "09:45", { locationId: ids.other }), "23503");
  });

  it("refuses malformed and duplicate slugs", async () => {
    await expectCode(
      db.insert(s.locations).values({ slug: "Bad Slug!", name: "x", timezone: "UTC", address: "x" }),
      "23514",
    );
    await expectCode(
      db.insert(s.locations).values({ slug: "test-clinic", name: "x", timezone: "UTC", address: "x" }),
      "23505",
    );
  });

  it("keeps the audit log append-only", async () => {
    const [row] = await db.insert(s.auditLog).values({ actorKind: "system", action: "test" }).returning();
    await expectCode(db.update(s.auditLog).set({ action: "changed" }).where(eq(s.auditLog.id, row!.id)), "42501");
    await expectCode(db.delete(s.auditLog).where(eq(s.auditLog.id, row!.id)), "42501");
  });
});
