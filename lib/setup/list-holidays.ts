import "server-only";
import { and, eq, gte, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locationOpenDays } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { publicHolidays } from "@/lib/scheduling/holidays";
import { addDays, localDateOf } from "@/lib/scheduling/local-time";
import { requireRole } from "@/lib/staff/staff-access";
import type { OpenDayDto } from "./set-open-day";
import { locationBySlug } from "./working-time-dto";

/** A location's public holidays from today (in its zone) for `days` days, each with its "open this day" mark. */
export async function listHolidays(
  db: Db,
  actor: Actor,
  locationSlug: string,
  opts: { now?: Date; days?: number } = {},
): Promise<{ region: string | null; holidays: OpenDayDto[] }> {
  await requireRole(db, actor, ["admin"], "setup.holidays.list");
  const loc = await locationBySlug(db, locationSlug);
  const from = localDateOf(opts.now ?? new Date(), loc.timezone);
  const to = addDays(from, opts.days ?? 180);
  const open = await db
    .select({ date: locationOpenDays.date })
    .from(locationOpenDays)
    .where(
      and(eq(locationOpenDays.locationId, loc.id), gte(locationOpenDays.date, from), lte(locationOpenDays.date, to)),
    );
  const openDates = new Set(open.map((o) => o.date));
  return {
    region: loc.holidayRegion,
    holidays: publicHolidays(loc.holidayRegion, from, to).map((h) => ({
      location: loc.slug,
      date: h.date,
      holiday: h.name,
      open: openDates.has(h.date),
    })),
  };
}
