import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { logError } from "@/lib/log";
import { listDeadLetters, type DeadLetter } from "@/lib/notifications/dead-letters";
import { CLINIC_ZONE } from "@/lib/staff/practice-schemas";
import { dateTime } from "../../_clinical/format";
import "../../_clinical/clinical.css";

export const metadata: Metadata = { title: "Failed emails" };

const KIND: Record<string, string> = {
  confirmation: "Booking confirmation",
  changed: "Booking changed",
  cancelled: "Booking cancelled",
  reminder: "Appointment reminder",
  "intake-reminder": "Intake reminder",
  "call-us": "Please call us",
  "staff-alert": "Intake needs attention (to staff)",
  "staff-password-reset": "Staff password reset",
  "staff-invitation": "Staff invitation",
  "waitlist-joined": "Wait list joined",
  "waitlist-offer": "Wait-list offer",
};

async function load(): Promise<DeadLetter[] | null> {
  try {
    return await listDeadLetters(await getDb(), { limit: 200 });
  } catch (error) {
    // The queue runs beside the web server; when it is not open here the page says so instead of failing.
    logError("admin.notifications", error);
    return null;
  }
}

export default async function NotificationsPage() {
  await requireStaffPage(["admin"], "/admin/notifications");
  const letters = await load();
  return (
    <div className="clin-page">
      <header className="page-head">
        <div>
          <p className="eyebrow-staff">Administration</p>
          <h1>Failed emails</h1>
          <p className="muted page-head__sub">
            Patient emails that failed every retry. Nothing clinical is kept here: only the kind of email, the
            appointment and the mail server’s error.
          </p>
        </div>
      </header>
      <section aria-labelledby="dead-title" className="panel panel--flush">
        <div className="panel__bar">
          <h2 id="dead-title" className="panel__title">
            Dead letters
          </h2>
          <p className="muted clin-small">
            {letters ? `${letters.length} ${letters.length === 1 ? "email" : "emails"}` : ""}
          </p>
        </div>
        {letters === null ? (
          <p className="alert alert--warn notice-in-panel">
            The email queue isn’t running in this server process, so failed emails can’t be listed right now.
          </p>
        ) : letters.length === 0 ? (
          <p className="empty notice-in-panel">
            No failed emails. Every patient email has been delivered or is still being retried.
          </p>
        ) : (
          <div className="clin-table-wrap">
            <table className="clin-table clin-table--cards">
              <caption className="visually-hidden">Emails that failed every retry, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Failed</th>
                  <th scope="col">Email</th>
                  <th scope="col">Appointment</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                </tr>
              </thead>
              <tbody>
                {letters.map((d) => (
                  <tr key={d.id}>
                    <th scope="row" className="nowrap">
                      {dateTime(d.failedAt.toISOString(), CLINIC_ZONE)}
                    </th>
                    <td data-label="Email">{KIND[d.kind] ?? d.kind}</td>
                    <td data-label="Appointment" className="mono">
                      {d.appointmentId ?? "–"}
                    </td>
                    <td data-label="Attempts">{d.attempts}</td>
                    <td data-label="Last error">{d.error}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
