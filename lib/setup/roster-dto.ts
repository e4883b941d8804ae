import "server-only";
import { and, asc, eq, gte, inArray, isNull, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { rosterBreaks, rosterEntries, services } from "@/db/schema";

export interface ShiftDto {
  week: number;
  weekday: number;
  start: string;
  end: string;
  breaks: { start: string; end: string }[];
  /** A block kept for one service (a group class), or null. */
  service: string | null;
}

export interface RosterDto {
  practitioner: string;
  location: string;
  validFrom: string;
  validTo: string | null;
  rotationWeeks: number;
  shifts: ShiftDto[];
}

const HHMM = (t: string) => t.slice(0, 5);

/**
 * A practitioner's rosters at one location that end on or after `from` (or never), oldest first. A roster is the
 * entries that share a first day; each entry is one shift of its rotation.
 */
export async function loadRosters(
  db: Db | Tx,
  who: { practitionerId: string; practitionerSlug: string; locationId: string; locationSlug: string },
  from: string,
): Promise<RosterDto[]> {
  const entries = await db
    .select({ e: rosterEntries, service: services.slug })
    .from(rosterEntries)
    .leftJoin(services, eq(services.id, rosterEntries.serviceId))
    .where(
      and(
        eq(rosterEntries.practitionerId, who.practitionerId),
        eq(rosterEntries.locationId, who.locationId),
        or(isNull(rosterEntries.validTo), gte(rosterEntries.validTo, from)),
      ),
    )
    .orderBy(
      asc(rosterEntries.validFrom),
      asc(rosterEntries.week),
      asc(rosterEntries.weekday),
      asc(rosterEntries.startsAt),
    );
  const ids = entries.map((r) => r.e.id);
  const breaks = ids.length
    ? await db
        .select()
        .from(rosterBreaks)
        .where(inArray(rosterBreaks.rosterEntryId, ids))
        .orderBy(asc(rosterBreaks.startsAt))
    : [];
  const out = new Map<string, RosterDto>();
  for (const { e, service } of entries) {
    const key = `${e.validFrom}|${e.validTo ?? ""}|${e.rotationWeeks}`;
    const roster = out.get(key) ?? {
      practitioner: who.practitionerSlug,
      location: who.locationSlug,
      validFrom: e.validFrom,
      validTo: e.validTo,
      rotationWeeks: e.rotationWeeks,
      shifts: [],
    };
    roster.shifts.push({
      week: e.week,
      weekday: e.weekday,
      start: HHMM(e.startsAt),
      end: HHMM(e.endsAt),
      breaks: breaks
        .filter((b) => b.rosterEntryId === e.id)
        .map((b) => ({ start: HHMM(b.startsAt), end: HHMM(b.endsAt) })),
      service,
    });
    out.set(key, roster);
  }
  return [...out.values()];
}
