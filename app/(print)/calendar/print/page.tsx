import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ZodError } from "zod";
import { STATUS_LABEL } from "@/app/(staff)/calendar/_components/calendar-labels";
import { clock, longDate, minutesOf } from "@/app/(staff)/calendar/_components/calendar-time";
import { requireStaffPage } from "@/lib/auth";
import { listLocations } from "@/lib/catalog/list-locations";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { localDateOf } from "@/lib/scheduling/local-time";
import { getDaySheet } from "@/lib/staff/get-day-sheet";
import { PrintButton } from "./_components/print-button";
import "../../print.css";

export const metadata: Metadata = { title: "Day sheet" };

type Search = { location?: string; practitioner?: string; date?: string };

/** A day's appointments on paper, for a location or a practitioner: no app frame, a print stylesheet. */
export default async function DaySheetPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireStaffPage(["reception", "admin", "practitioner"], "/calendar/print");
  const sp = await searchParams;
  const db = await getDb();
  const zone = (await listLocations(db))[0]?.timezone ?? "Australia/Sydney";
  const date = sp.date ?? localDateOf(new Date(), zone);
  const sheet = await getDaySheet(db, actor, { location: sp.location, practitioner: sp.practitioner, date }).catch(
    (e: unknown) => {
      // an unknown name, a bad date or a sheet this role may not print: nothing to show
      if (e instanceof DomainError || e instanceof ZodError) notFound();
      throw e;
    },
  );
  const back =
    actor.role === "practitioner"
      ? "/my-day"
      : sheet.kind === "location"
        ? `/calendar?location=${encodeURIComponent(sp.location!)}&date=${date}`
        : `/calendar?view=week&practitioner=${encodeURIComponent(sp.practitioner!)}&date=${date}`;
  const live = sheet.rows.filter((r) => r.status !== "cancelled").length;
  const printed = new Intl.DateTimeFormat("en-AU", { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(
    new Date(),
  );
  return (
    <main id="main" tabIndex={-1} className="sheet">
      <div className="sheet__actions no-print">
        <a href={back}>← Back</a>
        <PrintButton />
      </div>
      <header className="sheet__head">
        <h1>Day sheet: {sheet.title}</h1>
        <p>
          <strong>{longDate(sheet.date)}</strong> · {live} {live === 1 ? "appointment" : "appointments"}
          {sheet.rows.length > live ? ` (and ${sheet.rows.length - live} cancelled)` : ""} · printed {printed}
        </p>
      </header>
      {sheet.rows.length === 0 ? (
        <p>No appointments on this day.</p>
      ) : (
        <table className="sheet__table">
          <caption className="visually-hidden">
            Appointments of {sheet.title} on {longDate(sheet.date)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Patient</th>
              <th scope="col">Phone</th>
              <th scope="col">Service</th>
              <th scope="col">{sheet.kind === "location" ? "Practitioner" : "Location"}</th>
              <th scope="col">Status</th>
              <th scope="col">Needs a call</th>
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((r) => (
              <tr key={r.id} className={r.status === "cancelled" ? "sheet__row--cancelled" : undefined}>
                <td className="sheet__time">
                  {clock(minutesOf(r.start))}–{clock(minutesOf(r.end))}
                </td>
                <td>{r.patientName}</td>
                <td className="sheet__phone">{r.patientPhone}</td>
                <td>{r.serviceName}</td>
                <td>{sheet.kind === "location" ? r.practitionerName : r.locationName}</td>
                <td>{STATUS_LABEL[r.status]}</td>
                <td>{r.needsCall ? <strong className="sheet__call">Yes, call</strong> : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
