import { tableCsv } from "@/lib/reports/summary-csv";

/**
 * One figure of the report: a heading, the chart, its numbers as a table beside it, and a CSV of that table.
 * `csvHref` links elsewhere (the API); otherwise the table's own rows are offered as a data: download.
 */
export function ReportSection({
  id,
  title,
  intro,
  chart,
  caption,
  header,
  rows,
  csvRows,
  csvName,
  csvHref,
  empty,
  stacked = false,
}: {
  id: string;
  title: string;
  intro?: React.ReactNode;
  chart: React.ReactNode;
  caption: string;
  header: string[];
  rows: (string | number)[][];
  /** The CSV's rows when the table shows formatted values (raw numbers, not "13.3%"). */
  csvRows?: (string | number)[][];
  csvName: string;
  csvHref?: string;
  empty?: string;
  /** The chart above the table, for a table too wide to sit beside it. */
  stacked?: boolean;
}) {
  const href = csvHref ?? `data:text/csv;charset=utf-8,${encodeURIComponent(tableCsv(header, csvRows ?? rows))}`;
  return (
    <section className="panel report-section" aria-labelledby={`${id}-title`}>
      <div className="report-section__head">
        <h2 id={`${id}-title`} className="section-title">
          {title}
        </h2>
        <a className="button button--small button--ghost report-csv" href={href} download={csvName}>
          Download CSV<span className="visually-hidden"> of {title.toLowerCase()}</span>
        </a>
      </div>
      {intro ? <p className="muted report-section__intro">{intro}</p> : null}
      {rows.length === 0 && empty ? (
        <p className="report-empty">{empty}</p>
      ) : (
        <div className={`report-section__body${stacked ? " report-section__body--stacked" : ""}`}>
          {chart}
          <div className="clin-table-wrap report-table" tabIndex={0} role="region" aria-label={`${caption}: figures`}>
            <table className="clin-table">
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  {header.map((h, i) => (
                    <th key={h} scope="col" className={i > 0 ? "num" : undefined}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={String(r[0])}>
                    {r.map((cell, i) =>
                      i === 0 ? (
                        <th key={i} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={i} className="num">
                          {cell}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
