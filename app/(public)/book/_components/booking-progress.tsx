import type { StepId } from "./booking-types";

const STAGES: readonly { label: string; steps: readonly StepId[] }[] = [
  { label: "Service", steps: ["need", "triage"] },
  { label: "Location", steps: ["location"] },
  { label: "Practitioner", steps: ["practitioner"] },
  { label: "Time", steps: ["time"] },
  { label: "Details", steps: ["details"] },
  { label: "Confirm", steps: ["review"] },
];

export function BookingProgress({ step }: { step: StepId }) {
  const current = STAGES.findIndex((s) => s.steps.includes(step));
  if (current < 0) return null;
  return (
    <nav className="progress" aria-label="Booking steps">
      <p className="progress__phone">
        Step {current + 1} of {STAGES.length}: <strong>{STAGES[current]!.label}</strong>
      </p>
      <div className="progress__bar" aria-hidden="true">
        <span style={{ width: `${((current + 1) / STAGES.length) * 100}%` }} />
      </div>
      <ol className="progress__list">
        {STAGES.map((s, i) => (
          <li
            key={s.label}
            className={i < current ? "is-done" : i === current ? "is-current" : undefined}
            aria-current={i === current ? "step" : undefined}
          >
            <span className="progress__dot" aria-hidden="true">
              {i < current ? "✓" : i + 1}
            </span>
            {s.label}
            {i < current ? <span className="visually-hidden"> (done)</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
