// Builds the benchmark clinic on Postgres: 6 locations, 60 practitioners, 12 months of history and
// 8 weeks ahead, about 190,000 appointments. Used by bench/api.ts (and the staff benchmark).
import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { migrateServer } from "@/db/migrate-runner";
import * as s from "@/db/schema";
import { LOCATIONS, SERVICES, SYDNEY } from "@/db/seed/catalog";
import { hashToken } from "@/lib/security/tokens";

export async function buildLargeClinic(db: Db, today: DateTime): Promise<{ appointments: number }> {
  await migrateServer(db);
  await db.execute(
    sql`truncate appointments, classes, intake_responses, patients, roster_breaks, roster_entries, leave, closures, practitioner_locations, staff_sessions, staff_users, practitioners, service_locations, services, location_disciplines, locations, triages, idempotency_keys, rate_limits cascade`,
  );
  const loc = new Map<string, string>();
  for (const l of LOCATIONS) {
    const [row] = await db
      .insert(s.locations)
      .values({
        slug: l.slug,
        name: l.name,
        timezone: SYDNEY,
        address: l.address,
        phone: l.phone,
        online: l.slug === "online",
        holidayRegion: "AU-NSW",
      })
      .returning();
    loc.set(l.slug, row!.id);
    for (const d of l.disciplines)
      await db.insert(s.locationDisciplines).values({ locationId: row!.id, discipline: d });
  }
  const svc = new Map<
    string,
    { id: string; minutes: number; discipline: "sports-physio" | "exercise-physiology"; locations: readonly string[] }
  >();
  for (const x of SERVICES) {
    const [row] = await db
      .insert(s.services)
      .values({
        slug: x.slug,
        name: x.name,
        discipline: x.discipline,
        durationMinutes: x.minutes,
        capacity: x.capacity,
        horizonDays: 63,
        online: x.slug.startsWith("online"),
      })
      .returning();
    svc.set(x.slug, { id: row!.id, minutes: x.minutes, discipline: x.discipline, locations: x.locations });
    for (const l of x.locations)
      await db
        .insert(s.serviceLocations)
        .values({ serviceId: row!.id, locationId: loc.get(l)!, discipline: x.discipline });
  }
  const patientIds: string[] = [];
  for (let i = 0; i < 5000; i += 1000) {
    const rows = await db
      .insert(s.patients)
      .values(
        Array.from({ length: 1000 }, (_, j) => ({
          firstName: `Pat${i + j}`,
          lastName: `Bench${(i + j) % 97}`,
          email: `bench${i + j}@example.com`,
          phone: `04${String(10000000 + i + j)}`,
          dateOfBirth: "1985-06-15",
        })),
      )
      .returning({ id: s.patients.id });
    patientIds.push(...rows.map((r) => r.id));
  }
  // 10 practitioners per location; online ones do exercise physiology, the rest alternate disciplines where offered.
  const validFrom = today.minus({ days: 400 }).toISODate()!;
  let appointments = 0;
  let batch: (typeof s.appointments.$inferInsert)[] = [];
  const flush = async () => {
    if (batch.length) await db.insert(s.appointments).values(batch);
    appointments += batch.length;
    batch = [];
  };
  let n = 0;
  for (const l of LOCATIONS) {
    for (let k = 0; k < 10; k++, n++) {
      const discipline = l.disciplines[k % l.disciplines.length]!;
      const [p] = await db
        .insert(s.practitioners)
        .values({ slug: `bench-${l.slug}-${k}`, name: `Bench ${l.name} ${k}`, discipline, title: "Practitioner" })
        .returning();
      await db
        .insert(s.practitionerLocations)
        .values({ practitionerId: p!.id, locationId: loc.get(l.slug)!, discipline });
      for (const weekday of [1, 2, 3, 4, 5]) {
        const [e] = await db
          .insert(s.rosterEntries)
          .values({
            practitionerId: p!.id,
            locationId: loc.get(l.slug)!,
            weekday,
            startsAt: "08:00",
            endsAt: "18:00",
            validFrom,
          })
          .returning();
        await db.insert(s.rosterBreaks).values({ rosterEntryId: e!.id, startsAt: "12:30", endsAt: "13:15" });
      }
      const oneToOne = [...svc.entries()]
        .filter(([slug, v]) => slug !== "pilates-class" && v.discipline === discipline && v.locations.includes(l.slug))
        .map(([, v]) => v);
      // History: 365 days back to 28 days ahead (weeks 5-8 stay free for the booking benchmark).
      for (let d = -365; d <= 28; d++) {
        const day = today.plus({ days: d });
        if (day.weekday > 5) continue;
        let cursor = day.set({ hour: 8, minute: 0 });
        const end = day.set({ hour: 18, minute: 0 });
        while (cursor < end) {
          const v = oneToOne[(n + cursor.hour + d + 400) % oneToOne.length]!;
          const stop = cursor.plus({ minutes: v.minutes });
          if (stop > end) break;
          const inBreak = cursor < day.set({ hour: 13, minute: 15 }) && stop > day.set({ hour: 12, minute: 30 });
          if (inBreak) {
            cursor = day.set({ hour: 13, minute: 15 });
            continue;
          }
          if ((cursor.minute + d + k) % 10 < 8) {
            const range = { start: cursor.toJSDate(), end: stop.toJSDate() };
            const past = d < 0;
            batch.push({
              serviceId: v.id,
              locationId: loc.get(l.slug)!,
              practitionerId: p!.id,
              patientId: patientIds[(appointments + batch.length) % patientIds.length]!,
              during: range,
              blocked: range,
              status: past ? ((appointments + batch.length) % 13 === 0 ? "no-show" : "completed") : "booked",
              source: "online",
              manageTokenHash: hashToken(`m-${n}-${d}-${cursor.toMillis()}`),
              intakeTokenHash: hashToken(`i-${n}-${d}-${cursor.toMillis()}`),
            });
            if (batch.length >= 2000) await flush();
          }
          cursor = stop;
        }
      }
    }
  }
  await flush();
  await db.execute(sql`analyze`);
  return { appointments };
}

export function benchToday(): DateTime {
  return DateTime.now().setZone(SYDNEY).startOf("day");
}
