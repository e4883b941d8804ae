import "server-only";
import { eq, type SQL, sql } from "drizzle-orm";
import { type Db, rowFromJson, rowsOf, type Tx } from "@/db/client";
import { locations, practitioners, serviceLocations, services } from "@/db/schema";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { holidayClosedDates } from "./holidays";
import { leaveSpanIn } from "./leave-span";
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
  /** Wait-list offers hold their time from everyone else; staff bookings pass false, an accepted offer its own id (the
   * time's other offers, to other entries, do not block it). */
  holds?: { respect: false } | { respect: true; exceptOfferId?: string };
}

export interface SlotContext {
  query: SlotQuery;
  location: typeof locations.$inferSelect;
  service: typeof services.$inferSelect;
  practitionerIds: Map<string, string>;
}

const HHMM = (t: string) => t.slice(0, 5);

/** What the one statement of loadSlotQuery returns beside the location and service rows (JSON, camelCase keys). */
interface ScheduleJson {
  practitioners: { id: string; slug: string }[];
  rosters: {
    practitionerId: string;
    weekday: number;
    startsAt: string;
    endsAt: string;
    validFrom: string;
    validTo: string | null;
    serviceSlug: string | null;
    rotationWeeks: number;
    week: number;
    breaks: { start: string; end: string }[] | null;
  }[];
  closures: { startsOn: string; endsOn: string }[];
  /** Public holidays the location opens on anyway. */
  openDays: string[];
  leave: { practitionerId: string; start: string; end: string; startsOn: string | null; endsOn: string | null }[];
  /** [practitioner id, start, end (epoch milliseconds), class id, the class's service id]: the bulk of the answer. */
  busy: [string, number, number, string | null, string | null][];
  classes: { practitionerId: string; start: string; booked: number }[];
  /**
   * Open wait-list offers: [practitioner id, blocked start, blocked end, start (epoch milliseconds), service id]. A
   * class's offers hold one place of it (the wait list offers a class a place at a time), not its time.
   */
  holds: [string, number, number, number, string][];
}

/**
 * Reads everything the pure slot engine needs for one location, service and date range in one statement and one
 * round trip: the location and service rows, the practitioners who give that service there (or the one asked
 * for), and their rosters with breaks, closures, leave, bookings and class places, each aggregated as JSON.
 */
export async function loadSlotQuery(db: Db | Tx, req: SlotRequest): Promise<SlotContext> {
  const [row] = rowsOf<SlotContextRow>(await db.execute(slotContextStatement(req)));
  if (!row) throw await whyNoCatalog(db, req);
  const location = rowFromJson(locations, row.location);
  const service = rowFromJson(services, row.service);
  // both drivers parse json columns, so the schedule arrives as an object
  const s = row.schedule;
  if (req.practitioner && s.practitioners.length === 0) throw await whyNoPractitioner(db, req.practitioner);
  const practitionerIds = new Map(s.practitioners.map((p) => [p.slug, p.id]));
  const slugById = new Map(s.practitioners.map((p) => [p.id, p.slug]));
  const base: Omit<SlotQuery, "rosters" | "busy" | "classBookings" | "closedDates"> = {
    timezone: location.timezone,
    location: location.slug,
    practitioners: s.practitioners.map((p) => p.slug),
    from: req.from,
    to: req.to,
    now: req.now,
    ignoreMinNotice: req.ignoreMinNotice ?? false,
    service: {
      slug: service.slug,
      durationMinutes: service.durationMinutes,
      capacity: service.capacity,
      bufferBeforeMinutes: service.bufferBeforeMinutes,
      bufferAfterMinutes: service.bufferAfterMinutes,
      minNoticeMinutes: service.minNoticeMinutes,
      horizonDays: service.horizonDays,
      stepMinutes: service.stepMinutes,
    },
  };
  const isClass = service.capacity > 1;
  const rosters: RosterEntry[] = s.rosters.map((r) => ({
    practitioner: slugById.get(r.practitionerId)!,
    weekday: r.weekday as RosterEntry["weekday"],
    start: HHMM(r.startsAt),
    end: HHMM(r.endsAt),
    validFrom: r.validFrom,
    validTo: r.validTo,
    service: r.serviceSlug,
    rotationWeeks: r.rotationWeeks,
    week: r.week,
    breaks: (r.breaks ?? []).map((b) => ({ start: HHMM(b.start), end: HHMM(b.end) })),
  }));
  const closedDates = holidayClosedDates(location.holidayRegion, new Set(s.openDays), req.from, req.to);
  for (const c of s.closures)
    for (const d of eachLocalDate(c.startsOn > req.from ? c.startsOn : req.from, c.endsOn < req.to ? c.endsOn : req.to))
      closedDates.add(d);
  const busy = [
    ...s.leave.map((l) => ({
      practitioner: slugById.get(l.practitionerId)!,
      ...leaveSpanIn({ ...l, start: new Date(l.start), end: new Date(l.end) }, location.timezone),
    })),
    // a class's own places are counted in classBookings, not as busy time for that class
    ...s.busy
      .filter(([, , , , classServiceId]) => !(isClass && classServiceId === service.id))
      .map(([practitionerId, start, end, classId]) => ({
        practitioner: slugById.get(practitionerId)!,
        start: new Date(start),
        end: new Date(end),
        classKey: classId ?? undefined,
      })),
    ...s.holds
      .filter(([, , , , holdServiceId]) => !(isClass && holdServiceId === service.id))
      .map(([practitionerId, start, end]) => ({
        practitioner: slugById.get(practitionerId)!,
        start: new Date(start),
        end: new Date(end),
      })),
  ];
  // an open offer of a place in this class keeps that one place from everyone else: capacity less open holds
  const heldPlaces = isClass
    ? [
        ...new Set(
          s.holds
            .filter(([, , , , id]) => id === service.id)
            .map(([practitionerId, , , start]) => `${practitionerId}|${start}`),
        ),
      ].map((key) => {
        const [practitionerId, start] = key.split("|") as [string, string];
        return { practitioner: slugById.get(practitionerId)!, start: new Date(Number(start)), booked: 1 };
      })
    : [];
  const classBookings = [
    ...s.classes.map((c) => ({
      practitioner: slugById.get(c.practitionerId)!,
      start: new Date(c.start),
      booked: c.booked,
    })),
    ...heldPlaces,
  ];
  return { query: { ...base, rosters, busy, classBookings, closedDates }, location, service, practitionerIds };
}

