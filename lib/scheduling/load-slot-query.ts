import "server-only";
import { and, eq, gte, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import { type Db, pipeline, type Tx } from "@/db/client";
import { appointments, classes, closures, leave, locations, practitionerLocations, practitioners, rosterBreaks, rosterEntries, serviceLocations, services } from "@/db/schema";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { publicHolidayDates } from "./holidays";
import { addDays, eachLocalDate } from "./local-time";
import type { LocalDate, RosterEntry, SlotQuery } from "./slot-types";

export interface SlotRequest {
  location: string;
  service: string;
  practitioner?: string;
  from: LocalDate;
  to: LocalDate;
  now: Date;
  ignoreMinNotice?: boolean;
  /** A booking being moved does not block its own new time. */
  ignoreAppointmentId?: string;
}

export interface SlotContext {
  query: SlotQuery;
  location: typeof locations.$inferSelect;
  service: typeof services.$inferSelect;
  practitionerIds: Map<string, string>;
}

const HHMM = (t: string) => t.slice(0, 5);

/** The location, the service there and the practitioners who give it there: one query, one round trip. */
export async function loadSlotCatalog(db: Db | Tx, req: Pick<SlotRequest, "location" | "service" | "practitioner">): Promise<SlotCatalog> {
  const rows = await db
    .select({ service: services, location: locations, practitioner: { id: practitioners.id, slug: practitioners.slug } })
    .from(services)
    .innerJoin(serviceLocations, eq(serviceLocations.serviceId, services.id))
    .innerJoin(locations, and(eq(locations.id, serviceLocations.locationId), eq(locations.slug, req.location)))
    .leftJoin(practitionerLocations, and(eq(practitionerLocations.locationId, locations.id), eq(practitionerLocations.discipline, services.discipline)))
    .leftJoin(practitioners, and(eq(practitioners.id, practitionerLocations.practitionerId), eq(practitioners.active, true)))
    .where(and(eq(services.slug, req.service), eq(services.active, true)));
  const first = rows[0];
  if (!first) {
    const [loc] = await db.select({ id: locations.id }).from(locations).where(eq(locations.slug, req.location));
    if (!loc) throw new NotFound("There is no location with that name.");
    const [svc] = await db.select({ id: services.id }).from(services).where(eq(services.slug, req.service));
    if (!svc) throw new NotFound("There is no service with that name.");
    throw new ValidationFailed({ service: "This service is not offered at this location." });
  }
  const staff = rows.flatMap((r) => (r.practitioner ? [r.practitioner] : [])).sort((a, b) => a.slug.localeCompare(b.slug));
  let chosen = staff;
  if (req.practitioner) {
    chosen = staff.filter((p) => p.slug === req.practitioner);
    if (chosen.length === 0) {
      const [exists] = await db.select({ id: practitioners.id }).from(practitioners).where(eq(practitioners.slug, req.practitioner));
      if (!exists) throw new NotFound("There is no practitioner with that name.");
      throw new ValidationFailed({ practitioner: "This practitioner does not offer this service here." });
    }
  }
  return { location: first.location, service: first.service, practitioners: chosen };
}

export interface SlotCatalog {
  location: typeof locations.$inferSelect;
  service: typeof services.$inferSelect;
  practitioners: { id: string; slug: string }[];
}

/** Reads everything the pure slot engine needs for one location, service and date range. */
export async function loadSlotQuery(db: Db | Tx, req: SlotRequest): Promise<SlotContext> {
  return loadSchedule(db, await loadSlotCatalog(db, req), req);
}

/** The rosters, breaks, closures, leave and bookings for the catalog's practitioners, read in one pipelined batch. */
export async function loadSchedule(db: Db | Tx, catalog: SlotCatalog, req: Omit<SlotRequest, "location" | "service" | "practitioner">): Promise<SlotContext> {
  const { location, service, practitioners: chosen } = catalog;
  const practitionerIds = new Map(chosen.map((p) => [p.slug, p.id]));
  const slugById = new Map(chosen.map((p) => [p.id, p.slug]));
  const ids = [...slugById.keys()];
  const base: Omit<SlotQuery, "rosters" | "busy" | "classBookings" | "closedDates"> = {
    timezone: location.timezone, location: location.slug, practitioners: chosen.map((p) => p.slug), from: req.from, to: req.to, now: req.now,
    ignoreMinNotice: req.ignoreMinNotice ?? false,
    service: {
      slug: service.slug, durationMinutes: service.durationMinutes, capacity: service.capacity, bufferBeforeMinutes: service.bufferBeforeMinutes,
      bufferAfterMinutes: service.bufferAfterMinutes, minNoticeMinutes: service.minNoticeMinutes, horizonDays: service.horizonDays, stepMinutes: service.stepMinutes,
    },
  };
  if (ids.length === 0) return { query: { ...base, rosters: [], busy: [], classBookings: [], closedDates: new Set() }, location, service, practitionerIds };

  // A day either side covers any zone offset; the engine trims to local dates itself.
  // (Raw SQL fragments get ISO strings: postgres.js does not serialise a Date outside a typed column.)
  const windowStart = new Date(`${addDays(req.from, -1)}T00:00:00Z`);
  const windowEnd = new Date(`${addDays(req.to, 2)}T00:00:00Z`);
  const isClass = service.capacity > 1;

  const [rosterRows, breakRows, closureRows, leaveRows, busyRows, classRows] = await pipeline(
    db
      .select({ entry: rosterEntries, serviceSlug: services.slug })
      .from(rosterEntries)
      .leftJoin(services, eq(services.id, rosterEntries.serviceId))
      .where(and(eq(rosterEntries.locationId, location.id), inArray(rosterEntries.practitionerId, ids), lte(rosterEntries.validFrom, req.to),
        or(isNull(rosterEntries.validTo), gte(rosterEntries.validTo, req.from)))),
    db
      .select({ rosterEntryId: rosterBreaks.rosterEntryId, startsAt: rosterBreaks.startsAt, endsAt: rosterBreaks.endsAt })
      .from(rosterBreaks)
      .innerJoin(rosterEntries, eq(rosterEntries.id, rosterBreaks.rosterEntryId))
      .where(and(eq(rosterEntries.locationId, location.id), inArray(rosterEntries.practitionerId, ids))),
    db.select().from(closures).where(and(eq(closures.locationId, location.id), lte(closures.startsOn, req.to), gte(closures.endsOn, req.from))),
    db.select().from(leave).where(and(inArray(leave.practitionerId, ids), sql`${leave.startsAt} < ${windowEnd.toISOString()}::timestamptz`, sql`${leave.endsAt} > ${windowStart.toISOString()}::timestamptz`)),
    db
      .select({ practitionerId: appointments.practitionerId, blocked: appointments.blocked, classId: appointments.classId, classServiceId: classes.serviceId })
      .from(appointments)
      .leftJoin(classes, eq(classes.id, appointments.classId))
      .where(and(inArray(appointments.practitionerId, ids), ne(appointments.status, "cancelled"),
        sql`${appointments.blocked} && tstzrange(${windowStart.toISOString()}::timestamptz, ${windowEnd.toISOString()}::timestamptz)`,
        req.ignoreAppointmentId ? ne(appointments.id, req.ignoreAppointmentId) : undefined)),
    isClass
      ? db.select().from(classes).where(and(eq(classes.serviceId, service.id), eq(classes.locationId, location.id), inArray(classes.practitionerId, ids),
          gte(classes.startsAt, windowStart), lte(classes.startsAt, windowEnd)))
      : Promise.resolve([] as (typeof classes.$inferSelect)[]),
  );;

  const breaksByEntry = new Map<string, { start: string; end: string }[]>();
  for (const b of breakRows) {
    const list = breaksByEntry.get(b.rosterEntryId) ?? [];
    list.push({ start: HHMM(b.startsAt), end: HHMM(b.endsAt) });
    breaksByEntry.set(b.rosterEntryId, list);
  }
  const rosters: RosterEntry[] = rosterRows.map(({ entry, serviceSlug }) => ({
    practitioner: slugById.get(entry.practitionerId)!, weekday: entry.weekday as RosterEntry["weekday"], start: HHMM(entry.startsAt), end: HHMM(entry.endsAt),
    validFrom: entry.validFrom, validTo: entry.validTo, service: serviceSlug ?? null, breaks: breaksByEntry.get(entry.id) ?? [],
  }));
  const closedDates = publicHolidayDates(location.holidayRegion, req.from, req.to);
  for (const c of closureRows) for (const d of eachLocalDate(c.startsOn > req.from ? c.startsOn : req.from, c.endsOn < req.to ? c.endsOn : req.to)) closedDates.add(d);
  const busy = [
    ...leaveRows.map((l) => ({ practitioner: slugById.get(l.practitionerId)!, start: l.startsAt, end: l.endsAt })),
    // a class's own places are counted in classBookings, not as busy time for that class
    ...busyRows
      .filter((b) => !(isClass && b.classServiceId === service.id))
      .map((b) => ({ practitioner: slugById.get(b.practitionerId)!, start: b.blocked.start, end: b.blocked.end, classKey: b.classId ?? undefined })),
  ];
  const classBookings = classRows.map((c) => ({ practitioner: slugById.get(c.practitionerId)!, start: c.startsAt, booked: c.bookedCount }));
  return { query: { ...base, rosters, busy, classBookings, closedDates }, location, service, practitionerIds };
}
