import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth";
import { listLocations } from "@/lib/catalog/list-locations";
import { listPractitioners } from "@/lib/catalog/list-practitioners";
import { getDb } from "@/lib/db";
import { listClosures } from "@/lib/setup/list-closures";
import { listHolidays } from "@/lib/setup/list-holidays";
import { listLeave } from "@/lib/setup/list-leave";
import { DeleteButton } from "../_working-time/delete-button";
import { ClosureForm, LeaveForm } from "./leave-forms";
import { HolidayToggle } from "./holiday-toggle";
import "../_working-time/working-time.css";

export const metadata: Metadata = { title: "Leave and closures" };

type Search = { practitioner?: string; location?: string };

const day = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString("en-AU", {
    timeZone: "UTC",
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  });
const range = (from: string, to: string) => (from === to ? day(from) : `${day(from)} to ${day(to)}`);

/** Admin: practitioners' leave, location closures and public holidays (with "open this day"), each with its clashes. */
export default async function LeavePage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireStaffPage(["admin"], "/admin/leave");
  const sp = await searchParams;
  const db = await getDb();
  const [practitioners, locations] = await Promise.all([listPractitioners(db), listLocations(db)]);
  const practitioner = practitioners.find((p) => p.slug === sp.practitioner) ?? practitioners[0];
  const location = locations.find((l) => l.slug === sp.location) ?? locations[0];
  const [leave, closures, holidays] = await Promise.all([
    practitioner ? listLeave(db, actor, practitioner.slug).then((r) => r.leave) : [],
    location ? listClosures(db, actor, location.slug).then((r) => r.closures) : [],
    location ? listHolidays(db, actor, location.slug) : { region: null, holidays: [] },
  ]);

  return (
    <div className="wt-page">
      <header className="page-head">
        <h1 className="page-title">Leave and closures</h1>
        <p className="muted">
          Time off for practitioners, days a location is closed, and public holidays. Booked appointments a change
          leaves outside working time stay booked and are flagged for reception to move.
        </p>
      </header>
      {practitioners.length === 0 && locations.length === 0 ? (
        <p className="empty">There are no locations or practitioners yet. Set those up first.</p>
      ) : (
        <form className="wt-picker card" method="get" aria-label="Choose practitioner and location">
          <div className="field">
            <label htmlFor="pick-practitioner">Practitioner</label>
            <select id="pick-practitioner" name="practitioner" className="select" defaultValue={practitioner?.slug}>
              {practitioners.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="pick-location">Location</label>
            <select id="pick-location" name="location" className="select" defaultValue={location?.slug}>
              {locations.map((l) => (
                <option key={l.slug} value={l.slug}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--ghost">
            Show
          </button>
        </form>
      )}

      {practitioner ? (
        <section className="card wt-section" aria-labelledby="leave-title">
          <h2 id="leave-title">Leave for {practitioner.name}</h2>
          {leave.length === 0 ? (
            <p className="empty">No leave booked from today on.</p>
          ) : (
            <ul className="wt-list" aria-label={`Leave for ${practitioner.name}`}>
              {leave.map((l) => (
                <li key={l.id}>
                  <span>
                    <strong>
                      {l.startsOn && l.endsOn
                        ? range(l.startsOn, l.endsOn)
                        : `${l.start.slice(0, 16).replace("T", " ")} to ${l.end.slice(0, 16).replace("T", " ")}`}
                    </strong>{" "}
                    · {l.reason}
                  </span>
                  <DeleteButton url={`/api/v1/staff/admin/leave/${l.id}`} label={`Remove leave ${l.reason}`} />
                </li>
              ))}
            </ul>
          )}
          <LeaveForm practitioner={practitioner.slug} />
        </section>
      ) : null}

      {location ? (
        <>
          <section className="card wt-section" aria-labelledby="closures-title">
            <h2 id="closures-title">Closures at {location.name}</h2>
            {closures.length === 0 ? (
              <p className="empty">No closures from today on.</p>
            ) : (
              <ul className="wt-list" aria-label={`Closures at ${location.name}`}>
                {closures.map((c) => (
                  <li key={c.id}>
                    <span>
                      <strong>{range(c.from, c.to)}</strong> · {c.reason}
                    </span>
                    <DeleteButton
                      url={`/api/v1/staff/admin/closures/${c.id}`}
                      label={`Reopen ${range(c.from, c.to)}`}
                    />
                  </li>
                ))}
              </ul>
            )}
            <ClosureForm location={location.slug} />
          </section>

          <section className="card wt-section" aria-labelledby="holidays-title">
            <h2 id="holidays-title">Public holidays at {location.name}</h2>
            <p className="muted">
              {holidays.region
                ? `From the ${holidays.region} holiday calendar, for the next six months. Closed unless marked open.`
                : "This location has no public-holiday region, so no holidays apply."}
            </p>
            {holidays.holidays.length === 0 ? (
              <p className="empty">No public holidays in the next six months.</p>
            ) : (
              <ul className="wt-list" aria-label={`Public holidays at ${location.name}`}>
                {holidays.holidays.map((h) => (
                  <li key={h.date}>
                    <span>
                      <strong>{day(h.date)}</strong> · {h.holiday}
                    </span>
                    <HolidayToggle location={location.slug} date={h.date} name={h.holiday} open={h.open} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
