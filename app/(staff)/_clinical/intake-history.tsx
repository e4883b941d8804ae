import type { IntakeSummary } from "@/lib/intake/summary";
import { yesNo } from "./labels";

/** Diagnosis, treatment so far and what it did, and the risk factors found (BMI and age worked out). */
export function IntakeHistory({ s }: { s: IntakeSummary }) {
  const h = s.history;
  const treatments = h.treatments.filter((t) => t.code !== "none");
  return (
    <>
      <section aria-labelledby="history-title" className="panel">
        <h2 id="history-title" className="panel__title">
          History and treatment
        </h2>
        <dl className="facts">
          <div>
            <dt>Diagnosed</dt>
            <dd>
              {yesNo(h.diagnosed)}
              {h.diagnosedBy ? <span className="clin-sub">By: {h.diagnosedBy.label}</span> : null}
            </dd>
          </div>
          <div>
            <dt>Recent jump in training</dt>
            <dd>{yesNo(h.trainingChange)}</dd>
          </div>
          <div className="facts__wide">
            <dt>Treatment so far</dt>
            <dd>
              {treatments.length
                ? treatments.map((t) => t.label).join("; ")
                : h.treatments.length
                  ? "None"
                  : "Not answered"}
            </dd>
          </div>
          <div className="facts__wide">
            <dt>What treatment did</dt>
            <dd>{h.treatmentResult?.label ?? (treatments.length ? "Not answered" : "No treatment yet")}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="risk-title" className="panel">
        <h2 id="risk-title" className="panel__title">
          Risk factors
        </h2>
        <dl className="facts facts--compact">
          <div>
            <dt>Age</dt>
            <dd>{s.body.age ?? "Unknown"}</dd>
          </div>
          <div>
            <dt>Height, weight</dt>
            <dd>{s.body.heightCm && s.body.weightKg ? `${s.body.heightCm} cm, ${s.body.weightKg} kg` : "Not given"}</dd>
          </div>
          <div>
            <dt>Body mass index</dt>
            <dd>{s.body.bmi === null ? "Not enough to work out" : `${s.body.bmi.toFixed(1)} kg/m²`}</dd>
          </div>
        </dl>
        <h3 className="panel__subtitle">Found ({s.riskFactors.found.length})</h3>
        {s.riskFactors.found.length ? (
          <ul className="risk-list">
            {s.riskFactors.found.map((r) => (
              <li key={r.code}>
                <strong>{r.label}</strong>
                {r.detail ? <span className="muted"> · {r.detail}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None of the listed risk factors found.</p>
        )}
        {s.riskFactors.toCheck.length ? (
          <>
            <h3 className="panel__subtitle">To check at the assessment</h3>
            <ul className="risk-list risk-list--check">
              {s.riskFactors.toCheck.map((r) => (
                <li key={r.code}>
                  {r.label}
                  <span className="muted"> · {r.detail}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
