"use client";
import { dateOf, timeOf, zoneName, type ZonePlan } from "../../_components/time-format";

interface Props {
  service: { name: string; durationMinutes?: number } | null;
  location: { name: string; address: string | null; online: boolean } | null;
  practitioner: string | null;
  start: string | null;
  plan: ZonePlan | null;
}

/** The booking so far, beside the step on wide screens and as a compact strip on phones. */
export function BookingSummary({ service, location, practitioner, start, plan }: Props) {
  const rows: { label: string; value: React.ReactNode }[] = [
    {
      label: "Service",
      value: service ? `${service.name}${service.durationMinutes ? ` · ${service.durationMinutes} min` : ""}` : null,
    },
    { label: "Location", value: location ? location.name : null },
    { label: "Practitioner", value: practitioner },
    {
      label: "Time",
      value:
        start && plan
          ? `${dateOf(start, plan.primary).replace(/ \d{4}$/, "")}, ${timeOf(start, plan.primary)} ${zoneName(start, plan.primary)}`
          : null,
    },
  ];
  const chosen = rows.filter((r) => r.value);
  return (
    <aside className="summary" aria-labelledby="summary-title">
      <h2 id="summary-title" className="summary__title">
        Your booking
      </h2>
      {chosen.length === 0 ? (
        <p className="summary__empty">Your choices will appear here.</p>
      ) : (
        <dl className="summary__list">
          {rows.map((r) => (
            <div key={r.label} className={r.value ? "summary__row" : "summary__row summary__row--todo"}>
              <dt>{r.label}</dt>
              <dd>{r.value ?? "Not chosen yet"}</dd>
            </div>
          ))}
        </dl>
      )}
    </aside>
  );
}
