import type { IntakeSummary } from "@/lib/intake/summary";
import { TIER_LABEL, tierTone } from "./labels";

/** First on the screen: what could change the plan before the patient walks in. */
export function IntakeFlags({ flags }: { flags: IntakeSummary["flags"] }) {
  return (
    <section aria-labelledby="flags-title" className={`panel flags ${flags.length ? "flags--raised" : "flags--clear"}`}>
      <h2 id="flags-title" className="panel__title">
        Red flags and alerts
        {flags.length ? <span className="panel__count">{flags.length}</span> : null}
      </h2>
      {flags.length === 0 ? (
        <p className="flags__none">No red flags raised by the answers.</p>
      ) : (
        <ul className="flag-list">
          {flags.map((f) => (
            <li key={f.code} className={`flag flag--${tierTone(f.tier)}`}>
              <div className="flag__head">
                <span className={`badge badge--${tierTone(f.tier)}`}>{TIER_LABEL[f.tier]}</span>
                <code className="flag__code">{f.code}</code>
              </div>
              <p className="flag__alert">{f.staffAlert}</p>
              <p className="flag__message">
                <span className="flag__message-label">Patient was told:</span> {f.message}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
