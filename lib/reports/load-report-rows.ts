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

  const rosterWhere = and(
    location ? eq(rosterEntries.locationId, location.id) : undefined,
    practitioner ? eq(rosterEntries.practitionerId, practitioner.id) : undefined,
    lte(rosterEntries.validFrom, q.to),
    or(isNull(rosterEntries.validTo), gte(rosterEntries.validTo, q.from)),
  );
  // A day either side of the range in UTC holds every location's local dates of the range.
  const aroundStart = new Date(`${addDays(q.from, -1)}T00:00:00Z`).toISOString();
  const aroundEnd = new Date(`${addDays(q.to, 2)}T00:00:00Z`).toISOString();
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
          sql`${leave.startsAt} < ${aroundEnd}::timestamptz and ${leave.endsAt} > ${aroundStart}::timestamptz`,
        ),
      ),
    loadClosedDates(
      db,
      scopeLocations.map((l) => l.id),
      q.from,
      q.to,
    ),
    db.execute(daysStatement(q, location?.id, practitioner?.id)),
    db.execute(routesStatement(q, { start: aroundStart, end: aroundEnd }, location?.id, practitioner?.id)),
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

/** One row of daysStatement: a practitioner's figures at a location in one week (`date`, its Monday). */
interface DayRow {
  practitionerId: string;
  locationId: string;
  date: string;
  total: number;
  attended: number;
  noShow: number;
  cancelled: number;
  lateCancelled: number;
  seconds: number | string;
  newPatients: number;
  intakeDue: number;
  intakeCompleted: number;
  online: number;
  phone: number;
  waitlist: number;
  referral: number;
  import: number;
}

const dayFigures = (r: DayRow): DayFigures => ({
  practitionerId: r.practitionerId,
  locationId: r.locationId,
  date: r.date,
  total: Number(r.total),
  attended: Number(r.attended),
  noShow: Number(r.noShow),
  cancelled: Number(r.cancelled),
  lateCancelled: Number(r.lateCancelled),
  bookedMinutes: Number(r.seconds) / 60,
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
});

const scope = (alias: "a" | "d", locationId?: string, practitionerId?: string): SQL => {
  const t = sql.raw(alias);
  return sql`${locationId ? sql` and ${t}.location_id = ${locationId}::uuid` : sql``}${practitionerId ? sql` and ${t}.practitioner_id = ${practitionerId}::uuid` : sql``}`;
};

/**
 * The appointment figures per practitioner, location and ISO week of the range, added up from report_days: one row
 * per practitioner, location and local date, which the database keeps in the same transaction as every change of an
 * appointment, an intake, a service's cancellation window or a location's zone (db/migrations/0023_report_days_triggers.sql).
 * A local date is the location's own, so the range's dates are simply `from` to `to`. A row whose appointments all
 * moved away is left with zeros (total 0): it is skipped, so that no practitioner is listed for it. See docs/reports.md.
 */
export function daysStatement(q: ReportQuery, locationId?: string, practitionerId?: string): SQL {
  return sql`select d.practitioner_id as "practitionerId", d.location_id as "locationId",
      to_char(date_trunc('week', d.day), 'YYYY-MM-DD') as "date",
      sum(d.total)::int as "total", sum(d.attended)::int as "attended", sum(d.no_show)::int as "noShow",
      sum(d.cancelled)::int as "cancelled", sum(d.late_cancelled)::int as "lateCancelled",
      (sum(d.booked_microseconds) / 1000000)::float8 as "seconds", sum(d.new_patients)::int as "newPatients",
      sum(d.intake_due)::int as "intakeDue", sum(d.intake_completed)::int as "intakeCompleted",
      sum(d.online)::int as "online", sum(d.phone)::int as "phone", sum(d.waitlist)::int as "waitlist",
      sum(d.referral)::int as "referral", sum(d.import)::int as "import"
    from report_days d
    where d.day >= ${q.from}::date and d.day <= ${q.to}::date and d.total > 0${scope("d", locationId, practitionerId)}
    group by 1, 2, 3`;
}

/**
 * Triages by route. For the whole group: every triage taken on the range's dates in the clinic's zone (most are
 * taken before any booking exists). For one location or practitioner: the triages their appointments were booked
 * from, dated in that appointment's location.
 */
export function routesStatement(
  q: ReportQuery,
  w: { start: string; end: string },
  locationId?: string,
  practitionerId?: string,
): SQL {
  if (!locationId && !practitionerId) {
    const start = dayBounds(q.from, CLINIC_ZONE).start.toISOString();
    const end = dayBounds(q.to, CLINIC_ZONE).end.toISOString();
    return sql`select t.route, count(*)::int as n from triages t
      where t.created_at >= ${start}::timestamptz and t.created_at < ${end}::timestamptz group by t.route`;
  }
  return sql`select t.route, count(distinct t.id)::int as n from triages t
    join appointments a on a.triage_id = t.id
    join locations l on l.id = a.location_id
    where t.created_at >= ${w.start}::timestamptz and t.created_at < ${w.end}::timestamptz${scope("a", locationId, practitionerId)}
      and (t.created_at at time zone l.timezone)::date between ${q.from}::date and ${q.to}::date
    group by t.route`;
}
