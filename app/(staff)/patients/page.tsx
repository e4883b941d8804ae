import type { Metadata } from "next";
import Link from "next/link";
import { ZodError } from "zod";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import type { PatientSummaryDto } from "@/lib/staff/reception-types";
import { searchPatients } from "@/lib/staff/search-patients";
import { formatDob, formatInstant } from "./patient-format";
import "../reception.css";

export const metadata: Metadata = { title: "Patients" };

/** Patient search for the front desk: name, phone, email or date of birth. */
export default async function PatientsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requireStaffPage(["reception", "admin"], "/patients");
  const q = (await searchParams).q?.trim() ?? "";
  let results: PatientSummaryDto[] | null = null;
  let problem: string | null = null;
  if (q) {
    try {
      results = (await searchPatients(await getDb(), actor, { q })).patients;
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      problem = error.issues[0]?.message ?? "Check the search.";
    }
  }
  return (
    <div className="page-narrow">
      <div className="page-head">
        <h1 className="page-title">Patients</h1>
        <p className="muted">Search by name, phone number, email or date of birth (e.g. 02/04/1990).</p>
        <p>
          <Link href="/patients/duplicates">Possible duplicates from online bookings</Link>
        </p>
      </div>
      <form role="search" action="/patients" className="search-bar">
        <label htmlFor="patient-q" className="visually-hidden">
          Search patients
        </label>
        <input
          id="patient-q"
          name="q"
          type="search"
          className="input"
          defaultValue={q}
          placeholder="Name, phone, email or date of birth"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? "patient-q-error" : undefined}
          autoComplete="off"
        />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {problem ? (
        <p id="patient-q-error" className="field-error">
          {problem}
        </p>
      ) : null}
      {results && results.length === 0 ? (
        <p className="empty">
          No patient matches “{q}”. Check the spelling, or book them as a new patient from the calendar.
        </p>
      ) : null}
      {results && results.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Patients matching “{q}”</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Date of birth</th>
                <th scope="col">Phone</th>
                <th scope="col">Email</th>
                <th scope="col">Next appointment</th>
              </tr>
            </thead>
            <tbody>
              {results.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link href={`/patients/${p.id}`}>
                      {p.lastName}, {p.firstName}
                    </Link>
                    {p.possibleDuplicateOf ? (
                      <span className="muted cell-sub">
                        Possible duplicate: <Link href="/patients/duplicates">check it</Link>
                      </span>
                    ) : null}
                  </th>
                  <td>{formatDob(p.dateOfBirth)}</td>
                  <td>{p.phone}</td>
                  <td className="cell-wrap">{p.email ?? <span className="muted">none</span>}</td>
                  <td>
                    {p.nextAppointment ? formatInstant(p.nextAppointment) : <span className="muted">None booked</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {results.length === 25 ? (
            <p className="muted table-note">Showing the first 25 matches. Add more to the search to narrow it down.</p>
          ) : null}
        </div>
      ) : null}
      {!q ? <p className="empty">Start typing a name, phone number, email or date of birth.</p> : null}
    </div>
  );
}
