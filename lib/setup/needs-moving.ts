import "server-only";
import { and, eq, gt, gte, inArray, isNull, lt, lte, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments, closures, leave, locationOpenDays, locations, rosterBreaks, rosterEntries } from "@/db/schema";
import { holidayClosedDates } from "@/lib/scheduling/holidays";
import { leaveSpanIn } from "@/lib/scheduling/leave-span";
import { eachLocalDate, localDateOf } from "@/lib/scheduling/local-time";
import { expandRosters } from "@/lib/scheduling/roster-expansion";
import type { RosterEntry } from "@/lib/scheduling/slot-types";
import { loadBoardAppointments, toStaffAppointmentDto } from "@/lib/staff/board-appointments";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";

/** The bookings a change of working time may affect: one practitioner and/or one location, over a span of time. */
export interface WorkingTimeScope {
  practitionerId?: string;
  locationId?: string;
  from: Date;
  /** null: from `from` on, for good. */
  to: Date | null;
}

const HHMM = (t: string) => t.slice(0, 5);

/**
 * Re-evaluates every booked future appointment in `scope` against working time as it now stands (inside the change's
 * transaction), flags those left outside it as "needs moving" and clears the flag of those back inside; returns the
 * ones outside, as the staff appointments list shows them. Nothing is cancelled.
 */
export async function reviewNeedsMoving(tx: Tx, scope: WorkingTimeScope, now: Date): Promise<StaffAppointmentDto[]> {
  const from = scope.from > now ? scope.from : now;
  const rows = await tx
    .select({
      id: appointments.id,
      practitionerId: appointments.practitionerId,
      locationId: appointments.locationId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      flagged: appointments.needsMovingSince,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.status, "booked"),
        gt(appointments.endsAt, from),
        scope.to ? lt(appointments.startsAt, scope.to) : undefined,
        scope.practitionerId ? eq(appointments.practitionerId, scope.practitionerId) : undefined,
        scope.locationId ? eq(appointments.locationId, scope.locationId) : undefined,
      ),
    );
  if (rows.length === 0) return [];
  const outside = new Set<string>();
  for (const locationId of new Set(rows.map((r) => r.locationId))) {
    const here = rows.filter((r) => r.locationId === locationId);
    for (const id of await outsideWorkingTime(tx, locationId, here)) outside.add(id);
  }
  const toFlag = rows.filter((r) => outside.has(r.id) && r.flagged === null).map((r) => r.id);
  const toClear = rows.filter((r) => !outside.has(r.id) && r.flagged !== null).map((r) => r.id);
  if (toFlag.length)
    await tx.update(appointments).set({ needsMovingSince: now }).where(inArray(appointments.id, toFlag));
  if (toClear.length)
    await tx.update(appointments).set({ needsMovingSince: null }).where(inArray(appointments.id, toClear));
  if (outside.size === 0) return [];
  return (await loadBoardAppointments(tx, inArray(appointments.id, [...outside]))).map(toStaffAppointmentDto);
}

interface Booked {
  id: string;
  practitionerId: string;
  startsAt: Date;
  endsAt: Date;
}

