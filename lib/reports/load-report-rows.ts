import "server-only";
import { and, eq, gte, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { type Db, rowsOf, type Tx } from "@/db/client";
import { leave, locations, practitioners, rosterBreaks, rosterEntries } from "@/db/schema";
import { ValidationFailed } from "@/lib/errors";
import { addDays } from "@/lib/scheduling/local-time";
import { CLINIC_ZONE } from "@/lib/staff/practice-schemas";
import { dayBounds, loadClosedDates } from "@/lib/staff/working-time";
import type { DayFigures, ReportInput, ReportRoster } from "./compute-report";
import type { ReportQuery } from "./schemas";

const HHMM = (t: string) => t.slice(0, 5);

/**
 * Everything computeReport needs for a range, in a handful of set-based statements: the locations and practitioners
 * in scope, their rosters with breaks, leave, closures and holidays, one aggregate row per practitioner, location
 * and local date of the appointments, and the triage routes. Unknown slugs are a 422 naming the field.
 */
export async function loadReportRows(db: Db | Tx, q: ReportQuery): Promise<ReportInput> {
  const [locs, people] = await Promise.all([
    db.select().from(locations).orderBy(locations.name),
    db
      .select({ id: practitioners.id, slug: practitioners.slug, name: practitioners.name })
      .from(practitioners)
      .orderBy(practitioners.slug),
  ]);
  const location = q.location ? locs.find((l) => l.slug === q.location) : undefined;
  const practitioner = q.practitioner ? people.find((p) => p.slug === q.practitioner) : undefined;
  const unknown: Record<string, string> = {};
  if (q.location && !location) unknown.location = "There is no location with that name.";
  if (q.practitioner && !practitioner) unknown.practitioner = "There is no practitioner with that name.";
  if (Object.keys(unknown).length > 0) throw new ValidationFailed(unknown);
  const scopeLocations = location ? [location] : locs;
  const scopePeople = practitioner ? [practitioner] : people;

  // A day either side of the range covers every zone's offset; each statement then keeps only its local dates.
  const windowStart = new Date(`${addDays(q.from, -1)}T00:00:00Z`).toISOString();
  const windowEnd = new Date(`${addDays(q.to, 2)}T00:00:00Z`).toISOString();
  const rosterWhere = and(
    location ? eq(rosterEntries.locationId, location.id) : undefined,
    practitioner ? eq(rosterEntries.practitionerId, practitioner.id) : undefined,
    lte(rosterEntries.validFrom, q.to),
    or(isNull(rosterEntries.validTo), gte(rosterEntries.validTo, q.from)),
  );
  const [entries, breaks, leaveRows, closed, days, routes] = await Promise.all([
    db.select().from(rosterEntries).where(rosterWhere),
    db
      .select({ entryId: rosterBreaks.rosterEntryId, start: rosterBreaks.startsAt, end: rosterBreaks.endsAt })
      .from(rosterBreaks)
      .innerJoin(rosterEntries, eq(rosterEntries.id, rosterBreaks.rosterEntryId))
      .where(rosterWhere),
    db
      .select({ practitionerId: leave.practitionerId, start: leave.startsAt, end: leave.endsAt })
      .from(leave)
      .where(
        and(
          practitioner ? eq(leave.practitionerId, practitioner.id) : undefined,
          sql`${leave.startsAt} < ${windowEnd}::timestamptz and ${leave.endsAt} > ${windowStart}::timestamptz`,
        ),
      ),
    loadClosedDates(
      db,
      scopeLocations.map((l) => l.id),
      q.from,
      q.to,
    ),
    // JIT compiling this one statement cost seconds and saves nothing on a few hundred thousand rows.
    db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return tx.execute(dayFiguresStatement(q, { windowStart, windowEnd }, location?.id, practitioner?.id));
    }),
    db.execute(routesStatement(q, { windowStart, windowEnd }, location?.id, practitioner?.id)),
  ]);

  const breaksBy = new Map<string, { start: string; end: string }[]>();
  for (const b of breaks)
    breaksBy.set(b.entryId, [...(breaksBy.get(b.entryId) ?? []), { start: HHMM(b.start), end: HHMM(b.end) }]);
  // The whole row is spread in, so whatever the slot engine's roster entry gains (a rotation, say) comes along.
  const rosters: ReportRoster[] = entries.map((e) => ({
    ...e,
    practitioner: e.practitionerId,
    weekday: e.weekday as ReportRoster["weekday"],
    start: HHMM(e.startsAt),
    end: HHMM(e.endsAt),
    service: e.serviceId,
    breaks: breaksBy.get(e.id) ?? [],
  }));

  return {
    from: q.from,
    to: q.to,
    locations: scopeLocations.map((l) => ({
      id: l.id,
      slug: l.slug,
      name: l.name,
      timezone: l.timezone,
      closedDates: new Set(closed.get(l.id)?.keys() ?? []),
    })),
    practitioners: scopePeople,
    rosters,
    leave: leaveRows.map((l) => ({ practitionerId: l.practitionerId, start: l.start.getTime(), end: l.end.getTime() })),
    days: rowsOf<DayRow>(days).map(dayFigures),
    routes: Object.fromEntries(rowsOf<{ route: string; n: number }>(routes).map((r) => [r.route, Number(r.n)])),
  };
}

