import "server-only";
import { and, eq, gte, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { type Db, rowsOf, type Tx } from "@/db/client";
import { leave, locations, practitioners, rosterBreaks, rosterEntries } from "@/db/schema";
import { ValidationFailed } from "@/lib/errors";
import { addDays, isoWeekday } from "@/lib/scheduling/local-time";
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

  // Each location's weeks as instants: the local midnights of `from`, of every Monday after it and of the day after
  // `to`. An appointment is in the range when its start falls between the first and the last, and in the week whose
  // bucket `width_bucket` finds (a binary search per row, instead of a time zone conversion per row).
  const weeks = weeksOf(q.from, q.to);
  const zones = scopeLocations.map((l) => ({
    id: l.id,
    bounds: [...weeks, addDays(q.to, 1)].map((d) => dayBounds(d, l.timezone).start.toISOString()),
  }));
  // ISO instants in UTC compare as strings; with no location at all, a day either side of the range
  const window: Window = {
    windowStart: zones.map((z) => z.bounds[0]!).sort()[0] ?? new Date(`${addDays(q.from, -1)}T00:00:00Z`).toISOString(),
    windowEnd:
      zones
        .map((z) => z.bounds.at(-1)!)
        .sort()
        .at(-1) ?? new Date(`${addDays(q.to, 2)}T00:00:00Z`).toISOString(),
    zones,
  };
  const rosterWhere = and(
    location ? eq(rosterEntries.locationId, location.id) : undefined,
    practitioner ? eq(rosterEntries.practitionerId, practitioner.id) : undefined,
    lte(rosterEntries.validFrom, q.to),
    or(isNull(rosterEntries.validTo), gte(rosterEntries.validTo, q.from)),
  );
  const leaveStart = new Date(`${addDays(q.from, -1)}T00:00:00Z`).toISOString();
  const leaveEnd = new Date(`${addDays(q.to, 2)}T00:00:00Z`).toISOString();
  const figures = (statement: SQL) =>
    zones.length === 0
      ? Promise.resolve([])
      : // JIT compiling costs more than it saves on a few hundred thousand rows; the intake hash wants more than 4 MB.
        db.transaction(async (tx) => {
          await tx.execute(sql`set local jit = off`);
          await tx.execute(sql`set local work_mem = '32MB'`);
          return rowsOf<FigureRow>(await tx.execute(statement));
        });
  const [entries, breaks, leaveRows, closed, counts, firsts, intakes, classes, routes] = await Promise.all([
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
          sql`${leave.startsAt} < ${leaveEnd}::timestamptz and ${leave.endsAt} > ${leaveStart}::timestamptz`,
        ),
      ),
    loadClosedDates(
      db,
      scopeLocations.map((l) => l.id),
      q.from,
      q.to,
    ),
    figures(countsStatement(window, location?.id, practitioner?.id)),
    figures(newPatientsStatement(window, location?.id, practitioner?.id)),
    figures(intakeStatement(window, location?.id, practitioner?.id)),
    figures(classMinutesStatement(window, location?.id, practitioner?.id)),
    db.execute(routesStatement(q, window, location?.id, practitioner?.id)),
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
    days: dayFigures(weeks, { counts, firsts, intakes, classes }),
    routes: Object.fromEntries(rowsOf<{ route: string; n: number }>(routes).map((r) => [r.route, Number(r.n)])),
  };
}

/** The first date of each week of the range: `from`, then every Monday up to `to`. */
export function weeksOf(from: string, to: string): string[] {
  const out = [from];
  for (let d = addDays(from, 8 - isoWeekday(from)); d <= to; d = addDays(d, 7)) out.push(d);
  return out;
}

/** One row of a figures statement: a practitioner, a location, a week bucket (1 = the range's first week). */
interface FigureRow {
  practitionerId: string;
  locationId: string;
  bucket: number;
  total?: number;
  attended?: number;
  noShow?: number;
  cancelled?: number;
  lateCancelled?: number;
  seconds?: number | string;
  intakeDue?: number;
  online?: number;
  phone?: number;
  waitlist?: number;
  referral?: number;
  import?: number;
  n?: number;
}

