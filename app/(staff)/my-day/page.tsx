import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listMyAppointments } from "@/lib/staff/list-my-appointments";
import { myPractitionerSlug } from "@/lib/staff/my-practitioner-slug";
import { addDays } from "@/lib/scheduling/local-time";
import { clinicToday, validDateOr, weekStart } from "@/lib/staff/practice-schemas";
import { AppointmentTable } from "../_clinical/appointment-table";
import { DayStats } from "../_clinical/day-stats";
import { RangeNav } from "../_clinical/range-nav";
import { longDate } from "../calendar/_components/calendar-time";
import "../_clinical/clinical.css";

export const metadata: Metadata = { title: "My day" };

export default async function MyDayPage({ searchParams }: { searchParams: Promise<{ date?: string }> }) {
  const actor = await requireStaffPage(["practitioner"], "/my-day");
  const { date: asked } = await searchParams;
  const today = clinicToday();
  // A date that does not parse falls back to today rather than an error page.
  const date = validDateOr(asked, today);
  const db = await getDb();
  const [{ appointments }, slug] = await Promise.all([
    listMyAppointments(db, actor, { from: date, to: date }),
    myPractitionerSlug(db, actor),
  ]);
  const title = date === today ? "Today" : longDate(date);

  return (
    <div className="clin-page">
      <header className="page-head">
        <div>
          <p className="eyebrow-staff">My day · {actor.name}</p>
          <h1>{title}</h1>
          {date === today ? <p className="muted page-head__sub">{longDate(date)}</p> : null}
        </div>
        <RangeNav
          label="Choose a day"
          prev={{ href: `/my-day?date=${addDays(date, -1)}`, label: "Previous day" }}
          next={{ href: `/my-day?date=${addDays(date, 1)}`, label: "Next day" }}
          today="/my-day"
          other={{ href: `/my-week?week=${weekStart(date)}`, label: "Week view" }}
        />
      </header>
      <DayStats appointments={appointments} />
      <section aria-labelledby="day-list">
        <div className="section-head">
          <h2 id="day-list" className="section-title">
            Appointments
          </h2>
          {slug ? (
            // a plain link: the sheet is its own page without the app frame, printed from there
            <a
              className="button button--small button--ghost"
              href={`/calendar/print?practitioner=${slug}&date=${date}`}
            >
              Print day sheet<span className="visually-hidden"> for {longDate(date)}</span>
            </a>
          ) : null}
        </div>
        {appointments.length ? (
          <AppointmentTable appointments={appointments} caption={`Your appointments on ${longDate(date)}`} />
        ) : (
          <p className="empty">
            No appointments on {longDate(date)}. Use the arrows or the week view to find your next clinic day.
          </p>
        )}
      </section>
    </div>
  );
}
