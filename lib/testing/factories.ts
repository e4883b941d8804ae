// A small clinic for integration tests: one Sydney location, two physios, a 45-minute service, a class of 3.
import type { Db } from "@/db/client";
import * as s from "@/db/schema";

export const TEST_NOW = new Date("2026-11-30T08:00:00+11:00"); // a Monday morning in Sydney

export interface MiniClinic {
  locationId: string;
  serviceIds: { physio: string; pilates: string; shockwave: string };
  practitionerIds: { amy: string; bob: string };
}

export async function createMiniClinic(db: Db): Promise<MiniClinic> {
  const [loc] = await db
    .insert(s.locations)
    .values({
      slug: "test-clinic",
      name: "Test Clinic",
      timezone: "Australia/Sydney",
      address: "1 Test St, Sydney NSW 2000",
      phone: "(02) 9999 0000",
      holidayRegion: "AU-NSW",
    })
    .returning();
  await db.insert(s.locationDisciplines).values({ locationId: loc!.id, discipline: "sports-physio" });
  const [physio] = await db
    .insert(s.services)
    .values({
      slug: "physio-initial",
      name: "Physio",
      discipline: "sports-physio",
      durationMinutes: 45,
      minNoticeMinutes: 120,
      horizonDays: 56,
    })
    .returning();
  const [pilates] = await db
    .insert(s.services)
    .values({ slug: "pilates-class", name: "Pilates", discipline: "sports-physio", durationMinutes: 55, capacity: 3 })
    .returning();
  const [shockwave] = await db
    .insert(s.services)
    .values({
      slug: "shockwave",
      name: "Shockwave",
      discipline: "sports-physio",
      durationMinutes: 20,
      bufferAfterMinutes: 10,
    })
    .returning();
  for (const svc of [physio!, pilates!, shockwave!])
    await db.insert(s.serviceLocations).values({ serviceId: svc.id, locationId: loc!.id, discipline: "sports-physio" });
  const ids: Record<string, string> = {};
  for (const slug of ["amy", "bob"]) {
    const [p] = await db
      .insert(s.practitioners)
      .values({ slug, name: slug === "amy" ? "Amy Adams" : "Bob Brown", discipline: "sports-physio", title: "Physio" })
      .returning();
    ids[slug] = p!.id;
    await db
      .insert(s.practitionerLocations)
      .values({ practitionerId: p!.id, locationId: loc!.id, discipline: "sports-physio" });
    for (const weekday of [1, 2, 3, 4, 5]) {
      const [entry] = await db
        .insert(s.rosterEntries)
        .values({
          practitionerId: p!.id,
          locationId: loc!.id,
          weekday,
          startsAt: "09:00",
          endsAt: "17:00",
          validFrom: "2026-01-01",
        })
        .returning();
      await db.insert(s.rosterBreaks).values({ rosterEntryId: entry!.id, startsAt: "12:30", endsAt: "13:15" });
    }
  }
  await db.insert(s.rosterEntries).values({
    practitionerId: ids.amy!,
    locationId: loc!.id,
    weekday: 2,
    startsAt: "17:30",
    endsAt: "18:25",
    validFrom: "2026-01-01",
    serviceId: pilates!.id,
  });
  return {
    locationId: loc!.id,
    serviceIds: { physio: physio!.id, pilates: pilates!.id, shockwave: shockwave!.id },
    practitionerIds: { amy: ids.amy!, bob: ids.bob! },
  };
}

let counter = 0;
export function patientDetails(
  over: Partial<{ firstName: string; lastName: string; email: string; phone: string; dateOfBirth: string }> = {},
) {
  counter++;
  return {
    firstName: "Ana",
    lastName: "Lee",
    email: `ana${counter}@example.com`,
    phone: "0412 345 678",
    dateOfBirth: "1990-04-02",
    ...over,
  };
}

export function bookingBody(over: Record<string, unknown> = {}) {
  return {
    service: "physio-initial",
    location: "test-clinic",
    practitioner: "amy",
    start: "2026-12-01T09:00:00+11:00",
    patient: patientDetails(),
    ...over,
  };
}

/** The same token with its last character changed: always a different, well-formed token. */
export function tamperedToken(token: string): string {
  const last = token.slice(-1);
  return `${token.slice(0, -1)}${last === "A" ? "B" : "A"}`;
}
