import "server-only";
import { and, asc, eq, gte, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { appointments, locations, practitionerLocations, practitioners } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { Forbidden, NotFound } from "@/lib/errors";
import { addDays, eachLocalDate, isoWeekday } from "@/lib/scheduling/local-time";
import { loadBoardAppointments } from "./board-appointments";
import { weekStart } from "./practice-schemas";
import { weekQuerySchema } from "./reception-schemas";
import type { BoardColumn, WeekBoard } from "./reception-types";
import { ANY_STAFF, requireRole } from "./staff-access";
import { dayBounds, loadWorkingTime, minutesOnDay } from "./working-time";

/** One practitioner's week (Monday to Sunday around `date`), across every location they work at. Practitioners: their own only. */
export async function getPractitionerWeek(db: Db, actor: Actor, input: unknown): Promise<WeekBoard> {
  const staff = await requireRole(db, actor, ANY_STAFF, "calendar.week");
  const q = weekQuerySchema.parse(input);
  const [p] = await db.select().from(practitioners).where(eq(practitioners.slug, q.practitioner));
  if (!p) throw new NotFound("There is no practitioner with that name.");
  if (staff.role === "practitioner" && staff.practitionerId !== p.id)
    throw new Forbidden("You can only see your own week.");

  const places = await db
    .select({ id: locations.id, slug: locations.slug, name: locations.name, timezone: locations.timezone })
    .from(locations)
    .innerJoin(
      practitionerLocations,
      and(eq(practitionerLocations.locationId, locations.id), eq(practitionerLocations.practitionerId, p.id)),
    )
    .orderBy(asc(locations.name));
  const timezone = places[0]?.timezone ?? "Australia/Sydney";
  const monday = weekStart(q.date);
  const sunday = addDays(monday, 6);
  const { start } = dayBounds(monday, timezone);
  const { end } = dayBounds(sunday, timezone);

  const [booked, time] = await Promise.all([
    loadBoardAppointments(
      db,
      and(eq(appointments.practitionerId, p.id), gte(appointments.startsAt, start), lt(appointments.startsAt, end)),
    ),
    loadWorkingTime(db, { practitionerIds: [p.id], from: monday, to: sunday }),
  ]);
  const placeById = new Map(places.map((l) => [l.id, l]));
  const columns: BoardColumn[] = [];
  for (const date of eachLocalDate(monday, sunday)) {
    const days = time.days.filter((d) => d.date === date);
    const mine = booked.filter((a) => a.start.slice(0, 10) === date);
    const weekend = isoWeekday(date) > 5;
    if (weekend && days.length === 0 && mine.length === 0) continue;
    const where = days.map((d) => placeById.get(d.locationId)).filter((l) => l !== undefined);
    const closedAt = [...time.closed.entries()]
      .map(([id, m]) => (m.get(date) ? `${placeById.get(id)?.name}: ${m.get(date)}` : null))
      .find((s) => s);
    const label = DateTime.fromISO(date).setLocale("en-AU");
    columns.push({
      key: date,
      title: label.toFormat("ccc d LLL"),
      subtitle: where.length ? where.map((l) => l.name).join(" · ") : closedAt ? "Closed" : "Not rostered",
      date,
      location: where[0]?.slug ?? null,
      practitioner: p.slug,
      working: days.flatMap((d) => d.working),
      breaks: days.flatMap((d) => d.breaks),
      away: time.leave.map((l) => minutesOnDay(l.start, l.end, date, timezone, l.reason)).filter((s) => s !== null),
      closed: closedAt ?? null,
      appointments: mine.filter((a) => a.status !== "cancelled"),
    });
  }
  return {
    kind: "week",
    from: monday,
    to: sunday,
    timezone,
    practitioner: {
      slug: p.slug,
      name: p.name,
      discipline: p.discipline,
      title: p.title,
      locations: places.map((l) => l.slug),
    },
    columns,
    cancelled: booked.filter((a) => a.status === "cancelled"),
  };
}