interface DayRow {
  practitionerId: string;
  locationId: string;
  date: string;
  total: number;
  attended: number;
  noShow: number;
  cancelled: number;
  lateCancelled: number;
  bookedMinutes: number | string;
  newPatients: number;
  intakeDue: number;
  intakeCompleted: number;
  online: number;
  phone: number;
  waitlist: number;
  referral: number;
  import: number;
}

function dayFigures(r: DayRow): DayFigures {
  return {
    practitionerId: r.practitionerId,
    locationId: r.locationId,
    date: r.date,
    total: Number(r.total),
    attended: Number(r.attended),
    noShow: Number(r.noShow),
    cancelled: Number(r.cancelled),
    lateCancelled: Number(r.lateCancelled),
    bookedMinutes: Number(r.bookedMinutes),
    newPatients: Number(r.newPatients),
    intakeDue: Number(r.intakeDue),
    intakeCompleted: Number(r.intakeCompleted),
    bySource: {
      online: Number(r.online),
      phone: Number(r.phone),
      waitlist: Number(r.waitlist),
      "booking-referral": Number(r.referral),
      import: Number(r.import),
    },
  };
}

interface Window {
  windowStart: string;
  windowEnd: string;
}

const scope = (alias: "a" | "r", locationId?: string, practitionerId?: string): SQL => {
  const t = sql.raw(alias);
  return sql`${locationId ? sql` and ${t}.location_id = ${locationId}::uuid` : sql``}${practitionerId ? sql` and ${t}.practitioner_id = ${practitionerId}::uuid` : sql``}`;
};

/**
 * One row per practitioner, location and local date with every appointment figure, in one pass over the range's
 * appointments (found through the (location or practitioner, starts_at) indexes). See docs/reports.md for each
 * definition. A class's minutes count once, on its first place that is not cancelled; a patient is new on their
 * first ever appointment, by start and then id, at whatever location.
 */