interface SlotContextRow {
  service: Record<string, unknown>;
  location: Record<string, unknown>;
  schedule: ScheduleJson;
}

/**
 * The one statement of loadSlotQuery: a row with the service, the location (each as `to_json`) and the schedule
 * JSON, or none. Its text depends only on whether one practitioner is asked for and whether a booking is ignored,
 * so each of those four shapes is prepared once per connection (see db/client.ts).
 */
export function slotContextStatement(req: SlotRequest): SQL {
  // A day either side covers any zone offset; the engine trims to local dates itself. (The window goes as ISO
  // strings: postgres.js does not serialise a Date outside a typed column.)
  const windowStart = new Date(`${addDays(req.from, -1)}T00:00:00Z`).toISOString();
  const windowEnd = new Date(`${addDays(req.to, 2)}T00:00:00Z`).toISOString();
  return buildSlotContext({ ...req, windowStart, windowEnd });
}

function buildSlotContext(v: SlotRequest & { windowStart: string; windowEnd: string }): SQL {
  const chosen = sql`select p.id from practitioner_locations pl join practitioners p on p.id = pl.practitioner_id
    where pl.location_id = ${locations.id} and pl.discipline = ${services.discipline} and p.active${v.practitioner ? sql` and p.slug = ${v.practitioner}` : sql``}`;
  const list = (query: SQL) => sql`coalesce((${query}), '[]'::json)`;
  // Bookings are read per chosen practitioner through the exclusion constraint's index (practitioner, blocked), and
  // sent as arrays with epoch milliseconds: a month of a location's diary is thousands of them, and named fields with
  // formatted timestamps were most of the bytes Postgres wrote and the app decoded.
  // "offset 0" keeps the lateral subquery from being flattened: the planner, which cannot know how full a future
  // week is, otherwise scans every practitioner's bookings in the window and filters them (a hundred times the work).
  const schedule = sql`json_build_object(
    'practitioners', ${list(sql`select json_agg(json_build_object('id', p.id, 'slug', p.slug) order by p.slug) from practitioners p where p.id in (${chosen})`)},
    'rosters', ${list(sql`select json_agg(json_build_object('practitionerId', r.practitioner_id, 'weekday', r.weekday, 'startsAt', r.starts_at,
        'endsAt', r.ends_at, 'validFrom', r.valid_from, 'validTo', r.valid_to, 'serviceSlug', rs.slug,
        'rotationWeeks', r.rotation_weeks, 'week', r.week,
        'breaks', (select json_agg(json_build_object('start', b.starts_at, 'end', b.ends_at)) from roster_breaks b where b.roster_entry_id = r.id)))
      from roster_entries r left join services rs on rs.id = r.service_id
      where r.location_id = ${locations.id} and r.practitioner_id in (${chosen}) and r.valid_from <= ${v.to}::date
        and (r.valid_to is null or r.valid_to >= ${v.from}::date)`)},
    'closures', ${list(sql`select json_agg(json_build_object('startsOn', c.starts_on, 'endsOn', c.ends_on)) from closures c
      where c.location_id = ${locations.id} and c.starts_on <= ${v.to}::date and c.ends_on >= ${v.from}::date`)},
    'openDays', ${list(sql`select json_agg(o.date) from location_open_days o
      where o.location_id = ${locations.id} and o.date between ${v.from}::date and ${v.to}::date`)},
    'leave', ${list(sql`select json_agg(json_build_object('practitionerId', l.practitioner_id, 'start', l.starts_at, 'end', l.ends_at,
        'startsOn', l.starts_on, 'endsOn', l.ends_on)) from leave l
      where l.practitioner_id in (${chosen}) and l.starts_at < ${v.windowEnd}::timestamptz and l.ends_at > ${v.windowStart}::timestamptz`)},
    'busy', ${list(sql`select json_agg(json_build_array(a.practitioner_id, (extract(epoch from lower(a.blocked)) * 1000)::bigint,
        (extract(epoch from upper(a.blocked)) * 1000)::bigint, a.class_id, k.service_id))
      from (${chosen}) c
      cross join lateral (select a.practitioner_id, a.blocked, a.class_id from appointments a
        where a.practitioner_id = c.id and a.status <> 'cancelled' and a.blocked && tstzrange(${v.windowStart}::timestamptz, ${v.windowEnd}::timestamptz)${v.ignoreAppointmentId ? sql` and a.id <> ${v.ignoreAppointmentId}::uuid` : sql``}
        offset 0) a
      left join classes k on k.id = a.class_id`)},
    'classes', ${list(sql`select json_agg(json_build_object('practitionerId', k.practitioner_id, 'start', k.starts_at, 'booked', k.booked_count)) from classes k
      where ${services.capacity} > 1 and k.service_id = ${services.id} and k.location_id = ${locations.id} and k.practitioner_id in (${chosen})
        and k.starts_at >= ${v.windowStart}::timestamptz and k.starts_at <= ${v.windowEnd}::timestamptz`)},
    'holds', ${v.holds?.respect === false ? sql`'[]'::json` : list(holdsStatement(v, chosen))})`;
  return sql`select to_json(${services}) as service, to_json(${locations}) as location, ${schedule} as schedule
    from ${services}
    join ${serviceLocations} on ${serviceLocations.serviceId} = ${services.id}
    join ${locations} on ${locations.id} = ${serviceLocations.locationId} and ${locations.slug} = ${v.location} and ${locations.active}
    where ${services.slug} = ${v.service} and ${services.active}`;
}

