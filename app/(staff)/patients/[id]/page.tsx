import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { getPatient } from "@/lib/staff/get-patient";
import { clinicToday } from "@/lib/staff/practice-schemas";
import type { BoardAppointment } from "@/lib/staff/reception-types";
import { INTAKE_LABEL, ROUTE_LABEL, SOURCE_LABEL, STATUS_LABEL } from "../../calendar/_components/calendar-labels";
import { timeRange, longDate } from "../../calendar/_components/calendar-time";
import { ageOn, formatDob } from "../patient-format";
import { ContactForm } from "./contact-form";
import { ResendButtons } from "./resend-buttons";
import "../../reception.css";

export const metadata: Metadata = { title: "Patient" };

/** One patient for the front desk: contact details and every appointment, upcoming first. */
export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage(["reception", "admin"], `/patients/${id}`);
  const patient = await getPatient(await getDb(), actor, id).catch((e: unknown) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const today = clinicToday();
  const upcoming = patient.appointments
    .filter((a) => a.start.slice(0, 10) >= today && a.status !== "cancelled")
    .reverse();
  const past = patient.appointments.filter((a) => !upcoming.includes(a));
  // emails can be sent again for a booked appointment still to come, to a patient with an address
  const resendable = (a: BoardAppointment) => !!patient.email && a.status === "booked" && stillToCome(a.start);
  return (
    <div className="page-narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/patients">Patients</Link> <span aria-hidden="true">/</span> {patient.name}
      </nav>
      <div className="patient-head card">
        <div>
          <h1 className="page-title">{patient.name}</h1>
          <dl className="facts facts--inline">
            <div>
              <dt>Born</dt>
              <dd>
                {formatDob(patient.dateOfBirth)}
                {patient.dateOfBirth ? ` (${ageOn(patient.dateOfBirth, today)})` : null}
              </dd>
            </div>
            <div>
              <dt>Phone</dt>
              <dd>
                <a href={`tel:${patient.phone.replace(/[^+\d]/g, "")}`}>{patient.phone}</a>
              </dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd>
                {patient.email ? (
                  <a href={`mailto:${patient.email}`}>{patient.email}</a>
                ) : (
                  <span className="muted">none: no emails are sent</span>
                )}
              </dd>
            </div>
          </dl>
        </div>
        <Link className="button" href={`/calendar?book=${patient.id}`}>
          Book appointment
        </Link>
      </div>
      <ContactForm
        patientId={patient.id}
        initial={{
          firstName: patient.firstName,
          lastName: patient.lastName,
          phone: patient.phone,
          email: patient.email ?? "",
          dateOfBirth: patient.dateOfBirth ?? "",
        }}
      />
      <AppointmentTable title="Upcoming" rows={upcoming} empty="Nothing booked." resendable={resendable} />
      <AppointmentTable title="Past and cancelled" rows={past} empty="No earlier appointments." />
    </div>
  );
}

const stillToCome = (start: string) => Date.parse(start) > Date.now();

function AppointmentTable({
  title,
  rows,
  empty,
  resendable,
}: {
  title: string;
  rows: BoardAppointment[];
  empty: string;
  resendable?: (a: BoardAppointment) => boolean;
}) {
  const headingId = `h-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="patient-section">
      <h2 id={headingId} className="section-title">
        {title} <span className="count">{rows.length}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Service</th>
                <th scope="col">With</th>
                <th scope="col">Status</th>
                <th scope="col">Intake</th>
                <th scope="col">Booked</th>
                {resendable ? <th scope="col">Emails</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link href={`/calendar?location=${a.location}&date=${a.start.slice(0, 10)}`}>
                      {longDate(a.start.slice(0, 10))}
                    </Link>
                    <span className="muted cell-sub">{timeRange(a.start, a.end)}</span>
                  </th>
                  <td>{a.serviceName}</td>
                  <td>
                    {a.practitionerName}
                    <span className="muted cell-sub">{a.locationName}</span>
                  </td>
                  <td>
                    <span className={`status status--${a.status}`}>{STATUS_LABEL[a.status]}</span>
                    {a.cancelReason ? <span className="muted cell-sub">{a.cancelReason}</span> : null}
                  </td>
                  <td>
                    {INTAKE_LABEL[a.intake.status]}
                    {a.intake.route ? (
                      <span className="muted cell-sub">{ROUTE_LABEL[a.intake.route] ?? a.intake.route}</span>
                    ) : null}
                    {a.intake.needsCall ? <span className="flag-call">Call</span> : null}
                  </td>
                  <td>{SOURCE_LABEL[a.source] ?? a.source}</td>
                  {resendable ? (
                    <td>
                      {resendable(a) ? (
                        <ResendButtons
                          appointmentId={a.id}
                          when={`${longDate(a.start.slice(0, 10))}, ${timeRange(a.start, a.end)}`}
                          intakeOpen={a.intake.status !== "completed"}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
