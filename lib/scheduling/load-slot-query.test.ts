import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, type DbHandle, rowsOf } from "@/db/client";
import * as s from "@/db/schema";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { createMiniClinic, type MiniClinic, patientDetails, TEST_NOW } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import { bookAppointment } from "./book-appointment";
import { loadSlotQuery, slotContextStatement } from "./load-slot-query";

// The one statement that reads a slot query, checked against what the pure engine expects of each part.
let handle: DbHandle;
let db: Db;
let clinic: MiniClinic;

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  clinic = await createMiniClinic(db);
});
afterEach(async () => handle.close());

const at = (iso: string) => new Date(iso);
const range = (start: string, end: string) => ({ start: at(start), end: at(end) });
let n = 0;

async function appointment(
  practitionerId: string,
  locationId: string,
  serviceId: string,
  start: string,
  end: string,
  status: "booked" | "cancelled" = "booked",
) {
  const [patient] = await db.insert(s.patients).values(patientDetails()).returning();
  n++;
  const [row] = await db
    .insert(s.appointments)
    .values({
      serviceId,
      locationId,
      practitionerId,
      patientId: patient!.id,
      during: range(start, end),
      blocked: range(start, end),
      status,
      cancelledAt: status === "cancelled" ? TEST_NOW : null,
      manageTokenHash: `m${n}`,
      intakeTokenHash: `i${n}`,
    })
    .returning();
  return row!;
}

