import type { IntakeSummary } from "@/lib/intake/summary";
import { ROUTE_LABEL, URGENCY_LABEL } from "./labels";

export function IntakeRoute({
  triage,
  serviceNames = {},
}: {
  triage: IntakeSummary["triage"];
  serviceNames?: Record<string, string>;
}) {
  return (
    <section aria-labelledby="route-title" className="panel">
      <h2 id="route-title" className="panel__title">
        Suggested route
      </h2>
      <p className="route">
        <strong className="route__name">{ROUTE_LABEL[triage.route] ?? triage.route}</strong>
        <span className={`badge ${triage.urgency === "routine" ? "badge--neutral" : "badge--warn"}`}>
          {URGENCY_LABEL[triage.urgency] ?? triage.urgency}
        </span>
        {triage.alsoSeeGp ? <span className="badge badge--warn">Also see GP</span> : null}
      </p>
      {triage.service ? (
        <p className="muted clin-small">Suggested service: {serviceNames[triage.service] ?? "one no longer offered"}</p>
      ) : null}
      <h3 className="panel__subtitle">Reasons given to the patient</h3>
      <ul className="reasons">
        {triage.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </section>
  );
}
