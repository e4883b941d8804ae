import { readFile } from "node:fs/promises";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { hashPassword } from "@/lib/security/password";
import { addClosure } from "@/lib/setup/add-closure";
import { addLeave } from "@/lib/setup/add-leave";
import { setRoster } from "@/lib/setup/set-roster";
import { hashToken, newToken } from "@/lib/security/tokens";
import type { Db } from "../client";
import * as s from "../schema";
import { seedDemoIntakes } from "./demo-intakes";
import {
  FIRST_NAMES,
  GROUP,
  LAST_NAMES,
  LOCATIONS,
  PRACTITIONERS,
  SERVICES,
  SYDNEY,
  type DemoPractitioner,
} from "./catalog";
import type { AppointmentStatus } from "@/db/schema/types";
import type { Actor } from "@/lib/audit/record-audit";
import { createLocation } from "@/lib/setup/create-location";
import { createPractitioner } from "@/lib/setup/create-practitioner";
import { createService } from "@/lib/setup/create-service";
import { updateLocation } from "@/lib/setup/update-location";
import { setPractitionerPhoto } from "@/lib/setup/practitioner-photo";
import { updatePractitioner } from "@/lib/setup/update-practitioner";
import { updateService } from "@/lib/setup/update-service";

export interface SeedOptions {
  password: string;
  /** The seed is relative to this moment, so the next 8 weeks are always bookable. */
  now?: Date;
}

type Ids = Map<string, string>;

/** Fills an empty database with the demo clinic group; does nothing when locations exist already. */
export async function seedDemoIfEmpty(db: Db, options: SeedOptions): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(s.locations);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(db, options);
  return true;
}

/** Idempotent: reference data is upserted by slug or email; patients and appointments only go into an empty clinic. */
export async function seedDemo(db: Db, options: SeedOptions): Promise<void> {
  const now = options.now ?? new Date();
  const today = DateTime.fromJSDate(now, { zone: SYDNEY }).startOf("day");
  await db.transaction(async (tx) => {
    const locationIds = await seedLocations(tx as unknown as Db);
    const serviceIds = await seedServices(tx as unknown as Db);
    const practitionerIds = await seedPractitioners(tx as unknown as Db);
    await seedStaff(tx as unknown as Db, practitionerIds, options.password);
    await seedWorkingTime(tx as unknown as Db, today, now);
    const [existing] = await tx.select({ n: count() }).from(s.appointments);
    if ((existing?.n ?? 0) === 0)
      await seedActivity(tx as unknown as Db, { locationIds, serviceIds, practitionerIds, today, now });
  });
}

// The demo clinic is set up through the same verbs as the admin screens (lib/setup), acting as the system.
const SEED: Actor = { kind: "system" };

async function idsBySlug(db: Db, table: typeof s.locations | typeof s.services | typeof s.practitioners): Promise<Ids> {
  const rows = await db.select({ id: table.id, slug: table.slug }).from(table);
  return new Map(rows.map((r) => [r.slug, r.id]));
}

async function seedLocations(db: Db): Promise<Ids> {
  const existing = await idsBySlug(db, s.locations);
  for (const l of LOCATIONS) {
    if (existing.has(l.slug)) await updateLocation(db, SEED, l.slug, { name: l.name });
    else
      await createLocation(db, SEED, {
        slug: l.slug,
        name: l.name,
        timezone: SYDNEY,
        address: l.address,
        phone: l.phone,
        online: l.slug === "online",
        holidayRegion: "AU-NSW",
      });
  }
  return idsBySlug(db, s.locations);
}

