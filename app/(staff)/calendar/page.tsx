import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { requireStaffPage } from "@/lib/auth";
import { listLocations } from "@/lib/catalog/list-locations";
import { listPractitioners } from "@/lib/catalog/list-practitioners";
import { getDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { localDateOf } from "@/lib/scheduling/local-time";
import { localDateSchema, slugSchema } from "@/lib/scheduling/schemas";
import { getDayBoard } from "@/lib/staff/get-day-board";
import { getLocationWeek } from "@/lib/staff/get-location-week";
import { getPatient } from "@/lib/staff/get-patient";
import { getPractitionerWeek } from "@/lib/staff/get-practitioner-week";
import { countNeedsMoving } from "@/lib/staff/list-needs-moving";
import Link from "next/link";
import { uuidSchema } from "@/lib/staff/reception-schemas";
import { CalendarApp } from "./_components/calendar-app";
import "../reception.css";

export const metadata: Metadata = { title: "Calendar" };

type Search = { location?: string; date?: string; view?: string; practitioner?: string; book?: string };

/** Reception's calendar: the first board is drawn on the server, every switch after that on the client. */
export default async function CalendarPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireStaffPage(["reception", "admin"], "/calendar");
  const sp = await searchParams;
  const db = await getDb();
  const [locations, practitioners, toMove] = await Promise.all([
    listLocations(db, { includeInactive: true }),
    listPractitioners(db),
    countNeedsMoving(db),
  ]);
  // a clinic with no location yet has nothing to show: the admin's first screen is the setup checklist
  if (locations.length === 0 && actor.role === "admin") redirect("/admin/setup");
  const today = localDateOf(new Date(), locations[0]?.timezone ?? "Australia/Sydney");
  const location =
    slugSchema.safeParse(sp.location).success && locations.some((l) => l.slug === sp.location)
      ? sp.location!
      : (locations[0]?.slug ?? "");
  const practitioner =
    slugSchema.safeParse(sp.practitioner).success && practitioners.some((p) => p.slug === sp.practitioner)
      ? sp.practitioner!
      : (practitioners[0]?.slug ?? "");
  const date = localDateSchema.safeParse(sp.date).success ? sp.date! : today;
  const mode = sp.view === "week" ? "week" : sp.view === "location-week" ? "location-week" : "day";
  const board = await (
    mode === "day"
      ? getDayBoard(db, actor, { location, date })
      : mode === "location-week"
        ? getLocationWeek(db, actor, { location, date })
        : getPractitionerWeek(db, actor, { practitioner, date })
  ).catch((e: unknown) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const found = uuidSchema.safeParse(sp.book).success ? await getPatient(db, actor, sp.book!).catch(() => null) : null;
  const bookFor = found ? (({ appointments: _a, createdAt: _c, ...summary }) => summary)(found) : null;
  return (
    <>
      {toMove > 0 ? (
        <p className="alert alert--warn moving-banner">
          <span className="flag-move">Move</span> {toMove === 1 ? "1 booking is" : `${toMove} bookings are`} outside
          working time after a roster, leave or closure change.{" "}
          <Link href="/needs-moving">See the bookings that need moving</Link>
        </p>
      ) : null}
      <CalendarApp
        today={today}
        locations={locations.map((l) => ({ slug: l.slug, name: l.name }))}
        practitioners={practitioners.map((p) => ({ slug: p.slug, name: p.name }))}
        initialState={{ mode, location, practitioner, date }}
        initialBoard={board}
        bookFor={bookFor}
      />
    </>
  );
}
