import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listNeedsCall } from "@/lib/staff/list-needs-call";
import { CLINIC_ZONE } from "@/lib/staff/practice-schemas";
import { dateTime } from "../_clinical/format";
import { CalledForm } from "./called-form";
import "../reception.css";
import { ROUTE_LABEL } from "../_clinical/labels";

export const metadata: Metadata = { title: "Needs a call" };

/**
 * The front desk's worklist: every patient whose intake asked for a call, at every location and date, the longest
 * waiting first, until someone has called them and noted what came of it.
 */
export default async function NeedsCallPage() {
  const actor = await requireStaffPage(["reception", "admin"], "/needs-a-call");
  const items = await listNeedsCall(await getDb(), actor);
  return (
    <div className="page-narrow">
      <div className="page-head">
        <h1 className="page-title">Needs a call</h1>
        <p className="muted">
          Patients whose intake answers mean someone should phone them before the visit, whatever its date or location.
          Longest waiting first. Call, then record what came of it.
        </p>
      </div>
      {items.length === 0 ? (
        <p className="empty">Nobody is waiting for a call. New ones appear here the moment an intake raises a flag.</p>
      ) : (
        <ol className="call-list" aria-label="Patients to call, longest waiting first">
          {items.map(({ appointment: a, flaggedAt }) => {
            const zone = CLINIC_ZONE;
            return (
              <li key={a.id} className="call-item card">
                <div className="call-item__head">
                  <h2 className="call-item__name">
                    <Link href={`/patients/${a.patient.id}`}>{a.patient.name}</Link>
                  </h2>
                  <span
                    className={`call-item__route${a.intake.route === "emergency" || a.intake.route === "urgent-care" ? " call-item__route--urgent" : ""}`}
                  >
                    {a.intake.route ? (ROUTE_LABEL[a.intake.route] ?? a.intake.route) : "Needs a call"}
                  </span>
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
                      {dateTime(a.start, zone)} · {a.serviceName} with {a.practitionerName} at {a.locationName}
                      {a.status === "cancelled" ? " (cancelled)" : ""}
                    </dd>
                  </div>
                  <div>
                    <dt>Flagged</dt>
                    <dd>{flaggedAt ? dateTime(flaggedAt, zone) : "By staff"}</dd>
                  </div>
                </dl>
                <CalledForm appointmentId={a.id} patientName={a.patient.name} />
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
