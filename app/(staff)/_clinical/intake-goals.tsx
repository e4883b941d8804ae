import type { IntakeSummary, ScoreChange } from "@/lib/intake/summary";
import { shortDate } from "./format";
import { Score } from "./pain-scale";

function Change({ c, lowerIsBetter }: { c: ScoreChange; lowerIsBetter: boolean }) {
  if (c.change === null) return <span className="muted">Not comparable</span>;
  if (c.change === 0) return <span className="trend trend--same">No change</span>;
  const better = lowerIsBetter ? c.change < 0 : c.change > 0;
  const sign = c.change > 0 ? "+" : "−";
  return (
    <span className={`trend ${better ? "trend--better" : "trend--worse"}`}>
      {sign}
      {Math.abs(c.change)} <span className="trend__word">{better ? "better" : "worse"}</span>
    </span>
  );
}

const val = (n: number | null) => (n === null ? "–" : String(n));

/** Goals, the patient's own function scores, and how pain and function moved since their last response. */
export function IntakeGoals({ s, zone }: { s: IntakeSummary; zone: string }) {
  const g = s.goals;
  const since = s.sincePrevious;
  return (
    <>
      <section aria-labelledby="goals-title" className="panel">
        <h2 id="goals-title" className="panel__title">
          Goals and function
        </h2>
        <p>
          <strong>{g.goal?.label ?? "No goal given"}</strong>
          {g.sport ? <span className="muted"> · {g.sport}</span> : null}
        </p>
        {g.functionScores.length ? (
          <table className="clin-table clin-table--compact">
            <caption className="visually-hidden">Patient-specific function scores, 0 unable to 10 as before</caption>
            <thead>
              <tr>
                <th scope="col">Activity</th>
                <th scope="col">Score now</th>
              </tr>
            </thead>
            <tbody>
              {g.functionScores.map((f) => (
                <tr key={f.slot}>
                  <th scope="row">{f.activity ?? `Activity ${f.slot}`}</th>
                  <td>
                    <Score value={f.score} label={`for ${f.activity ?? "this activity"}`} kind="function" />
                  </td>
                </tr>
              ))}
            </tbody>
            {g.functionMean !== null ? (
              <tfoot>
                <tr>
                  <th scope="row">Mean</th>
                  <td>{g.functionMean}/10</td>
                </tr>
              </tfoot>
            ) : null}
          </table>
        ) : (
          <p className="muted">No function scores given.</p>
        )}
        {g.functionScores.length ? (
          <p className="scale-note">Patient-rated: 0 means unable, 10 means as well as before the problem.</p>
        ) : null}
      </section>
      <section aria-labelledby="trend-title" className="panel">
        <h2 id="trend-title" className="panel__title">
          Change since last response
        </h2>
        {since ? (
          <table className="clin-table clin-table--compact">
            <caption className="clin-small muted">
              Compared with the response sent {shortDate(since.submittedAt, zone)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">Before</th>
                <th scope="col">Now</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {[
                { label: "Pain now", c: since.painNow, lower: true },
                { label: "Pain at worst", c: since.painWorst, lower: true },
                ...since.functionScores.map((f) => ({
                  label: `Function: ${f.activityNow ?? f.activityBefore ?? `activity ${f.slot}`}${f.sameActivity ? "" : " (activity changed)"}`,
                  c: f as ScoreChange,
                  lower: false,
                })),
                { label: "Function mean", c: since.functionMean, lower: false },
              ].map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{val(row.c.before)}</td>
                  <td>{val(row.c.now)}</td>
                  <td>
                    <Change c={row.c} lowerIsBetter={row.lower} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">This is the patient’s first response, so there is nothing to compare yet.</p>
        )}
      </section>
    </>
  );
}