/** The four statements' rows as one figure row per practitioner, location and week, dated the week's first date. */
function dayFigures(
  weeks: readonly string[],
  rows: { counts: FigureRow[]; firsts: FigureRow[]; intakes: FigureRow[]; classes: FigureRow[] },
): DayFigures[] {
  const out = new Map<string, DayFigures>();
  const at = (r: FigureRow) => {
    const key = `${r.practitionerId}|${r.locationId}|${r.bucket}`;
    let d = out.get(key);
    if (!d) {
      const date = weeks[Number(r.bucket) - 1];
      if (date === undefined) throw new Error(`Week bucket ${r.bucket} is outside the range`);
      d = {
        practitionerId: r.practitionerId,
        locationId: r.locationId,
        date,
        total: 0,
        attended: 0,
        noShow: 0,
        cancelled: 0,
        lateCancelled: 0,
        bookedMinutes: 0,
        newPatients: 0,
        intakeDue: 0,
        intakeCompleted: 0,
        bySource: { online: 0, phone: 0, waitlist: 0, "booking-referral": 0, import: 0 },
      };
      out.set(key, d);
    }
    return d;
  };
  for (const r of rows.counts) {
    const d = at(r);
    d.total += Number(r.total);
    d.attended += Number(r.attended);
    d.noShow += Number(r.noShow);
    d.cancelled += Number(r.cancelled);
    d.lateCancelled += Number(r.lateCancelled);
    d.bookedMinutes += Number(r.seconds) / 60;
    d.intakeDue += Number(r.intakeDue);
    d.bySource.online += Number(r.online);
    d.bySource.phone += Number(r.phone);
    d.bySource.waitlist += Number(r.waitlist);
    d.bySource["booking-referral"] += Number(r.referral);
    d.bySource.import += Number(r.import);
  }
  for (const r of rows.firsts) at(r).newPatients += Number(r.n);
  for (const r of rows.intakes) at(r).intakeCompleted += Number(r.n);
  for (const r of rows.classes) at(r).bookedMinutes += Number(r.seconds) / 60;
  return [...out.values()];
}

interface Window {
  /** The earliest and latest bound of any location: the part of the start index every statement reads. */
  windowStart: string;
  windowEnd: string;
  /** Per location in scope, its week bounds as ISO instants (see loadReportRows). */
  zones: readonly { id: string; bounds: readonly string[] }[];
}

const scope = (alias: "a" | "r" | "f", locationId?: string, practitionerId?: string): SQL => {
  const t = sql.raw(alias);
  return sql`${locationId ? sql` and ${t}.location_id = ${locationId}::uuid` : sql``}${practitionerId ? sql` and ${t}.practitioner_id = ${practitionerId}::uuid` : sql``}`;
};

/** The locations' week bounds as a table z(location_id, bounds), to join on the appointment's location. */
const zonesTable = (w: Window): SQL =>
  sql`(values ${sql.join(
    w.zones.map((z) => sql`(${z.id}::uuid, ${`{${z.bounds.join(",")}}`}::timestamptz[])`),
    sql`, `,
  )}) z(location_id, bounds)`;

/** The window's rows of `alias` in scope, kept to their location's range and put in its week. */
const inRange = (alias: "a" | "r" | "f", w: Window, locationId?: string, practitionerId?: string): SQL => {
  const t = sql.raw(alias);
  return sql`${t}.starts_at >= ${w.windowStart}::timestamptz and ${t}.starts_at < ${w.windowEnd}::timestamptz
      and ${t}.starts_at >= z.bounds[1] and ${t}.starts_at < z.bounds[cardinality(z.bounds)]${scope(alias, locationId, practitionerId)}`;
};

/**
 * The appointment counts per practitioner, location and week, in one pass over the range's rows (found through the
 * start indexes or read whole for a long range). See docs/reports.md for each definition. Class places' minutes are
 * left to classMinutesStatement; a length is summed in seconds (a float, exact for whole seconds, and cheaper than
 * summing intervals or numerics).
 */
