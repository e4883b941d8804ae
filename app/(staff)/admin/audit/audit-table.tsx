import Link from "next/link";
import type { AuditPage } from "@/lib/staff/list-audit";
import { CLINIC_ZONE } from "@/lib/staff/practice-schemas";
import { UUID_SHAPE } from "@/lib/staff/reception-schemas";
import { dateTime } from "../../_clinical/format";

/** Words for an audit outcome, in the table and in the filter's list. */
export const OUTCOME_LABEL: Record<string, string> = { ok: "Allowed", denied: "Denied", failed: "Failed" };
const OUTCOME_TONE: Record<string, string> = { ok: "badge--ok", denied: "badge--danger", failed: "badge--warn" };

function withParam(query: URLSearchParams, key: string, value: string): string {
  const q = new URLSearchParams(query);
  q.set(key, value);
  if (key !== "page") q.delete("page");
  return `/admin/audit?${q.toString()}`;
}

export function AuditTable({ data, query }: { data: AuditPage; query: URLSearchParams }) {
  const first = (data.page - 1) * data.pageSize + 1;
  const last = first + data.rows.length - 1;
  return (
    <section aria-labelledby="log-title" className="panel panel--flush">
      <div className="panel__bar">
        <h2 id="log-title" className="panel__title">
          Entries
        </h2>
        <p className="muted clin-small" aria-live="polite">
          {data.total === 0 ? "No entries match." : `${first}–${last} of ${data.total}, newest first`}
        </p>
      </div>
      {data.rows.length ? (
        <div className="clin-table-wrap">
          <table className="clin-table clin-table--cards audit-table">
            <caption className="visually-hidden">
              Audit log entries, newest first, page {data.page} of {data.pageCount}
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Person</th>
                <th scope="col">Action</th>
                <th scope="col">Outcome</th>
                <th scope="col">Patient</th>
                <th scope="col">Subject</th>
                <th scope="col">Address</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => {
                const label = OUTCOME_LABEL[r.outcome] ?? r.outcome;
                const tone = OUTCOME_TONE[r.outcome] ?? "badge--neutral";
                const who = r.actor.label ?? r.actor.kind;
                return (
                  <tr key={r.id}>
                    <th scope="row" className="nowrap">
                      {dateTime(r.at, CLINIC_ZONE)}
                    </th>
                    <td data-label="Person">
                      {r.actor.label ? (
                        <Link href={withParam(query, "person", r.actor.email ?? r.actor.label)}>{who}</Link>
                      ) : (
                        who
                      )}
                      <span className="clin-sub audit-who">
                        <span className="audit-role">{r.actor.kind}</span>
                        {r.actor.email ? <span className="audit-email">{r.actor.email}</span> : null}
                      </span>
                    </td>
                    <td data-label="Action">
                      <code>{r.action}</code>
                    </td>
                    <td data-label="Outcome">
                      <span className={`badge ${tone}`}>{label}</span>
                    </td>
                    <td data-label="Patient">
                      {r.patient ? (
                        <Link href={withParam(query, "patient", r.patient.id)}>
                          {r.patient.name ?? "Unknown patient"}
                        </Link>
                      ) : (
                        <span className="muted">–</span>
                      )}
                    </td>
                    <td data-label="Subject" className="audit-subject">
                      {r.entityType ? (
                        <>
                          {r.entityType}
                          {r.entityId ? (
                            <span className="clin-sub mono" title={r.entityId}>
                              {UUID_SHAPE.test(r.entityId) ? `${r.entityId.slice(0, 8)}…` : r.entityId}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        <span className="muted">–</span>
                      )}
                    </td>
                    <td data-label="Address" className="mono">
                      {r.ip ?? "–"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">No audit entries match these filters.</p>
      )}
      {data.pageCount > 1 ? (
        <nav className="pager" aria-label="Audit log pages">
          {data.page > 1 ? (
            <Link
              className="button button--small button--ghost"
              href={withParam(query, "page", String(data.page - 1))}
              rel="prev"
            >
              <span aria-hidden="true">← </span>Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="clin-small">
            Page {data.page} of {data.pageCount}
          </span>
          {data.page < data.pageCount ? (
            <Link
              className="button button--small button--ghost"
              href={withParam(query, "page", String(data.page + 1))}
              rel="next"
            >
              Older<span aria-hidden="true"> →</span>
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}
