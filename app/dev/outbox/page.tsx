import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { listOutbox, outboxVisible } from "@/lib/notifications/outbox";

export const metadata: Metadata = { title: "Email outbox", robots: { index: false } };

const when = new Intl.DateTimeFormat("en-AU", { dateStyle: "medium", timeStyle: "medium", timeZone: "Australia/Sydney" });

/** Development and demo only: the emails the app would have sent, written to DATA_DIR/outbox. */
export default async function OutboxPage() {
  await connection();
  if (!outboxVisible()) notFound();
  const messages = await listOutbox();
  return (
    <main id="main" className="container section">
      <h1>Email outbox</h1>
      <p className="muted">No mail server is configured, so emails are written here instead of being sent. Newest first; times in Sydney.</p>
      {messages.length === 0 ? (
        <p className="empty">No emails yet. Book an appointment and its confirmation appears here within a few seconds.</p>
      ) : (
        <table className="card" style={{ width: "100%", borderCollapse: "collapse" }}>
          <caption className="visually-hidden">Emails written to the outbox</caption>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: "left" }}>Written</th>
              <th scope="col" style={{ textAlign: "left" }}>To</th>
              <th scope="col" style={{ textAlign: "left" }}>Subject</th>
              <th scope="col" style={{ textAlign: "left" }}>Raw</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.name}>
                <td>{when.format(m.date)}</td>
                <td>{m.to}</td>
                <td>
                  <a href={`/dev/outbox/${encodeURIComponent(m.name)}`}>{m.subject}</a>
                </td>
                <td>
                  <a href={`/dev/outbox/${encodeURIComponent(m.name)}?raw=1`} aria-label={`Download ${m.subject} as .eml`}>
                    .eml
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