/** Open wait-list offers of the chosen practitioners in the window (lib/waitlist makes them). */
function holdsStatement(v: SlotRequest & { windowStart: string; windowEnd: string }, chosen: SQL): SQL {
  const except = v.holds?.respect && v.holds.exceptOfferId;
  return sql`select json_agg(json_build_array(o.practitioner_id, (extract(epoch from lower(o.blocked)) * 1000)::bigint,
      (extract(epoch from upper(o.blocked)) * 1000)::bigint, (extract(epoch from o.starts_at) * 1000)::bigint, o.service_id)) from waitlist_offers o
    where o.status = 'open' and o.expires_at > ${v.now.toISOString()}::timestamptz and o.practitioner_id in (${chosen})
      and o.blocked && tstzrange(${v.windowStart}::timestamptz, ${v.windowEnd}::timestamptz)${except ? sql` and (o.practitioner_id, o.starts_at) not in (select x.practitioner_id, x.starts_at from waitlist_offers x where x.id = ${except}::uuid)` : sql``}`;
}

/** The error for a location and service that gave no row: which of the two is unknown, or that they do not go together. */
async function whyNoCatalog(db: Db | Tx, req: Pick<SlotRequest, "location" | "service">): Promise<Error> {
  const [loc] = await db.select({ active: locations.active }).from(locations).where(eq(locations.slug, req.location));
  // an inactive location offers nothing (clinic setup), as if it were not there
  if (!loc?.active) return new NotFound("There is no location with that name.");
  const [svc] = await db.select({ id: services.id }).from(services).where(eq(services.slug, req.service));
  if (!svc) return new NotFound("There is no service with that name.");
  return new ValidationFailed({ service: "This service is not offered at this location." });
}

async function whyNoPractitioner(db: Db | Tx, slug: string): Promise<Error> {
  const [exists] = await db.select({ id: practitioners.id }).from(practitioners).where(eq(practitioners.slug, slug));
  if (!exists) return new NotFound("There is no practitioner with that name.");
  return new ValidationFailed({ practitioner: "This practitioner does not offer this service here." });
}