/** Ids of the bookings at one location that no roster window (less breaks, leave, closures, holidays) holds whole. */
async function outsideWorkingTime(tx: Tx, locationId: string, booked: Booked[]): Promise<string[]> {
  const [loc] = await tx.select().from(locations).where(eq(locations.id, locationId));
  if (!loc) return [];
  const tz = loc.timezone;
  const dates = booked.map((b) => localDateOf(b.startsAt, tz)).sort();
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  const practitionerIds = [...new Set(booked.map((b) => b.practitionerId))];
  const [entries, breaks, closed, open, leaveRows] = await Promise.all([
    tx
      .select()
      .from(rosterEntries)
      .where(
        and(
          eq(rosterEntries.locationId, locationId),
          inArray(rosterEntries.practitionerId, practitionerIds),
          lte(rosterEntries.validFrom, last),
          or(isNull(rosterEntries.validTo), gte(rosterEntries.validTo, first)),
        ),
      ),
    tx
      .select({ entryId: rosterBreaks.rosterEntryId, start: rosterBreaks.startsAt, end: rosterBreaks.endsAt })
      .from(rosterBreaks)
      .innerJoin(rosterEntries, eq(rosterEntries.id, rosterBreaks.rosterEntryId))
      .where(and(eq(rosterEntries.locationId, locationId), inArray(rosterEntries.practitionerId, practitionerIds))),
    tx
      .select()
      .from(closures)
      .where(and(eq(closures.locationId, locationId), lte(closures.startsOn, last), gte(closures.endsOn, first))),
    tx
      .select({ date: locationOpenDays.date })
      .from(locationOpenDays)
      .where(
        and(
          eq(locationOpenDays.locationId, locationId),
          gte(locationOpenDays.date, first),
          lte(locationOpenDays.date, last),
        ),
      ),
    tx
      .select()
      .from(leave)
      .where(
        and(
          inArray(leave.practitionerId, practitionerIds),
          lt(
            leave.startsAt,
            booked.reduce((m, b) => (b.endsAt > m ? b.endsAt : m), booked[0]!.endsAt),
          ),
          gt(
            leave.endsAt,
            booked.reduce((m, b) => (b.startsAt < m ? b.startsAt : m), booked[0]!.startsAt),
          ),
        ),
      ),
  ]);
  const closedDates = holidayClosedDates(loc.holidayRegion, new Set(open.map((o) => o.date)), first, last);
  for (const c of closed)
    for (const d of eachLocalDate(c.startsOn > first ? c.startsOn : first, c.endsOn < last ? c.endsOn : last))
      closedDates.add(d);
  const rosters: RosterEntry[] = entries.map((e) => ({
    practitioner: e.practitionerId,
    weekday: e.weekday as RosterEntry["weekday"],
    start: HHMM(e.startsAt),
    end: HHMM(e.endsAt),
    validFrom: e.validFrom,
    validTo: e.validTo,
    service: e.serviceId,
    rotationWeeks: e.rotationWeeks,
    week: e.week,
    breaks: breaks.filter((b) => b.entryId === e.id).map((b) => ({ start: HHMM(b.start), end: HHMM(b.end) })),
  }));
  const windows = expandRosters({
    timezone: tz,
    rosters,
    practitioners: new Set(practitionerIds),
    closedDates,
    from: first,
    to: last,
  });
  const away = leaveRows.map((l) => ({
    practitionerId: l.practitionerId,
    ...leaveSpanIn({ start: l.startsAt, end: l.endsAt, startsOn: l.startsOn, endsOn: l.endsOn }, tz),
  }));
  const s = (d: Date) => d.getTime();
  return booked
    .filter((b) => {
      const held = windows.some(
        (w) =>
          w.practitioner === b.practitionerId &&
          w.window.start <= s(b.startsAt) &&
          w.window.end >= s(b.endsAt) &&
          !w.breaks.some((k) => k.start < s(b.endsAt) && k.end > s(b.startsAt)),
      );
      const onLeave = away.some(
        (l) => l.practitionerId === b.practitionerId && l.start < b.endsAt && l.end > b.startsAt,
      );
      return !held || onLeave;
    })
    .map((b) => b.id);
}

/** Thrown to roll a dry run back after it has computed its answer. */
class DryRunRollback extends Error {
  constructor(readonly result: unknown) {
    super("dry run");
  }
}

/**
 * Runs `change` in one transaction; with `dryRun` the transaction is rolled back after the change has computed its
 * answer, so a preview shows exactly what saving would (clashes included) and writes nothing.
 */
export async function inTransaction<T>(db: Db, dryRun: boolean, change: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const result = await change(tx);
      if (dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.result as T;
    throw e;
  }
}
