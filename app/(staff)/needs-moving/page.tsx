import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listNeedsMoving } from "@/lib/staff/list-needs-moving";
import { CLINIC_ZONE } from "@/lib/staff/practice-schemas";
import { dateTime } from "../_clinical/format";
import "../reception.css";

export const metadata: Metadata = { title: "Needs moving" };

/**
 * The front desk's worklist of bookings that a change of working time (a roster, leave, a closure or a public holiday)
 * left outside working time: they stay booked until someone moves or cancels each with the patient.
 */
export default async function NeedsMovingPage() {
  const actor = await requireStaffPage(["reception", "admin"], "/needs-moving");
  const items = await listNeedsMoving(await getDb(), actor);
  return (
    <div className="page-narrow">
      <div className="page-head">
        <h1 className="page-title">Needs moving</h1>
        <p className="muted">
          Bookings left outside working time by a roster, leave, a closure or a public holiday. They are still booked:
          call each patient, then move or cancel the booking from the calendar. Soonest first.
        </p>
      </div>
      {items.length === 0 ? (
        <p className="empty">
          Nothing needs moving. Bookings appear here when a change of working time leaves them out.
        </p>
      ) : (
        <ol className="call-list" aria-label="Bookings to move, soonest first">
          {items.map((a) => (
            <li key={a.id} className="call-item card">
              <div className="call-item__head">
                <h2 className="call-item__name">
                  <Link href={`/patients/${a.patient.id}`}>{a.patient.name}</Link>
                </h2>
                <span className="flag-move">Move</span>
              </div>
              <dl className="call-item__facts">
                <div>
                  <dt>Phone</dt>
                  <dd>
                    <a href={`tel:${a.patientPhone.replace(/[^\d+]/g, "")}`}>{a.patientPhone}</a>
                  </dd>
                </div>
                <div>
                  <dt>Appointment</dt>
                  <dd>
                    {dateTime(a.start, CLINIC_ZONE)} · {a.serviceName} with {a.practitionerName} at {a.locationName}
                  </dd>
                </div>
              </dl>
              <p>
                <Link
                  className="button button--ghost button--small"
                  href={`/calendar?location=${a.location}&date=${a.start.slice(0, 10)}`}
                >
                  Open {a.start.slice(0, 10)} in the calendar
                </Link>
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
