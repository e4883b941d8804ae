import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listMyAppointments } from "@/lib/staff/list-my-appointments";
import { addDays } from "@/lib/scheduling/local-time";
import { clinicToday, validDateOr, weekStart } from "@/lib/staff/practice-schemas";
import { AppointmentTable } from "../_clinical/appointment-table";
import { DayStats } from "../_clinical/day-stats";
import { dayMonthYear } from "../_clinical/format";
import { RangeNav } from "../_clinical/range-nav";
import { longDate } from "../calendar/_components/calendar-time";
import "../_clinical/clinical.css";

export const metadata: Metadata = { title: "My week" };

export default async function MyWeekPage({ searchParams }: { searchParams: Promise<{ week?: string }> }) {
  const actor = await requireStaffPage(["practitioner"], "/my-week");
  const { week: asked } = await searchParams;
  const today = clinicToday();
  // A date that does not parse falls back to this week rather than an error page.
  const monday = weekStart(validDateOr(asked, today));
  const sunday = addDays(monday, 6);
  const { appointments } = await listMyAppointments(await getDb(), actor, { from: monday, to: sunday });
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  // Weekends only show when something is booked on them.
  const shown = days.filter((d, i) => i < 5 || appointments.some((a) => a.date === d));

  return (
    <div className="clin-page">
      <header className="page-head">
        <div>
          <p className="eyebrow-staff">My week · {actor.name}</p>
          <h1>Week of {dayMonthYear(monday)}</h1>
          <p className="muted page-head__sub">
            {longDate(monday)} to {longDate(sunday)}
          </p>
        </div>
        <RangeNav
          label="Choose a week"
          prev={{ href: `/my-week?week=${addDays(monday, -7)}`, label: "Previous week" }}
          next={{ href: `/my-week?week=${addDays(monday, 7)}`, label: "Next week" }}
          today="/my-week"
          other={{ href: `/my-day?date=${today >= monday && today <= sunday ? today : monday}`, label: "Day view" }}
        />
      </header>
      <DayStats appointments={appointments} />
      {shown.map((d) => {
        const list = appointments.filter((a) => a.date === d);
        const id = `day-${d}`;
        return (
          <section key={d} aria-labelledby={id} className="week-day">
            <h2 id={id} className="section-title">
              {longDate(d)}
              {d === today ? <span className="badge badge--brand">Today</span> : null}
              <span className="section-title__count">
                {list.length ? `${list.length} ${list.length === 1 ? "appointment" : "appointments"}` : ""}
              </span>
            </h2>
            {list.length ? (
              <AppointmentTable appointments={list} caption={`Your appointments on ${longDate(d)}`} />
            ) : (
              <p className="empty empty--slim">No appointments.</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
