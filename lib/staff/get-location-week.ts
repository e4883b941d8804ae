import "server-only";
import { and, eq, gte, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, locations } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { addDays, eachLocalDate, isoWeekday } from "@/lib/scheduling/local-time";
import { loadBoardAppointments } from "./board-appointments";
import { loadLocationCatalog } from "./location-catalog";
import { weekStart } from "./practice-schemas";
import { locationWeekQuerySchema } from "./reception-schemas";
import type { LocationWeekBoard, LocationWeekRow } from "./reception-types";
import { FRONT_DESK, requireRole } from "./staff-access";
import { dayBounds, loadWorkingTime, minutesOnDay } from "./working-time";

/**
 * One location's week (Monday to Sunday around `date`, in the location's zone): a row per practitioner who works
 * or is booked there that week, a cell per day. Reception and admins only.
 */
export async function getLocationWeek(db: Db, actor: Actor, input: unknown): Promise<LocationWeekBoard> {
  await requireRole(db, actor, FRONT_DESK, "calendar.location-week");
  const q = locationWeekQuerySchema.parse(input);
  const [loc] = await db.select().from(locations).where(eq(locations.slug, q.location));
  if (!loc) throw new NotFound("There is no location with that name.");
  const monday = weekStart(q.date);
  const sunday = addDays(monday, 6);
  const { start } = dayBounds(monday, loc.timezone);
  const { end } = dayBounds(sunday, loc.timezone);

  const [{ staff, services }, booked] = await Promise.all([
    loadLocationCatalog(db, loc.id),
    loadBoardAppointments(
      db,
      and(eq(appointments.locationId, loc.id), gte(appointments.startsAt, start), lt(appointments.startsAt, end)),
    ),
  ]);
  const time = await loadWorkingTime(db, {
    practitionerIds: staff.map((p) => p.id),
    locationId: loc.id,
    from: monday,
    to: sunday,
  });
  const closedOn = time.closed.get(loc.id);
  const live = booked.filter((a) => a.status !== "cancelled");
  // Board times carry the location's offset, so their first ten characters are the local date.
  const dateOf = (iso: string) => iso.slice(0, 10);
  const days = eachLocalDate(monday, sunday)
    .filter(
      (date) =>
        isoWeekday(date) <= 5 || time.days.some((d) => d.date === date) || live.some((a) => dateOf(a.start) === date),
    )
    .map((date) => ({ date, closed: closedOn?.get(date) ?? null }));

  const rows: LocationWeekRow[] = [];
  for (const { id, ...p } of staff) {
    const worked = time.days.filter((d) => d.practitionerId === id);
    const mine = live.filter((a) => a.practitioner === p.slug);
    if (worked.length === 0 && mine.length === 0) continue;
    const leave = time.leave.filter((l) => l.practitionerId === id);
    rows.push({
      practitioner: p,
      cells: days.map(({ date, closed }) => {
        const day = worked.find((d) => d.date === date);
        return {
          key: `${p.slug}|${date}`,
          title: p.name,
          subtitle: p.title,
          date,
          location: loc.slug,
          practitioner: p.slug,
          working: day?.working ?? [],
          breaks: day?.breaks ?? [],
          away: leave.map((l) => minutesOnDay(l.start, l.end, date, loc.timezone, l.reason)).filter((s) => s !== null),
          closed,
          appointments: mine.filter((a) => dateOf(a.start) === date),
        };
      }),
    });
  }
  return {
    kind: "location-week",
    from: monday,
    to: sunday,
    timezone: loc.timezone,
    location: { slug: loc.slug, name: loc.name, phone: loc.phone, online: loc.online },
    days,
    rows,
    practitioners: staff.map(({ slug, name, discipline, title }) => ({ slug, name, discipline, title })),
    services,
    cancelled: booked.filter((a) => a.status === "cancelled"),
  };
}
