import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth";
import { listLocations } from "@/lib/catalog/list-locations";
import { listPractitioners } from "@/lib/catalog/list-practitioners";
import { getDb } from "@/lib/db";
import { localDateOf } from "@/lib/scheduling/local-time";
import { listRosters } from "@/lib/setup/list-rosters";
import { RosterEditor } from "./roster-editor";
import "../_working-time/working-time.css";

export const metadata: Metadata = { title: "Rosters" };

type Search = { practitioner?: string; location?: string };

/** Admin: a practitioner's roster at one location, as a rotation of 1 to 4 weeks, previewed before it is saved. */
export default async function RostersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireStaffPage(["admin"], "/admin/rosters");
  const sp = await searchParams;
  const db = await getDb();
  const [practitioners, locations] = await Promise.all([listPractitioners(db), listLocations(db)]);
  const practitioner = practitioners.find((p) => p.slug === sp.practitioner) ?? practitioners[0];
  const places = locations.filter((l) => practitioner?.locations.includes(l.slug));
  const location = places.find((l) => l.slug === sp.location) ?? places[0];
  const rosters =
    practitioner && location
      ? (await listRosters(db, actor, practitioner.slug, { location: location.slug })).rosters
      : [];
  const today = localDateOf(new Date(), location?.timezone ?? "Australia/Sydney");

  return (
    <div className="wt-page">
      <header className="page-head">
        <h1 className="page-title">Rosters</h1>
        <p className="muted">
          When each practitioner works at each location: a rotation of 1 to 4 weeks, with breaks. Check the preview
          before saving; bookings a change leaves outside working time stay booked and are flagged for reception.
        </p>
      </header>
      {practitioners.length === 0 ? (
        <p className="empty">
          There are no practitioners yet. Add a practitioner and the locations they work at first.
        </p>
      ) : (
        <form className="wt-picker card" method="get" aria-label="Choose whose roster">
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
            Show roster
          </button>
        </form>
      )}
      {practitioner && !location ? (
        <p className="empty">{practitioner.name} does not work at any location yet. Add one to their profile first.</p>
      ) : null}
      {practitioner && location ? (
        <RosterEditor
          key={`${practitioner.slug}|${location.slug}`}
          practitioner={{ slug: practitioner.slug, name: practitioner.name }}
          location={{ slug: location.slug, name: location.name, timezone: location.timezone }}
          rosters={rosters}
          today={today}
        />
      ) : null}
    </div>
  );
}
