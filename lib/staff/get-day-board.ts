import "server-only";
import { and, eq, gte, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, locations } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { loadBoardAppointments } from "./board-appointments";
import { loadLocationCatalog } from "./location-catalog";
import { dayQuerySchema } from "./reception-schemas";
import type { BoardColumn, DayBoard } from "./reception-types";
import { FRONT_DESK, requireRole } from "./staff-access";
import { dayBounds, loadWorkingTime, minutesOnDay } from "./working-time";

/** The reception day view of one location: a column per practitioner working there that day, with their appointments. */
export async function getDayBoard(db: Db, actor: Actor, input: unknown): Promise<DayBoard> {
  await requireRole(db, actor, FRONT_DESK, "calendar.day");
  const q = dayQuerySchema.parse(input);
  const [loc] = await db.select().from(locations).where(eq(locations.slug, q.location));
  if (!loc) throw new NotFound("There is no location with that name.");
  const { start, end } = dayBounds(q.date, loc.timezone);

  const [{ staff, services: offered }, booked] = await Promise.all([
    loadLocationCatalog(db, loc.id),
    loadBoardAppointments(
      db,
      and(eq(appointments.locationId, loc.id), gte(appointments.startsAt, start), lt(appointments.startsAt, end)),
    ),
  ]);
  const time = await loadWorkingTime(db, {
    practitionerIds: staff.map((p) => p.id),
    locationId: loc.id,
    from: q.date,
    to: q.date,
  });
  const closed = time.closed.get(loc.id)?.get(q.date) ?? null;

  const columns: BoardColumn[] = [];
  for (const p of staff) {
    const day = time.days.find((d) => d.practitionerId === p.id);
    const mine = booked.filter((a) => a.practitioner === p.slug);
    if (!day && mine.every((a) => a.status === "cancelled")) continue;
    const away = time.leave
      .filter((l) => l.practitionerId === p.id)
      .map((l) => minutesOnDay(l.start, l.end, q.date, loc.timezone, l.reason))
      .filter((s) => s !== null);
    columns.push({
      key: p.slug,
      title: p.name,
      subtitle: p.title,
      date: q.date,
      location: loc.slug,
      practitioner: p.slug,
      working: day?.working ?? [],
      breaks: day?.breaks ?? [],
      away,
      closed,
      appointments: mine.filter((a) => a.status !== "cancelled"),
    });
  }
  return {
    kind: "day",
    date: q.date,
    timezone: loc.timezone,
    location: { slug: loc.slug, name: loc.name, phone: loc.phone, online: loc.online },
    closed,
    columns,
    practitioners: staff.map(({ slug, name, discipline, title }) => ({ slug, name, discipline, title })),
    services: offered,
    cancelled: booked.filter((a) => a.status === "cancelled"),
  };
}
