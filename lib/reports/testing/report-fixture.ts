// A hand-built clinic for the report tests, every figure worked out by hand in report-fixture.md terms below.
// Week of Monday 2027-01-25 to Sunday 2027-01-31; Tuesday 26 January is Australia Day (NSW and WA).
//
// harbour (Sydney, AU-NSW): amy Mon-Fri 09:00-17:00 less a 12:30-13:15 break (435 min a day) and a Wednesday
//   Pilates block 17:30-18:30 (60); bob Mon, Tue, Thu 09:00-13:00 (240) with leave Thursday 10:00-12:00.
// perth (Australia/Perth, AU-WA): cat Mon-Fri 08:00-12:00 (240), closed Friday 29 January.
// Available: amy 435 + 495 + 435 + 435 = 1800; bob 240 + 120 = 360; cat 240 * 3 = 720; in all 2880.
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import type { AppointmentStatus, BookingSource } from "@/db/schema/types";

export const FIXTURE_RANGE = { from: "2027-01-25", to: "2027-01-31" } as const;

export interface ReportFixture {
  locations: { harbour: string; perth: string };
  practitioners: { amy: string; bob: string; cat: string; dan: string };
}

export async function createReportFixture(db: Db): Promise<ReportFixture> {
  const [harbour] = await db
    .insert(s.locations)
    .values({
      slug: "harbour",
      name: "Harbour",
      timezone: "Australia/Sydney",
      address: "1 Quay St, Sydney NSW 2000",
      phone: "(02) 9000 0001",
      holidayRegion: "AU-NSW",
    })
    .returning();
  const [perth] = await db
    .insert(s.locations)
    .values({
      slug: "perth",
      name: "Perth",
      timezone: "Australia/Perth",
      address: "1 Hay St, Perth WA 6000",
      phone: "(08) 9000 0001",
      holidayRegion: "AU-WA",
    })
    .returning();
  for (const l of [harbour!, perth!])
    await db.insert(s.locationDisciplines).values({ locationId: l.id, discipline: "sports-physio" });
  const [physio] = await db
    .insert(s.services)
    .values({ slug: "physio-initial", name: "Physio", discipline: "sports-physio", durationMinutes: 45 })
    .returning();
  const [pilates] = await db
    .insert(s.services)
    .values({ slug: "pilates-class", name: "Pilates", discipline: "sports-physio", durationMinutes: 60, capacity: 4 })
    .returning();
  await db.insert(s.serviceLocations).values([
    { serviceId: physio!.id, locationId: harbour!.id, discipline: "sports-physio" },
    { serviceId: physio!.id, locationId: perth!.id, discipline: "sports-physio" },
    { serviceId: pilates!.id, locationId: harbour!.id, discipline: "sports-physio" },
  ]);

  const ids: Record<string, string> = {};
  for (const [slug, name, at] of [
    ["amy", "Amy Adams", harbour!.id],
    ["bob", "Bob Brown", harbour!.id],
    ["cat", "Cat Chen", perth!.id],
    ["dan", "Dan Doe", harbour!.id],
  ] as const) {
    const [p] = await db
      .insert(s.practitioners)
      .values({ slug, name, discipline: "sports-physio", title: "Physio", active: slug !== "dan" })
      .returning();
    ids[slug] = p!.id;
    await db
      .insert(s.practitionerLocations)
      .values({ practitionerId: p!.id, locationId: at, discipline: "sports-physio" });
  }
  const roster = async (
    who: string,
    locationId: string,
    weekday: number,
    startsAt: string,
    endsAt: string,
    more: { breaks?: [string, string][]; serviceId?: string; validFrom?: string; validTo?: string } = {},
  ) => {
    const [e] = await db
      .insert(s.rosterEntries)
      .values({
        practitionerId: ids[who]!,
        locationId,
        weekday,
        startsAt,
        endsAt,
        validFrom: more.validFrom ?? "2026-06-01",
        validTo: more.validTo ?? null,
        serviceId: more.serviceId ?? null,
      })
      .returning();
    for (const [b0, b1] of more.breaks ?? [])
      await db.insert(s.rosterBreaks).values({ rosterEntryId: e!.id, startsAt: b0, endsAt: b1 });
  };
  for (const d of [1, 2, 3, 4, 5])
    await roster("amy", harbour!.id, d, "09:00", "17:00", { breaks: [["12:30", "13:15"]] });
  await roster("amy", harbour!.id, 3, "17:30", "18:30", { serviceId: pilates!.id });
  // ended before the range: counts for nothing
  await roster("amy", harbour!.id, 6, "09:00", "12:00", { validTo: "2027-01-10" });
  for (const d of [1, 2, 4]) await roster("bob", harbour!.id, d, "09:00", "13:00");
  for (const d of [1, 2, 3, 4, 5]) await roster("cat", perth!.id, d, "08:00", "12:00");
  await db.insert(s.leave).values({
    practitionerId: ids.bob!,
    startsAt: new Date("2027-01-28T10:00:00+11:00"),
    endsAt: new Date("2027-01-28T12:00:00+11:00"),
    reason: "Course",
  });
  await db
    .insert(s.closures)
    .values({ locationId: perth!.id, startsOn: "2027-01-29", endsOn: "2027-01-29", reason: "Fit-out" });

  const patient = async (n: number) => {
    const [p] = await db
      .insert(s.patients)
      .values({
        firstName: `Pat${n}`,
        lastName: "Report",
        email: `pat${n}@example.com`,
        phone: `04000000${String(n).padStart(2, "0")}`,
        dateOfBirth: "1980-01-01",
      })
      .returning();
    return p!.id;
  };
  const P: string[] = [];
  for (let n = 0; n <= 13; n++) P.push(await patient(n));

  const [klass] = await db
    .insert(s.classes)
    .values({
      serviceId: pilates!.id,
      locationId: harbour!.id,
      practitionerId: ids.amy!,
      startsAt: new Date("2027-01-27T17:30:00+11:00"),
      endsAt: new Date("2027-01-27T18:30:00+11:00"),
      capacity: 4,
    })
    .returning();
  const appt = async (a: {
    who: "amy" | "bob" | "cat";
    at: "harbour" | "perth";
    start: string;
    patient: number;
    status: AppointmentStatus;
    source: BookingSource;
    cancelledAt?: string;
    klass?: boolean;
    triageId?: string;
  }) => {
    const start = new Date(a.start);
    const range = { start, end: new Date(start.getTime() + (a.klass ? 60 : 45) * 60_000) };
    const [row] = await db
      .insert(s.appointments)
      .values({
        serviceId: a.klass ? pilates!.id : physio!.id,
        locationId: a.at === "harbour" ? harbour!.id : perth!.id,
        practitionerId: ids[a.who]!,
        patientId: P[a.patient]!,
        classId: a.klass ? klass!.id : null,
        during: range,
        blocked: range,
        status: a.status,
        source: a.source,
        cancelledAt: a.cancelledAt ? new Date(a.cancelledAt) : null,
        triageId: a.triageId ?? null,
        manageTokenHash: randomUUID(),
        intakeTokenHash: randomUUID(),
      })
      .returning();
    return row!;
  };
  const intake = async (a: { id: string; patientId: string }, version: number, submitted: string | null) =>
    db.insert(s.intakeResponses).values({
      appointmentId: a.id,
      patientId: a.patientId,
      version,
      status: submitted ? "completed" : "in-progress",
      questionnaireVersion: "test",
      answers: {},
      submittedAt: submitted ? new Date(submitted) : null,
    });
  const triage = async (route: string, createdAt: string) => {
    const [t] = await db
      .insert(s.triages)
      .values({ answers: {}, rulesVersion: "test", route, result: {}, createdAt: new Date(createdAt) })
      .returning();
    return t!.id;
  };

  const t1 = await triage("sports-physio", "2027-01-24T10:00:00+11:00"); // the day before: out of range
  const t2 = await triage("sports-physio", "2027-01-25T08:00:00+11:00");
  await triage("emergency", "2027-01-27T12:00:00+11:00");
  await triage("exercise-physiology", "2027-01-31T23:30:00+11:00");
  await triage("urgent-care", "2027-02-01T00:30:00+11:00"); // Monday after: out of range
  const t6 = await triage("online-rehab", "2027-01-29T14:00:00+08:00");

  // Before the range: patient 5's cancelled and patient 9's completed visits make them returning patients.
  await appt({
    who: "amy",
    at: "harbour",
    start: "2026-12-10T09:00:00+11:00",
    patient: 5,
    status: "cancelled",
    source: "online",
    cancelledAt: "2026-12-01T09:00:00+11:00",
  });
  await appt({
    who: "bob",
    at: "harbour",
    start: "2026-12-01T09:00:00+11:00",
    patient: 9,
    status: "completed",
    source: "phone",
  });

  // In the range, harbour, amy
  const a1 = await appt({
    who: "amy",
    at: "harbour",
    start: "2027-01-25T09:00:00+11:00",
    patient: 1,
    status: "completed",
    source: "online",
    triageId: t1,
  });
  await intake(a1, 1, "2027-01-24T20:00:00+11:00");
  await appt({
    who: "amy",
    at: "harbour",
    start: "2027-01-25T10:00:00+11:00",
    patient: 2,
    status: "no-show",
    source: "phone",
  });
  const a3 = await appt({
    who: "amy",
    at: "harbour",
    start: "2027-01-25T11:00:00+11:00",
    patient: 3,
    status: "cancelled",
    source: "staff",
    cancelledAt: "2027-01-20T09:00:00+11:00",
  });
  await intake(a3, 1, "2027-01-19T09:00:00+11:00");
  const a4 = await appt({
    who: "amy",
    at: "harbour",
    start: "2027-01-27T09:00:00+11:00",
    patient: 4,
    status: "arrived",
    source: "waitlist",
    triageId: t2,
  });
  await intake(a4, 1, "2027-01-27T09:10:00+11:00"); // after the start
  // cancelled 18 hours before, inside the 24-hour window
  await appt({
    who: "amy",
    at: "harbour",
    start: "2027-01-28T09:00:00+11:00",
    patient: 5,
    status: "cancelled",
    source: "referral",
    cancelledAt: "2027-01-27T15:00:00+11:00",
  });
  // patient 1's second visit; the intake only started
  const a6 = await appt({
    who: "amy",
    at: "harbour",
    start: "2027-01-29T09:00:00+11:00",
    patient: 1,
    status: "booked",
    source: "online",
  });
  await intake(a6, 1, null);
  // the class: three places, one cancelled; 60 minutes once
  const c1 = await appt({
    who: "amy",
    at: "harbour",
    start: "2027-01-27T17:30:00+11:00",
    patient: 6,
    status: "completed",
    source: "online",
    klass: true,
  });
  await intake(c1, 1, "2027-01-26T09:00:00+11:00");
  await intake(c1, 2, "2027-01-27T19:00:00+11:00");
  const c2 = await appt({
    who: "amy",
    at: "harbour",
    start: "2027-01-27T17:30:00+11:00",
    patient: 7,
    status: "no-show",
    source: "import",
    klass: true,
  });
  await intake(c2, 1, "2027-01-26T09:00:00+11:00"); // imported: no intake was due
  await appt({
    who: "amy",
    at: "harbour",
    start: "2027-01-27T17:30:00+11:00",
    patient: 8,
    status: "cancelled",
    source: "online",
    klass: true,
    cancelledAt: "2027-01-22T09:00:00+11:00",
  });

  // harbour, bob
  await appt({
    who: "bob",
    at: "harbour",
    start: "2027-01-25T09:30:00+11:00",
    patient: 9,
    status: "completed",
    source: "import",
  });
  const b2 = await appt({
    who: "bob",
    at: "harbour",
    start: "2027-01-28T12:00:00+11:00",
    patient: 10,
    status: "completed",
    source: "phone",
  });
  await intake(b2, 1, "2027-01-27T18:00:00+11:00");
  // after the range in Sydney
  await appt({
    who: "bob",
    at: "harbour",
    start: "2027-02-01T00:30:00+11:00",
    patient: 0,
    status: "booked",
    source: "online",
  });

  // perth, cat: dates are Perth dates
  const k1 = await appt({
    who: "cat",
    at: "perth",
    start: "2027-01-25T08:00:00+08:00",
    patient: 11,
    status: "completed",
    source: "online",
  });
  await intake(k1, 1, "2027-01-25T07:30:00+08:00");
  // Sunday 31 January in Perth (already Monday in Sydney): in the range
  await appt({
    who: "cat",
    at: "perth",
    start: "2027-01-31T23:00:00+08:00",
    patient: 12,
    status: "booked",
    source: "online",
    triageId: t6,
  });
  // Sunday 24 January in Perth (Monday in Sydney): not in the range
  await appt({
    who: "cat",
    at: "perth",
    start: "2027-01-24T23:30:00+08:00",
    patient: 13,
    status: "completed",
    source: "online",
  });

  return {
    locations: { harbour: harbour!.id, perth: perth!.id },
    practitioners: { amy: ids.amy!, bob: ids.bob!, cat: ids.cat!, dan: ids.dan! },
  };
}