async function seedServices(db: Db): Promise<Ids> {
  const existing = await idsBySlug(db, s.services);
  for (const sv of SERVICES) {
    if (existing.has(sv.slug)) {
      await updateService(db, SEED, sv.slug, { name: sv.name, feeCents: sv.fee });
      continue;
    }
    const online = "online" in sv && sv.online === true;
    await createService(db, SEED, {
      slug: sv.slug,
      name: sv.name,
      description: sv.description,
      discipline: sv.discipline,
      durationMinutes: sv.minutes,
      capacity: sv.capacity,
      bufferAfterMinutes: "bufferAfter" in sv ? sv.bufferAfter : 0,
      minimumNoticeMinutes: online ? 60 : 120,
      horizonDays: 63,
      cancellationWindowHours: 24,
      feeCents: sv.fee,
      online,
      locations: [...sv.locations],
    });
  }
  return idsBySlug(db, s.services);
}

/** The drawn portrait, stored as an admin's upload would be (PNG, checked by its bytes). */
async function seedPortrait(db: Db, p: DemoPractitioner): Promise<void> {
  const bytes = await readFile(path.join(process.cwd(), "db/seed/portraits", p.portrait)).catch(() => null);
  if (bytes) await setPractitionerPhoto(db, SEED, p.slug, new Uint8Array(bytes));
}

async function seedPractitioners(db: Db): Promise<Ids> {
  const ids: Ids = new Map();
  for (const p of PRACTITIONERS) {
    const [existing] = await db
      .select({ id: s.practitioners.id, qualifications: s.practitioners.qualifications })
      .from(s.practitioners)
      .where(eq(s.practitioners.slug, p.slug));
    if (existing) {
      ids.set(p.slug, existing.id);
      // a demo clinic from before profiles: give it theirs, once (a manager's own edits are left alone)
      if (!existing.qualifications) {
        await updatePractitioner(db, SEED, p.slug, {
          bio: p.bio,
          qualifications: p.qualifications,
          ahpraNumber: p.ahpraNumber,
        });
        await seedPortrait(db, p);
      }
      continue; // rosters exist already
    }
    await createPractitioner(db, SEED, {
      slug: p.slug,
      name: p.name,
      discipline: p.discipline,
      title: p.title,
      bio: p.bio,
      qualifications: p.qualifications,
      ahpraNumber: p.ahpraNumber,
      locations: [...new Set([...p.shifts, ...(p.classes ?? [])].map((x) => x.location))],
    });
    await seedPortrait(db, p);
    const id = (await idsBySlug(db, s.practitioners)).get(p.slug)!;
    ids.set(p.slug, id);
  }
  return ids;
}

/**
 * Rosters, leave and a closure, made through the admin's own verbs (as the manager would in /admin/rosters and
 * /admin/leave), once: a clinic that has rosters already is left alone.
 */
async function seedWorkingTime(db: Db, today: DateTime, now: Date): Promise<void> {
  const [rostered] = await db.select({ n: count() }).from(s.rosterEntries);
  if ((rostered?.n ?? 0) > 0) return;
  const [manager] = await db.select().from(s.staffUsers).where(eq(s.staffUsers.email, "admin@demo.clinic"));
  const admin = {
    kind: "staff",
    userId: manager!.id,
    role: "admin",
    practitionerId: null,
    name: manager!.name,
  } as const;
  const validFrom = today.minus({ days: 60 }).toISODate()!;
  for (const p of PRACTITIONERS) {
    const places = new Set([...p.shifts, ...(p.classes ?? [])].map((x) => x.location));
    for (const location of places) {
      const shifts = [
        ...p.shifts
          .filter((sh) => sh.location === location)
          .flatMap((sh) =>
            sh.days.map((weekday) => ({
              weekday,
              start: sh.start,
              end: sh.end,
              breaks: sh.breakAt ? [{ start: sh.breakAt[0], end: sh.breakAt[1] }] : [],
            })),
          ),
        ...(p.classes ?? [])
          .filter((c) => c.location === location)
          .map((c) => ({ weekday: c.day, start: c.start, end: c.end, service: c.service })),
      ];
      await setRoster(db, admin, p.slug, { location, validFrom, shifts }, { now });
    }
  }
  // A few days of leave, and one location closed for a staff training day.
  const leaveDays: [string, number, number][] = [
    ["sophie-nguyen", 9, 3],
    ["daniel-costa", 16, 1],
    ["tom-hartley", 23, 2],
  ];
  for (const [slug, offset, days] of leaveDays) {
    const start = nextWeekday(today.plus({ days: offset }));
    const range = { start: start.toISODate()!, end: start.plus({ days: days - 1 }).toISODate()! };
    await addLeave(db, admin, slug, { ...range, reason: "Annual leave" }, { now });
  }
  const closureDay = nextWeekday(today.plus({ days: 19 })).toISODate()!;
  await addClosure(db, admin, "mosman", { from: closureDay, to: closureDay, reason: "Staff training day" }, { now });
}

