import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth";
import { listLocations } from "@/lib/catalog/list-locations";
import { listPractitioners } from "@/lib/catalog/list-practitioners";
import { listServices } from "@/lib/catalog/list-services";
import { getDb } from "@/lib/db";
import { listWaitlist } from "@/lib/waitlist/staff-waitlist";
import { dateTime } from "../_clinical/format";
import { AddPhonePatient } from "./_components/add-phone-patient";
import { EntryActions } from "./_components/entry-actions";
import "../reception.css";

export const metadata: Metadata = { title: "Wait list" };

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);
const PARTS: Record<string, string> = { morning: "mornings", afternoon: "afternoons", evening: "evenings" };

/** Each location's wait list for the front desk: urgent first, then oldest; open offers with their expiry. */
export default async function WaitlistPage({ searchParams }: { searchParams: Promise<Query> }) {
  const actor = await requireStaffPage(["reception", "admin"], "/waitlist");
  const q = await searchParams;
  const db = await getDb();
  const locations = await listLocations(db);
  const location = one(q.location) ?? locations[0]?.slug ?? "";
  const [services, practitioners] = await Promise.all([
    listServices(db, { location }),
    listPractitioners(db, { location }),
  ]);
  const names = Object.fromEntries(practitioners.map((p) => [p.slug, p.name]));
  const filter = { location, service: one(q.service), practitioner: one(q.practitioner), date: one(q.date) };
  const list = await listWaitlist(db, actor, filter);
  const zone = list.location.timezone;
  return (
    <div className="page-narrow">
      <div className="page-head">
        <h1 className="page-title">Wait list</h1>
        <p className="muted">
          Patients waiting for a time at {list.location.name}: urgent first, then the longest waiting. Freed times are
          offered to them by email automatically; you can also offer a time by hand.
        </p>
      </div>
      <form
        className="search-bar"
        method="get"
        aria-label="Filter the wait list"
        style={{ flexWrap: "wrap", maxWidth: "none" }}
      >
        <div className="field field--inline">
          <label htmlFor="wl-location">Location</label>
          <select id="wl-location" name="location" className="select" defaultValue={location}>
            {locations.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="wl-service">Service</label>
          <select id="wl-service" name="service" className="select" defaultValue={filter.service ?? ""}>
            <option value="">All services</option>
            {services.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="wl-practitioner">Practitioner</label>
          <select id="wl-practitioner" name="practitioner" className="select" defaultValue={filter.practitioner ?? ""}>
            <option value="">Anyone</option>
            {practitioners.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="wl-date">Date</label>
          <input id="wl-date" name="date" type="date" className="input" defaultValue={filter.date ?? ""} />
        </div>
        <button type="submit" className="button button--small">
          Show
        </button>
      </form>
      <AddPhonePatient
        location={location}
        timezone={zone}
        services={services.map((s) => ({ slug: s.slug, name: s.name }))}
        practitioners={practitioners.map((p) => ({ slug: p.slug, name: p.name }))}
      />
      {list.entries.length === 0 ? (
        <p className="empty">
          Nobody is waiting here{filter.service || filter.practitioner || filter.date ? " for that" : ""}.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Wait list at {list.location.name}</caption>
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Waiting for</th>
                <th scope="col">Dates</th>
                <th scope="col">Offer</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.entries.map((e) => (
                <tr key={e.id} data-testid="waitlist-row">
                  <td>
                    <strong>{e.patient.name}</strong>
                    {e.urgent ? (
                      <span className="status status--no-show" style={{ marginLeft: 8 }}>
                        Urgent
                      </span>
                    ) : null}
                    <br />
                    <a href={`tel:${e.patient.phone.replace(/[^\d+]/g, "")}`}>{e.patient.phone}</a>
                    {e.patient.hasEmail ? null : <span className="muted"> · no email</span>}
                    <br />
                    <span className="muted">
                      Joined {dateTime(e.joinedAt, zone)} ({e.source})
                    </span>
                  </td>
                  <td>
                    {e.service.name}
                    <br />
                    <span className="muted">{e.practitioner ? `with ${e.practitioner.name}` : "any practitioner"}</span>
                  </td>
                  <td>
                    {e.earliest} to {e.latest}
                    <br />
                    <span className="muted">
                      {e.partsOfDay.length ? e.partsOfDay.map((p) => PARTS[p] ?? p).join(", ") : "any time"}
                    </span>
                  </td>
                  <td>
                    {e.offer ? (
                      <>
                        {dateTime(e.offer.start, zone)} with {names[e.offer.practitioner] ?? e.offer.practitioner}
                        <br />
                        <span className="muted">held until {dateTime(e.offer.expiresAt, zone)}</span>
                      </>
                    ) : (
                      <span className="muted">None open</span>
                    )}
                  </td>
                  <td>
                    <EntryActions
                      entry={{
                        id: e.id,
                        urgent: e.urgent,
                        status: e.status,
                        earliest: e.earliest,
                        name: e.patient.name,
                      }}
                      location={location}
                      service={e.service.slug}
                      practitioner={e.practitioner?.slug ?? null}
                      zone={zone}
                      names={names}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
