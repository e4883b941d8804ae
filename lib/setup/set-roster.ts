import "server-only";
import { and, asc, eq, gte, inArray, isNull, lt, lte, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { practitionerLocations, rosterBreaks, rosterEntries, serviceLocations, services } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { ValidationFailed } from "@/lib/errors";
import { publishBookingEvent } from "@/lib/scheduling/booking-events";
import { loadSlotQuery } from "@/lib/scheduling/load-slot-query";
import { addDays, isoWeekday, localTimeToMs, toOffsetIso } from "@/lib/scheduling/local-time";
import { computeSlots } from "@/lib/scheduling/slots";
import { requireRole } from "@/lib/staff/staff-access";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import { inTransaction, reviewNeedsMoving } from "./needs-moving";
import { loadRosters, type RosterDto } from "./roster-dto";
import { locationBySlug, practitionerBySlug, type LocationRow, type PractitionerRow } from "./working-time-dto";
import { setRosterSchema, type SetRosterValues } from "./working-time-schemas";

export interface RosterPreview {
  /** The service whose bookable times are shown (the shortest one-to-one service they give there). */
  service: string | null;
  timezone: string;
  from: string;
  to: string;
  /** Each day of the rotation's weeks, with the starts a patient could book (HH:MM, wall clock). */
  days: { date: string; times: string[] }[];
}

export interface SetRosterResult {
  roster: RosterDto;
  clashes: StaffAppointmentDto[];
  /** Only on a dry run: the rotation's week(s) as a patient would see them. */
  preview?: RosterPreview;
}

/**
 * Sets a practitioner's roster at one location from `validFrom` on (api.md): rosters that start on or after it (up to
 * `validTo`) are replaced, one in force then ends the day before. Bookings left outside working time are flagged
 * "needs moving" and returned as clashes, never cancelled. `dryRun` answers the same (with a preview) and saves nothing.
 */
export async function setRoster(
  db: Db,
  actor: Actor,
  practitionerSlug: string,
  rawInput: unknown,
  opts: { now?: Date; dryRun?: boolean } = {},
): Promise<SetRosterResult> {
  const staff = await requireRole(db, actor, ["admin"], "setup.roster.set");
  const now = opts.now ?? new Date();
  const input = setRosterSchema.parse(rawInput);
  const p = await practitionerBySlug(db, practitionerSlug);
  const loc = await locationBySlug(db, input.location, "location");
  const [works] = await db
    .select()
    .from(practitionerLocations)
    .where(and(eq(practitionerLocations.practitionerId, p.id), eq(practitionerLocations.locationId, loc.id)));
  if (!works)
    throw new ValidationFailed({ location: `${p.name} does not work at ${loc.name}. Add the location first.` });
  const serviceIds = await blockServices(db, input, loc.id);

  return inTransaction(db, opts.dryRun ?? false, async (tx) => {
    const who = { practitionerId: p.id, practitionerSlug: p.slug, locationId: loc.id, locationSlug: loc.slug };
    const before = await loadRosters(tx, who, input.validFrom);
    const mine = and(eq(rosterEntries.practitionerId, p.id), eq(rosterEntries.locationId, loc.id));
    await tx
      .delete(rosterEntries)
      .where(
        and(
          mine,
          gte(rosterEntries.validFrom, input.validFrom),
          input.validTo ? lte(rosterEntries.validFrom, input.validTo) : undefined,
        ),
      );
    await tx
      .update(rosterEntries)
      .set({ validTo: addDays(input.validFrom, -1) })
      .where(
        and(
          mine,
          lt(rosterEntries.validFrom, input.validFrom),
          or(isNull(rosterEntries.validTo), gte(rosterEntries.validTo, input.validFrom)),
        ),
      );
    for (const shift of input.shifts) {
      const [entry] = await tx
        .insert(rosterEntries)
        .values({
          practitionerId: p.id,
          locationId: loc.id,
          weekday: shift.weekday,
          startsAt: shift.start,
          endsAt: shift.end,
          validFrom: input.validFrom,
          validTo: input.validTo,
          rotationWeeks: input.rotationWeeks,
          week: shift.week,
          serviceId: shift.service ? serviceIds.get(shift.service)! : null,
        })
        .returning({ id: rosterEntries.id });
      if (shift.breaks.length)
        await tx
          .insert(rosterBreaks)
          .values(shift.breaks.map((b) => ({ rosterEntryId: entry!.id, startsAt: b.start, endsAt: b.end })));
    }
    const after = await loadRosters(tx, who, input.validFrom);
    const roster = after.find((r) => r.validFrom === input.validFrom) ?? {
      practitioner: p.slug,
      location: loc.slug,
      validFrom: input.validFrom,
      validTo: input.validTo,
      rotationWeeks: input.rotationWeeks,
      shifts: [],
    };
    await recordAudit(tx, staff, {
      action: "setup.roster.set",
      entityType: "practitioner",
      entityId: p.id,
      detail: { practitioner: p.slug, location: loc.slug, validFrom: input.validFrom, before, after },
    });
    const start = new Date(localTimeToMs(input.validFrom, "00:00", loc.timezone));
    const end = input.validTo ? new Date(localTimeToMs(addDays(input.validTo, 1), "00:00", loc.timezone)) : null;
    const clashes = await reviewNeedsMoving(
      tx,
      { practitionerId: p.id, locationId: loc.id, from: start, to: end },
      now,
    );
    // A new or wider roster may free time the wait list can offer; listeners look at what is actually free.
    const freedFrom = start > now ? start : now;
    const freedTo = end ?? new Date(freedFrom.getTime() + 120 * 86_400_000);
    // a dry run is rolled back, but listeners should not even start work for it
    if (freedTo > freedFrom && !opts.dryRun)
      await publishBookingEvent(tx, {
        kind: "time-freed",
        locationId: loc.id,
        practitionerId: p.id,
        start: freedFrom,
        end: freedTo,
        now,
      });
    const result: SetRosterResult = { roster, clashes };
    if (opts.dryRun) result.preview = await previewRotation(tx, p, loc, input, now);
    return result;
  });
}

/** The services named by class blocks, each offered at the location (else 422 on that shift). */
async function blockServices(db: Db, input: SetRosterValues, locationId: string): Promise<Map<string, string>> {
  const slugs = [...new Set(input.shifts.flatMap((s) => (s.service ? [s.service] : [])))];
  const ids = new Map<string, string>();
  if (slugs.length === 0) return ids;
  const rows = await db
    .select({ id: services.id, slug: services.slug })
    .from(services)
    .innerJoin(serviceLocations, eq(serviceLocations.serviceId, services.id))
    .where(and(inArray(services.slug, slugs), eq(serviceLocations.locationId, locationId)));
  for (const r of rows) ids.set(r.slug, r.id);
  const fields: Record<string, string> = {};
  input.shifts.forEach((s, i) => {
    if (s.service && !ids.has(s.service))
      fields[`shifts.${i}.service`] = "That service is not offered at this location.";
  });
  if (Object.keys(fields).length) throw new ValidationFailed(fields);
  return ids;
}

/** The rotation's weeks from the Monday of validFrom, as bookable times for the shortest one-to-one service. */
async function previewRotation(
  tx: Tx,
  p: PractitionerRow,
  loc: LocationRow,
  input: SetRosterValues,
  now: Date,
): Promise<RosterPreview> {
  const from = addDays(input.validFrom, 1 - isoWeekday(input.validFrom));
  const to = addDays(from, input.rotationWeeks * 7 - 1);
  const [svc] = await tx
    .select({ slug: services.slug })
    .from(services)
    .innerJoin(serviceLocations, eq(serviceLocations.serviceId, services.id))
    .where(
      and(
        eq(serviceLocations.locationId, loc.id),
        eq(services.discipline, p.discipline),
        eq(services.capacity, 1),
        eq(services.active, true),
      ),
    )
    .orderBy(asc(services.durationMinutes), asc(services.slug))
    .limit(1);
  const days = new Map<string, string[]>();
  for (let d = from; d <= to; d = addDays(d, 1)) days.set(d, []);
  if (svc) {
    const { query } = await loadSlotQuery(tx, {
      location: loc.slug,
      service: svc.slug,
      practitioner: p.slug,
      from,
      to,
      now,
    });
    // how far ahead patients may book is left out, so a roster starting months away still previews
    for (const slot of computeSlots({ ...query, service: { ...query.service, horizonDays: 100_000 } })) {
      const local = toOffsetIso(slot.start, loc.timezone);
      days.get(local.slice(0, 10))?.push(local.slice(11, 16));
    }
  }
  return {
    service: svc?.slug ?? null,
    timezone: loc.timezone,
    from,
    to,
    days: [...days].map(([date, times]) => ({ date, times })),
  };
}