export function countsStatement(w: Window, locationId?: string, practitionerId?: string): SQL {
  return sql`select a.practitioner_id as "practitionerId", a.location_id as "locationId",
      width_bucket(a.starts_at, z.bounds) as "bucket",
      count(*)::int as "total",
      (count(*) filter (where a.status in ('arrived', 'completed')))::int as "attended",
      (count(*) filter (where a.status = 'no-show'))::int as "noShow",
      (count(*) filter (where a.status = 'cancelled'))::int as "cancelled",
      (count(*) filter (where a.status = 'cancelled'
        and a.cancelled_at > a.starts_at - make_interval(hours => s.cancellation_window_hours)))::int as "lateCancelled",
      coalesce(sum(date_part('epoch', a.ends_at - a.starts_at))
        filter (where a.status <> 'cancelled' and a.class_id is null), 0)::float8 as "seconds",
      (count(*) filter (where a.status <> 'cancelled' and a.source <> 'import'))::int as "intakeDue",
      (count(*) filter (where a.source = 'online'))::int as "online",
      (count(*) filter (where a.source in ('phone', 'staff')))::int as "phone",
      (count(*) filter (where a.source = 'waitlist'))::int as "waitlist",
      (count(*) filter (where a.source = 'referral'))::int as "referral",
      (count(*) filter (where a.source = 'import'))::int as "import"
    from appointments a
    join ${zonesTable(w)} on z.location_id = a.location_id
    join services s on s.id = a.service_id
    where ${inRange("a", w, locationId, practitionerId)}
    group by 1, 2, 3`;
}

/**
 * New patients per practitioner, location and week of their first ever appointment (by start, then id, at any
 * location): each patient of the range looked up once in appointments_patient_start_idx, whose first entry is that
 * appointment. A patient whose first appointment is in the range and in scope has an appointment there, so the
 * range's patients are the only ones to look up.
 */
export function newPatientsStatement(w: Window, locationId?: string, practitionerId?: string): SQL {
  return sql`select f.practitioner_id as "practitionerId", f.location_id as "locationId",
      width_bucket(f.starts_at, z.bounds) as "bucket", count(*)::int as "n"
    from (select distinct r.patient_id from appointments r
      where r.starts_at >= ${w.windowStart}::timestamptz and r.starts_at < ${w.windowEnd}::timestamptz${scope("r", locationId, practitionerId)}) p
    cross join lateral (select b.practitioner_id, b.location_id, b.starts_at from appointments b
      where b.patient_id = p.patient_id order by b.starts_at, b.id limit 1) f
    join ${zonesTable(w)} on z.location_id = f.location_id
    where ${inRange("f", w, locationId, practitionerId)}
    group by 1, 2, 3`;
}

/**
 * Intakes done before the visit per practitioner, location and week: the range's due appointments (not cancelled,
 * not imported) with any submitted intake version before their start, as a semi-join (a hash of the submitted
 * intakes for a long range, an index probe per appointment for a short one).
 */
export function intakeStatement(w: Window, locationId?: string, practitionerId?: string): SQL {
  return sql`select a.practitioner_id as "practitionerId", a.location_id as "locationId",
      width_bucket(a.starts_at, z.bounds) as "bucket", count(*)::int as "n"
    from appointments a
    join ${zonesTable(w)} on z.location_id = a.location_id
    where ${inRange("a", w, locationId, practitionerId)}
      and a.status <> 'cancelled' and a.source <> 'import'
      and exists (select 1 from intake_responses i where i.appointment_id = a.id and i.submitted_at < a.starts_at)
    group by 1, 2, 3`;
}

/**
 * Booked minutes of classes: each class once, on its first place (by id) that is not cancelled, wherever that
 * place is; counted when that place is in the range and in scope.
 */
export function classMinutesStatement(w: Window, locationId?: string, practitionerId?: string): SQL {
  return sql`select f.practitioner_id as "practitionerId", f.location_id as "locationId",
      width_bucket(f.starts_at, z.bounds) as "bucket", sum(date_part('epoch', f.ends_at - f.starts_at))::float8 as "seconds"
    from (select distinct on (c.class_id) c.practitioner_id, c.location_id, c.starts_at, c.ends_at from appointments c
      where c.class_id in (select r.class_id from appointments r
        where r.starts_at >= ${w.windowStart}::timestamptz and r.starts_at < ${w.windowEnd}::timestamptz
          and r.class_id is not null${scope("r", locationId, practitionerId)})
        and c.status <> 'cancelled'
      order by c.class_id, c.id) f
    join ${zonesTable(w)} on z.location_id = f.location_id
    where ${inRange("f", w, locationId, practitionerId)}
    group by 1, 2, 3`;
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
