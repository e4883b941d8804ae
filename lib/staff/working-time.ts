import "server-only";
import { and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db, Tx } from "@/db/client";
import { closures, leave, locationOpenDays, locations, rosterBreaks, rosterEntries, services } from "@/db/schema";
import { publicHolidays } from "@/lib/scheduling/holidays";
import { rotationWeekOf } from "@/lib/scheduling/roster-expansion";
import { addDays, eachLocalDate, isoWeekday } from "@/lib/scheduling/local-time";
import type { MinuteSpan } from "./reception-types";

export interface WorkingDay {
  practitionerId: string;
  locationId: string;
  date: string;
  working: MinuteSpan[];
  breaks: MinuteSpan[];
}

export interface WorkingTime {
  days: WorkingDay[];
  /** Leave per practitioner as instants; callers cut it to each day in the zone they draw. */
  leave: { practitionerId: string; start: Date; end: Date; reason: string }[];
  /** locationId → date → why it is closed. */
  closed: Map<string, Map<string, string>>;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Roster windows (wall-clock minutes), breaks, leave and closures for some practitioners over some local dates. */
export async function loadWorkingTime(
  db: Db | Tx,
  f: { practitionerIds: string[]; locationId?: string; from: string; to: string },
): Promise<WorkingTime> {
  if (f.practitionerIds.length === 0) return { days: [], leave: [], closed: new Map() };
  const where = and(
    inArray(rosterEntries.practitionerId, f.practitionerIds),
    f.locationId ? eq(rosterEntries.locationId, f.locationId) : undefined,
    lte(rosterEntries.validFrom, f.to),
    or(isNull(rosterEntries.validTo), gte(rosterEntries.validTo, f.from)),
  );
  const [entries, breakRows, leaveRows] = await Promise.all([
    db
      .select({ e: rosterEntries, serviceName: services.name })
      .from(rosterEntries)
      .leftJoin(services, eq(services.id, rosterEntries.serviceId))
      .where(where),
    db
      .select({ entryId: rosterBreaks.rosterEntryId, startsAt: rosterBreaks.startsAt, endsAt: rosterBreaks.endsAt })
      .from(rosterBreaks)
      .innerJoin(rosterEntries, eq(rosterEntries.id, rosterBreaks.rosterEntryId))
      .where(where),
    db
      .select()
      .from(leave)
      .where(
        and(
          inArray(leave.practitionerId, f.practitionerIds),
          sql`${leave.startsAt} < ${new Date(`${addDays(f.to, 2)}T00:00:00Z`).toISOString()}::timestamptz`,
          sql`${leave.endsAt} > ${new Date(`${addDays(f.from, -1)}T00:00:00Z`).toISOString()}::timestamptz`,
        ),
      ),
  ]);
  const locationIds = [...new Set(entries.map((r) => r.e.locationId).concat(f.locationId ? [f.locationId] : []))];
  const closed = await loadClosedDates(db, locationIds, f.from, f.to);
  const breaksByEntry = new Map<string, MinuteSpan[]>();
  for (const b of breakRows)
    breaksByEntry.set(b.entryId, [
      ...(breaksByEntry.get(b.entryId) ?? []),
      { start: minutesOf(b.startsAt), end: minutesOf(b.endsAt), label: "Break" },
    ]);

  const byKey = new Map<string, WorkingDay>();
  for (const date of eachLocalDate(f.from, f.to)) {
    const weekday = isoWeekday(date);
    for (const { e, serviceName } of entries) {
      if (e.weekday !== weekday || date < e.validFrom || (e.validTo !== null && date > e.validTo)) continue;
      if (rotationWeekOf(e.validFrom, date, e.rotationWeeks) !== e.week) continue;
      if (closed.get(e.locationId)?.has(date)) continue;
      const key = `${e.practitionerId}|${e.locationId}|${date}`;
      const day = byKey.get(key) ?? {
        practitionerId: e.practitionerId,
        locationId: e.locationId,
        date,
        working: [],
        breaks: [],
      };
      day.working.push({ start: minutesOf(e.startsAt), end: minutesOf(e.endsAt), label: serviceName ?? undefined });
      day.breaks.push(...(breaksByEntry.get(e.id) ?? []));
      byKey.set(key, day);
    }
  }
  const days = [...byKey.values()].map((d) => ({
    ...d,
    working: d.working.sort((a, b) => a.start - b.start),
    breaks: d.breaks.sort((a, b) => a.start - b.start),
  }));
  return {
    days,
    leave: leaveRows.map((l) => ({
      practitionerId: l.practitionerId,
      start: l.startsAt,
      end: l.endsAt,
      reason: l.reason,
    })),
    closed,
  };
}

/** Closures and public holidays per location over a date range. */
export async function loadClosedDates(
  db: Db | Tx,
  locationIds: string[],
  from: string,
  to: string,
): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  if (locationIds.length === 0) return out;
  const [locs, rows, open] = await Promise.all([
    db
      .select({ id: locations.id, region: locations.holidayRegion })
      .from(locations)
      .where(inArray(locations.id, locationIds)),
    db
      .select()
      .from(closures)
      .where(and(inArray(closures.locationId, locationIds), lte(closures.startsOn, to), gte(closures.endsOn, from))),
    db
      .select()
      .from(locationOpenDays)
      .where(
        and(
          inArray(locationOpenDays.locationId, locationIds),
          gte(locationOpenDays.date, from),
          lte(locationOpenDays.date, to),
        ),
      ),
  ]);
  const openOn = new Set(open.map((o) => `${o.locationId}|${o.date}`));
  for (const l of locs) {
    const m = new Map<string, string>();
    for (const h of publicHolidays(l.region, from, to))
      if (!openOn.has(`${l.id}|${h.date}`)) m.set(h.date, "Public holiday");
    out.set(l.id, m);
  }
  for (const c of rows) {
    for (const d of eachLocalDate(c.startsOn > from ? c.startsOn : from, c.endsOn < to ? c.endsOn : to))
      out.get(c.locationId)?.set(d, c.reason);
  }
  return out;
}

/** The part of [start, end) that falls on `date` in `timezone`, as wall-clock minutes (0..1440), or null. */
export function minutesOnDay(
  start: Date,
  end: Date,
  date: string,
  timezone: string,
  label?: string,
): MinuteSpan | null {
  const dayStart = DateTime.fromISO(`${date}T00:00`, { zone: timezone });
  const dayEnd = dayStart.plus({ days: 1 });
  const s = DateTime.fromJSDate(start, { zone: timezone });
  const e = DateTime.fromJSDate(end, { zone: timezone });
  if (e <= dayStart || s >= dayEnd) return null;
  const from = s < dayStart ? 0 : s.hour * 60 + s.minute;
  const to = e >= dayEnd ? 24 * 60 : e.hour * 60 + e.minute;
  return to > from ? { start: from, end: to, label } : null;
}

/** [start, end) instants of a local date in a zone. */
export function dayBounds(date: string, timezone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(`${date}T00:00`, { zone: timezone });
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}