describe(`loadSlotQuery (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  const week = {
    location: "test-clinic",
    service: "physio-initial",
    from: "2026-12-01",
    to: "2026-12-31",
    now: TEST_NOW,
  };

  it("reads the service rules, the practitioners and their rosters with breaks, and the dedicated class block", async () => {
    const { query, location, service, practitionerIds } = await loadSlotQuery(db, week);
    expect(location.slug).toBe("test-clinic");
    expect(service.id).toBe(clinic.serviceIds.physio);
    expect(query).toMatchObject({
      timezone: "Australia/Sydney",
      location: "test-clinic",
      practitioners: ["amy", "bob"],
      from: "2026-12-01",
      to: "2026-12-31",
    });
    expect(query.service).toEqual({
      slug: "physio-initial",
      durationMinutes: 45,
      capacity: 1,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeMinutes: 120,
      horizonDays: 56,
      stepMinutes: 15,
    });
    expect(practitionerIds).toEqual(
      new Map([
        ["amy", clinic.practitionerIds.amy],
        ["bob", clinic.practitionerIds.bob],
      ]),
    );
    expect(query.rosters).toHaveLength(11);
    expect(query.rosters).toContainEqual({
      practitioner: "bob",
      weekday: 3,
      start: "09:00",
      end: "17:00",
      validFrom: "2026-01-01",
      validTo: null,
      service: null,
      breaks: [{ start: "12:30", end: "13:15" }],
      rotationWeeks: 1,
      week: 1,
    });
    expect(query.rosters).toContainEqual({
      practitioner: "amy",
      weekday: 2,
      start: "17:30",
      end: "18:25",
      validFrom: "2026-01-01",
      validTo: null,
      service: "pilates-class",
      breaks: [],
      rotationWeeks: 1,
      week: 1,
    });
    expect(query.busy).toEqual([]);
    expect(query.classBookings).toEqual([]);
  });

  it("closes the location's closures and the region's public holidays, inside the range only", async () => {
    await db
      .insert(s.closures)
      .values({ locationId: clinic.locationId, startsOn: "2026-11-28", endsOn: "2026-12-02", reason: "Renovation" });
    await db
      .insert(s.closures)
      .values({ locationId: clinic.locationId, startsOn: "2027-01-05", endsOn: "2027-01-05", reason: "Later" });
    const { query } = await loadSlotQuery(db, week);
    expect([...query.closedDates].sort()).toEqual([
      "2026-12-01",
      "2026-12-02",
      "2026-12-25",
      "2026-12-26",
      "2026-12-28",
    ]);
  });

  it("counts leave, and bookings at any location, as busy; not cancelled ones, nor the booking being moved", async () => {
    // Bob's leave runs from Sydney midnight to Sydney midnight (UTC 13:00 the day before).
    await db.insert(s.leave).values({
      practitionerId: clinic.practitionerIds.bob,
      startsAt: at("2026-12-02T00:00:00+11:00"),
      endsAt: at("2026-12-03T00:00:00+11:00"),
      reason: "Leave",
    });
    const [other] = await db
      .insert(s.locations)
      .values({
        slug: "other-clinic",
        name: "Other",
        timezone: "Australia/Sydney",
        address: "2 Test St, Sydney NSW 2000",
        phone: "(02) 9999 1111",
        holidayRegion: "AU-NSW",
      })
      .returning();
    await db.insert(s.locationDisciplines).values({ locationId: other!.id, discipline: "sports-physio" });
    await db
      .insert(s.serviceLocations)
      .values({ serviceId: clinic.serviceIds.physio, locationId: other!.id, discipline: "sports-physio" });
    await db
      .insert(s.practitionerLocations)
      .values({ practitionerId: clinic.practitionerIds.amy, locationId: other!.id, discipline: "sports-physio" });
    const elsewhere = await appointment(
      clinic.practitionerIds.amy,
      other!.id,
      clinic.serviceIds.physio,
      "2026-12-03T10:00:00+11:00",
      "2026-12-03T10:45:00+11:00",
    );
    await appointment(
      clinic.practitionerIds.amy,
      clinic.locationId,
      clinic.serviceIds.physio,
      "2026-12-03T14:00:00+11:00",
      "2026-12-03T14:45:00+11:00",
      "cancelled",
    );
    await appointment(
      clinic.practitionerIds.amy,
      clinic.locationId,
      clinic.serviceIds.physio,
      "2027-02-01T10:00:00+11:00",
      "2027-02-01T10:45:00+11:00",
    );

    const { query } = await loadSlotQuery(db, week);
    expect(query.busy).toHaveLength(2);
    expect(query.busy).toContainEqual({
      practitioner: "bob",
      ...range("2026-12-02T00:00:00+11:00", "2026-12-03T00:00:00+11:00"),
    });
    expect(query.busy).toContainEqual({
      practitioner: "amy",
      ...range("2026-12-03T10:00:00+11:00", "2026-12-03T10:45:00+11:00"),
      classKey: undefined,
    });

    const moving = await loadSlotQuery(db, { ...week, ignoreAppointmentId: elsewhere.id });
    expect(moving.query.busy.map((b) => b.practitioner)).toEqual(["bob"]);
  });

  it("reads one named practitioner only, and says why when there is none to read", async () => {
    const { query, practitionerIds } = await loadSlotQuery(db, { ...week, practitioner: "bob" });
    expect(query.practitioners).toEqual(["bob"]);
    expect([...practitionerIds.keys()]).toEqual(["bob"]);
    expect(new Set(query.rosters.map((r) => r.practitioner))).toEqual(new Set(["bob"]));

    await db
      .insert(s.practitioners)
      .values({ slug: "cat", name: "Cat Chen", discipline: "sports-physio", title: "Physio" });
    await expect(loadSlotQuery(db, { ...week, practitioner: "cat" })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(loadSlotQuery(db, { ...week, practitioner: "nobody" })).rejects.toBeInstanceOf(NotFound);
    await expect(loadSlotQuery(db, { ...week, location: "nowhere" })).rejects.toBeInstanceOf(NotFound);
    await expect(loadSlotQuery(db, { ...week, service: "nothing" })).rejects.toBeInstanceOf(NotFound);
  });

  it("leaves out a practitioner who is no longer active", async () => {
    await db.update(s.practitioners).set({ active: false }).where(eq(s.practitioners.id, clinic.practitionerIds.bob));
    const { query } = await loadSlotQuery(db, week);
    expect(query.practitioners).toEqual(["amy"]);
    expect(query.rosters.every((r) => r.practitioner === "amy")).toBe(true);
  });

  it("gives a class its taken places, and a one-to-one query the class as busy time", async () => {
    const body = {
      service: "pilates-class",
      location: "test-clinic",
      practitioner: "amy",
      start: "2026-12-01T17:30:00+11:00",
    };
    await bookAppointment(db, { kind: "anonymous" }, { ...body, patient: patientDetails() }, { now: TEST_NOW });
    await bookAppointment(db, { kind: "anonymous" }, { ...body, patient: patientDetails() }, { now: TEST_NOW });
    const classQuery = await loadSlotQuery(db, { ...week, service: "pilates-class" });
    expect(classQuery.query.classBookings).toEqual([
      { practitioner: "amy", start: at("2026-12-01T17:30:00+11:00"), booked: 2 },
    ]);
    expect(classQuery.query.busy).toEqual([]);
    const physio = await loadSlotQuery(db, week);
    expect(physio.query.classBookings).toEqual([]);
    expect(physio.query.busy).toHaveLength(2);
    expect(physio.query.busy[0]).toMatchObject({
      practitioner: "amy",
      ...range("2026-12-01T17:30:00+11:00", "2026-12-01T18:25:00+11:00"),
    });
    expect(physio.query.busy[0]!.classKey).toBeDefined();
  });

  it("reads only the chosen practitioner's bookings, even where the statistics think a future week is empty", async () => {
    // A year of Bob's history, analysed; then a full future week the statistics have not seen. A planner that
    // believes that week empty would rather scan it for everyone's bookings than search by practitioner.
    const [patient] = await db.insert(s.patients).values(patientDetails()).returning();
    const insertEvery = (first: string, count: number, minutes: number) =>
      db.execute(sql`
      insert into appointments (service_id, location_id, practitioner_id, patient_id, during, blocked, manage_token_hash, intake_token_hash)
      select ${clinic.serviceIds.physio}, ${clinic.locationId}, ${clinic.practitionerIds.bob}, ${patient!.id}, r, r, ${first} || 'm' || i, ${first} || 'i' || i
      from generate_series(0, ${count} - 1) i,
        lateral (select tstzrange(${first}::timestamptz + i * make_interval(mins => ${minutes}), ${first}::timestamptz + i * make_interval(mins => ${minutes}) + interval '30 minutes') r) x`);
    await insertEvery("2025-11-01T00:00:00Z", 3000, 120);
    await db.execute(sql`analyze appointments`);
    await insertEvery("2027-01-08T00:00:00Z", 500, 30);

    // the plan is a json column, which both drivers parse
    const statement = slotContextStatement({
      location: "test-clinic",
      service: "physio-initial",
      practitioner: "amy",
      from: "2027-01-12",
      to: "2027-01-14",
      now: TEST_NOW,
    });
    const plan = rowsOf<{ "QUERY PLAN": { Plan: Record<string, unknown> }[] }>(
      await db.execute(sql`explain (analyze, format json) ${statement}`),
    )[0]!["QUERY PLAN"];
    let read = 0;
    let scans = 0;
    const walk = (node: Record<string, unknown>) => {
      if (node["Relation Name"] === "appointments") {
        scans++;
        const rows =
          Number(node["Actual Rows"] ?? 0) +
          Number(node["Rows Removed by Filter"] ?? 0) +
          Number(node["Rows Removed by Index Recheck"] ?? 0);
        read += rows * Number(node["Actual Loops"] ?? 1);
      }
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk(plan[0]!.Plan);
    expect(scans).toBe(1);
    expect(read).toBe(0); // Amy has no bookings; Bob's 500 that week are never touched
    const { query } = await loadSlotQuery(db, {
      location: "test-clinic",
      service: "physio-initial",
      practitioner: "bob",
      from: "2027-01-12",
      to: "2027-01-14",
      now: TEST_NOW,
    });
    expect(query.busy.length).toBeGreaterThan(200);
  });
});