export function dayFiguresStatement(q: ReportQuery, w: Window, locationId?: string, practitionerId?: string): SQL {
  const inWindow = sql`select r.patient_id, r.id from appointments r
    where r.starts_at >= ${w.windowStart}::timestamptz and r.starts_at < ${w.windowEnd}::timestamptz${scope("r", locationId, practitionerId)}`;
  // Each patient's first ever appointment and each appointment's first submitted intake are one grouped pass each,
  // limited to the window's patients and appointments (a CTE here hid the row counts from the planner, which then
  // chose nested loops and an on-disk sort for a year: four times slower).
  return sql`select a.practitioner_id as "practitionerId", a.location_id as "locationId",
      (a.starts_at at time zone l.timezone)::date::text as "date",
      count(*)::int as "total",
      (count(*) filter (where a.status in ('arrived', 'completed')))::int as "attended",
      (count(*) filter (where a.status = 'no-show'))::int as "noShow",
      (count(*) filter (where a.status = 'cancelled'))::int as "cancelled",
      (count(*) filter (where a.status = 'cancelled'
        and a.cancelled_at > a.starts_at - make_interval(hours => s.cancellation_window_hours)))::int as "lateCancelled",
      coalesce(sum(extract(epoch from a.ends_at - a.starts_at) / 60) filter (where a.status <> 'cancelled'
        and (a.class_id is null or not exists (select 1 from appointments c
          where c.class_id = a.class_id and c.status <> 'cancelled' and c.id < a.id))), 0)::float8 as "bookedMinutes",
      (count(*) filter (where a.starts_at = f.first_start and not exists (select 1 from appointments b
        where b.patient_id = a.patient_id and b.starts_at = a.starts_at and b.id < a.id)))::int as "newPatients",
      (count(*) filter (where a.status <> 'cancelled' and a.source <> 'import'))::int as "intakeDue",
      (count(*) filter (where a.status <> 'cancelled' and a.source <> 'import' and d.submitted < a.starts_at))::int as "intakeCompleted",
      (count(*) filter (where a.source = 'online'))::int as "online",
      (count(*) filter (where a.source in ('phone', 'staff')))::int as "phone",
      (count(*) filter (where a.source = 'waitlist'))::int as "waitlist",
      (count(*) filter (where a.source = 'referral'))::int as "referral",
      (count(*) filter (where a.source = 'import'))::int as "import"
    from appointments a
    join locations l on l.id = a.location_id
    join services s on s.id = a.service_id
    join (select b.patient_id, min(b.starts_at) as first_start from appointments b
      where b.patient_id in (select x.patient_id from (${inWindow}) x) group by b.patient_id) f on f.patient_id = a.patient_id
    left join (select i.appointment_id, min(i.submitted_at) as submitted from intake_responses i
      where i.submitted_at is not null and i.appointment_id in (select x.id from (${inWindow}) x)
      group by i.appointment_id) d on d.appointment_id = a.id
    where a.starts_at >= ${w.windowStart}::timestamptz and a.starts_at < ${w.windowEnd}::timestamptz${scope("a", locationId, practitionerId)}
      and (a.starts_at at time zone l.timezone)::date between ${q.from}::date and ${q.to}::date
    group by a.practitioner_id, a.location_id, (a.starts_at at time zone l.timezone)::date`;
}

/**
 * Triages by route. For the whole group: every triage taken on the range's dates in the clinic's zone (most are
 * taken before any booking exists). For one location or practitioner: the triages their appointments were booked
 * from, dated in that appointment's location.
 */
export function routesStatement(q: ReportQuery, w: Window, locationId?: string, practitionerId?: string): SQL {
  if (!locationId && !practitionerId) {
    const start = dayBounds(q.from, CLINIC_ZONE).start.toISOString();
    const end = dayBounds(q.to, CLINIC_ZONE).end.toISOString();
    return sql`select t.route, count(*)::int as n from triages t
      where t.created_at >= ${start}::timestamptz and t.created_at < ${end}::timestamptz group by t.route`;
  }
  return sql`select t.route, count(distinct t.id)::int as n from triages t
    join appointments a on a.triage_id = t.id
    join locations l on l.id = a.location_id
    where t.created_at >= ${w.windowStart}::timestamptz and t.created_at < ${w.windowEnd}::timestamptz${scope("a", locationId, practitionerId)}
      and (t.created_at at time zone l.timezone)::date between ${q.from}::date and ${q.to}::date
    group by t.route`;
}
