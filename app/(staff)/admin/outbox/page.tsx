import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaffPage } from "@/lib/auth";
import { listOutbox, outboxVisible } from "@/lib/notifications/outbox";
import { CLINIC_ZONE } from "@/lib/staff/practice-schemas";
import { dateTime } from "../../_clinical/format";
import "../../_clinical/clinical.css";

export const metadata: Metadata = { title: "Email outbox", robots: { index: false } };

/**
 * Admins only, and only while no mail server is configured: the emails the app would have sent, written to
 * DATA_DIR/outbox. They hold patients' manage and intake links, so no other role and no signed-out visitor sees them.
 */
export default async function OutboxPage() {
  await requireStaffPage(["admin"], "/admin/outbox");
  if (!outboxVisible()) notFound();
  const messages = await listOutbox();
  return (
    <div className="clin-page">
      <header className="page-head">
        <div>
          <p className="eyebrow-staff">Administration</p>
          <h1>Email outbox</h1>
          <p className="muted page-head__sub">
            No mail server is configured (<code>SMTP_URL</code>), so emails are kept here instead of being sent. They
            contain patients’ private links: don’t share them. Newest first.
          </p>
        </div>
      </header>
      <section aria-labelledby="outbox-title" className="panel panel--flush">
        <div className="panel__bar">
          <h2 id="outbox-title" className="panel__title">
            Emails
          </h2>
          <p className="muted clin-small">{`${messages.length} ${messages.length === 1 ? "email" : "emails"}`}</p>
        </div>
        {messages.length === 0 ? (
          <p className="empty notice-in-panel">
            No emails yet. Book an appointment and its confirmation appears here within a few seconds.
          </p>
        ) : (
          <div className="clin-table-wrap">
            <table className="clin-table clin-table--cards">
              <caption className="visually-hidden">Emails written to the outbox, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Written</th>
                  <th scope="col">To</th>
                  <th scope="col">Subject</th>
                  <th scope="col">File</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.name}>
                    <th scope="row" className="nowrap">
                      {dateTime(m.date.toISOString(), CLINIC_ZONE)}
                    </th>
                    <td data-label="To">{m.to}</td>
                    <td data-label="Subject">
                      <a href={`/admin/outbox/${encodeURIComponent(m.name)}`}>{m.subject}</a>
                    </td>
                    <td data-label="File">
                      <a
                        href={`/admin/outbox/${encodeURIComponent(m.name)}?raw=1`}
                        aria-label={`Download ${m.subject} to ${m.to} as .eml`}
                      >
                        .eml
                      </a>
                    </td>
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
