import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locationOpenDays } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { publishBookingEvent } from "@/lib/scheduling/booking-events";
import { publicHolidays } from "@/lib/scheduling/holidays";
import { addDays, localTimeToMs } from "@/lib/scheduling/local-time";
import { localDateSchema } from "@/lib/scheduling/schemas";
import { requireRole } from "@/lib/staff/staff-access";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import { inTransaction, reviewNeedsMoving } from "./needs-moving";
import { locationBySlug } from "./working-time-dto";

export interface OpenDayDto {
  location: string;
  date: string;
  /** The public holiday's name. */
  holiday: string;
  open: boolean;
}

/**
 * Marks a public holiday as a working day at one location ("open this day", `open`), or takes the mark off. Opening
 * frees the day's rostered time (the wait list hears of it); closing again flags the day's bookings "needs moving".
 */
export async function setOpenDay(
  db: Db,
  actor: Actor,
  locationSlug: string,
  date: string,
  open: boolean,
  opts: { now?: Date } = {},
): Promise<{ openDay: OpenDayDto; clashes: StaffAppointmentDto[] }> {
  const staff = await requireRole(db, actor, ["admin"], open ? "setup.open-day.set" : "setup.open-day.clear");
  const now = opts.now ?? new Date();
  const loc = await locationBySlug(db, locationSlug);
  if (!localDateSchema.safeParse(date).success) throw new NotFound("There is no such date.");
  const holiday = publicHolidays(loc.holidayRegion, date, date)[0];
  if (!holiday) throw new ValidationFailed({ date: `${date} is not a public holiday at ${loc.name}.` });
  return inTransaction(db, false, async (tx) => {
    const key = and(eq(locationOpenDays.locationId, loc.id), eq(locationOpenDays.date, date));
    const [was] = await tx.select().from(locationOpenDays).where(key);
    if (open) await tx.insert(locationOpenDays).values({ locationId: loc.id, date }).onConflictDoNothing();
    else await tx.delete(locationOpenDays).where(key);
    await recordAudit(tx, staff, {
      action: open ? "setup.open-day.set" : "setup.open-day.clear",
      entityType: "location",
      entityId: loc.id,
      detail: { location: loc.slug, date, holiday: holiday.name, before: { open: !!was }, after: { open } },
    });
    const start = new Date(localTimeToMs(date, "00:00", loc.timezone));
    const end = new Date(localTimeToMs(addDays(date, 1), "00:00", loc.timezone));
    const clashes = await reviewNeedsMoving(tx, { locationId: loc.id, from: start, to: end }, now);
    if (open && !was)
      await publishBookingEvent(tx, { kind: "time-freed", locationId: loc.id, practitionerId: null, start, end, now });
    return { openDay: { location: loc.slug, date, holiday: holiday.name, open }, clashes };
  });
}