async function seedStaff(db: Db, practitionerIds: Ids, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  const accounts = [
    { email: "admin@demo.clinic", name: "Clinic Manager", role: "admin" as const, practitionerId: null },
    { email: "reception@demo.clinic", name: "Front Desk", role: "reception" as const, practitionerId: null },
    ...PRACTITIONERS.map((p) => ({
      email: `${p.slug}@demo.clinic`,
      name: p.name,
      role: "practitioner" as const,
      practitionerId: practitionerIds.get(p.slug)!,
    })),
  ];
  // mfaExempt: the demo accounts may sign in without two-step sign-in, so a trial works (never for a real account)
  for (const a of accounts)
    await db
      .insert(s.staffUsers)
      .values({ ...a, passwordHash, mfaExempt: true })
      .onConflictDoNothing();
}

function nextWeekday(d: DateTime): DateTime {
  let day = d;
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day;
}

/** Deterministic, so screenshots and tests see the same clinic every time. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ActivityContext {
  locationIds: Ids;
  serviceIds: Ids;
  practitionerIds: Ids;
  today: DateTime;
  now: Date;
}

async function seedActivity(db: Db, ctx: ActivityContext): Promise<void> {
  const rand = random(20261128);
  const patientIds: string[] = [];
  for (let i = 0; i < 80; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(i * 7) % LAST_NAMES.length]!;
    const dob = DateTime.fromObject({
      year: 1950 + Math.floor(rand() * 55),
      month: 1 + Math.floor(rand() * 12),
      day: 1 + Math.floor(rand() * 28),
    }).toISODate()!;
    const [row] = await db
      .insert(s.patients)
      .values({
        firstName: first,
        lastName: last,
        email: `${first}.${last}${i}@example.com`.toLowerCase(),
        phone: `04${String(10_000_000 + i * 137_731).slice(0, 8)}`,
        dateOfBirth: dob,
      })
      .returning({ id: s.patients.id });
    patientIds.push(row!.id);
  }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const rows: (typeof s.appointments.$inferInsert)[] = [];
  const classPlaces: { classRow: typeof s.classes.$inferInsert; patients: string[]; status: "booked" | "completed" }[] =
    [];

  for (let offset = -14; offset <= 14; offset++) {
    const day = ctx.today.plus({ days: offset });
    if (day.weekday > 5) continue;
    const past = offset < 0;
    for (const p of PRACTITIONERS) {
      for (const shift of p.shifts.filter((sh) => sh.days.includes(day.weekday))) {
        const services = SERVICES.filter(
          (sv) =>
            sv.capacity === 1 &&
            sv.discipline === p.discipline &&
            (sv.locations as readonly string[]).includes(shift.location),
        );
        let cursor = at(day, shift.start);
        const end = at(day, shift.end);
        while (cursor < end) {
          const sv = pick(services);
          const visitEnd = cursor.plus({ minutes: sv.minutes });
          const blockedEnd = visitEnd.plus({ minutes: "bufferAfter" in sv ? sv.bufferAfter : 0 });
          const inBreak = shift.breakAt && cursor < at(day, shift.breakAt[1]) && visitEnd > at(day, shift.breakAt[0]);
          if (inBreak) {
            cursor = at(day, shift.breakAt![1]);
            continue;
          }
          if (visitEnd > end) break;
          if (rand() < (past ? 0.55 : 0.33) && cursor.toJSDate() > new Date(ctx.now.getTime() - 15 * 86_400_000)) {
            rows.push(
              appointmentRow(ctx, {
                service: sv.slug,
                location: shift.location,
                practitioner: p.slug,
                patientId: pick(patientIds),
                start: cursor,
                end: visitEnd,
                blockedEnd,
                status: statusFor(cursor, ctx.now, rand),
                source: rand() < 0.7 ? "online" : "phone",
              }),
            );
          }
          cursor = blockedEnd;
        }
      }
      for (const c of (p.classes ?? []).filter((cl) => cl.day === day.weekday)) {
        const start = at(day, c.start);
        const takers = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pick(patientIds));
        classPlaces.push({
          classRow: {
            serviceId: ctx.serviceIds.get(c.service)!,
            locationId: ctx.locationIds.get(c.location)!,
            practitionerId: ctx.practitionerIds.get(p.slug)!,
            startsAt: start.toJSDate(),
            endsAt: at(day, c.end).toJSDate(),
            capacity: 6,
          },
          patients: [...new Set(takers)],
          status: start.toJSDate() < ctx.now ? "completed" : "booked",
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 200) await db.insert(s.appointments).values(rows.slice(i, i + 200));
  for (const place of classPlaces) {
    const [cls] = await db.insert(s.classes).values(place.classRow).returning({ id: s.classes.id });
    const start = DateTime.fromJSDate(place.classRow.startsAt as Date);
    const end = DateTime.fromJSDate(place.classRow.endsAt as Date);
    await db.insert(s.appointments).values(
      place.patients.map((patientId) => ({
        ...tokens(),
        serviceId: place.classRow.serviceId,
        locationId: place.classRow.locationId,
        practitionerId: place.classRow.practitionerId,
        patientId,
        classId: cls!.id,
        during: { start: start.toJSDate(), end: end.toJSDate() },
        blocked: { start: start.toJSDate(), end: end.toJSDate() },
        status: place.status,
        source: "online" as const,
      })),
    );
  }
  await seedDemoIntakes(db, ctx.now);
}

function at(day: DateTime, time: string): DateTime {
  const [h, m] = time.split(":").map(Number);
  return day.set({ hour: h!, minute: m!, second: 0, millisecond: 0 });
}

function statusFor(start: DateTime, now: Date, rand: () => number): AppointmentStatus {
  const r = rand();
  if (start.toJSDate() > now) return r < 0.06 ? "cancelled" : "booked";
  if (start.toJSDate().getTime() > now.getTime() - 3_600_000) return "arrived";
  if (r < 0.08) return "no-show";
  if (r < 0.18) return "cancelled";
  return "completed";
}

function tokens() {
  return { manageTokenHash: hashToken(newToken()), intakeTokenHash: hashToken(newToken()) };
}

function appointmentRow(
  ctx: ActivityContext,
  a: {
    service: string;
    location: string;
    practitioner: string;
    patientId: string;
    start: DateTime;
    end: DateTime;
    blockedEnd: DateTime;
    status: ReturnType<typeof statusFor>;
    source: "online" | "phone";
  },
): typeof s.appointments.$inferInsert {
  const cancelled = a.status === "cancelled";
  return {
    ...tokens(),
    serviceId: ctx.serviceIds.get(a.service)!,
    locationId: ctx.locationIds.get(a.location)!,
    practitionerId: ctx.practitionerIds.get(a.practitioner)!,
    patientId: a.patientId,
    during: { start: a.start.toJSDate(), end: a.end.toJSDate() },
    blocked: { start: a.start.toJSDate(), end: a.blockedEnd.toJSDate() },
    status: a.status,
    source: a.source,
    cancelledAt: cancelled ? a.start.minus({ days: 2 }).toJSDate() : null,
    cancelReason: cancelled ? "Patient unwell" : null,
    cancelledBy: cancelled ? "patient" : null,
  };
}

export { GROUP };
