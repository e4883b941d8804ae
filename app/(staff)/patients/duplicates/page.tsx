import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listPossibleDuplicates } from "@/lib/staff/list-possible-duplicates";
import type { PatientSummaryDto } from "@/lib/staff/reception-types";
import { formatDob, formatInstant } from "../patient-format";
import { keepApartAction, mergeDuplicateAction } from "./actions";
import "../../reception.css";

export const metadata: Metadata = { title: "Possible duplicates" };

const RESULTS: Record<string, string> = {
  merged: "Merged. Every appointment and intake is now on the record you kept.",
  "kept-apart": "Kept apart. The new record stays a patient of its own.",
  stale: "That record has changed since the list was shown. Check the list again.",
};

/**
 * Online bookings whose email and date of birth matched a patient get a provisional record of their own (the booker
 * may not be that patient: docs/security.md). Reception checks each with the patient and merges or keeps apart.
 */
export default async function PossibleDuplicatesPage({ searchParams }: { searchParams: Promise<{ result?: string }> }) {
  const actor = await requireStaffPage(["reception", "admin"], "/patients/duplicates");
  const { duplicates } = await listPossibleDuplicates(await getDb(), actor);
  const result = RESULTS[(await searchParams).result ?? ""];
  return (
    <div className="page-narrow">
      <div className="page-head">
        <h1 className="page-title">Possible duplicates</h1>
        <p className="muted">
          Online bookings that gave the email and date of birth of a patient already on record. Until you check with the
          patient, their booking stays on a record of its own, and they see nothing of the existing record.
        </p>
        <p>
          <Link href="/patients">Back to patient search</Link>
        </p>
      </div>
      {result ? (
        <p role="status" className="card">
          {result}
        </p>
      ) : null}
      {duplicates.length === 0 ? <p className="empty">No possible duplicates to check.</p> : null}
      {duplicates.map(({ patient, possibleDuplicateOf: match }) => (
        <section key={patient.id} className="card stack" aria-labelledby={`dup-${patient.id}`}>
          <h2 id={`dup-${patient.id}`} className="section-title">
            {patient.firstName} {patient.lastName}, booked online {formatInstant(patient.createdAt)}
          </h2>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">The new record and the patient on record it matched</caption>
              <thead>
                <tr>
                  <th scope="col">Record</th>
                  <th scope="col">Name</th>
                  <th scope="col">Date of birth</th>
                  <th scope="col">Phone</th>
                  <th scope="col">Email</th>
                </tr>
              </thead>
              <tbody>
                <Row label="New (online booking)" p={patient} />
                <Row label="On record" p={match} />
              </tbody>
            </table>
          </div>
          <div className="duplicate-actions">
            <form action={mergeDuplicateAction}>
              <input type="hidden" name="patientId" value={patient.id} />
              <input type="hidden" name="into" value={match.id} />
              <button type="submit" className="button">
                Same person: merge into the record on file
              </button>
            </form>
            <form action={mergeDuplicateAction}>
              <input type="hidden" name="patientId" value={match.id} />
              <input type="hidden" name="into" value={patient.id} />
              <button type="submit" className="button button--ghost">
                Same person: keep the new details
              </button>
            </form>
            <form action={keepApartAction}>
              <input type="hidden" name="patientId" value={patient.id} />
              <button type="submit" className="button button--ghost">
                Different people: keep apart
              </button>
            </form>
          </div>
        </section>
      ))}
    </div>
  );
}

function Row({ label, p }: { label: string; p: PatientSummaryDto }) {
  return (
    <tr>
      <th scope="row">
        <Link href={`/patients/${p.id}`}>{label}</Link>
      </th>
      <td>
        {p.firstName} {p.lastName}
      </td>
      <td>{formatDob(p.dateOfBirth)}</td>
      <td>{p.phone}</td>
      <td className="cell-wrap">{p.email ?? <span className="muted">none</span>}</td>
    </tr>
  );
}
