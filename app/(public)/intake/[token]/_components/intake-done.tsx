"use client";
import type { RefObject } from "react";
import type { IntakeView } from "@/lib/intake/get-intake-by-token";
import type { IntakeOutcome } from "@/lib/intake/intake-outcome";

interface Props {
  view: IntakeView;
  outcome: IntakeOutcome;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onEdit: () => void;
}

/** After sending: thanks, and what to do now when an answer needs care before the visit. */
export function IntakeDone({ view, outcome, headingRef, onEdit }: Props) {
  const urgent = outcome.flags.filter((f) => f.tier === "urgent");
  const gp = outcome.flags.filter((f) => f.tier === "gp");
  const soon = outcome.flags.filter((f) => f.tier === "soon");
  // After an emergency or urgent answer, the instruction is all the page says: no tick, no "thank you" above it.
  if (outcome.emergency || urgent.length > 0) {
    return (
      <section className="card intake-card intake-done" aria-labelledby="intake-done-title">
        {outcome.emergency ? (
          <div className="intake-safety__box intake-safety__box--emergency" role="alert">
            <h2 id="intake-done-title" ref={headingRef} tabIndex={-1} className="intake-safety__title">
              Please call 000 now, or go to the nearest emergency department.
            </h2>
            {outcome.flags
              .filter((f) => f.tier === "emergency")
              .map((f) => (
                <p key={f.code}>{f.message}</p>
              ))}
            <a className="button button--danger intake-safety__call" href="tel:000">
              Call 000
            </a>
          </div>
        ) : (
          <div className="intake-safety__box intake-safety__box--urgent" role="alert">
            <h2 id="intake-done-title" ref={headingRef} tabIndex={-1} className="intake-safety__title">
              Please see a GP or an urgent care clinic today.
            </h2>
            {urgent.map((f) => (
              <p key={f.code}>{f.message}</p>
            ))}
          </div>
        )}
        <p>
          <strong>What the clinic will do:</strong> your answers have been sent, and our team will phone you about your
          appointment on {view.appointment.startLabel}.
        </p>
        <button type="button" className="button button--ghost" onClick={onEdit}>
          Update my answers
        </button>
      </section>
    );
  }
  return (
    <section className="card intake-card intake-done" aria-labelledby="intake-done-title">
      <p className="intake-done__tick" aria-hidden="true">
        ✓
      </p>
      <h2 id="intake-done-title" ref={headingRef} tabIndex={-1}>
        Thank you — your practitioner will read this before your visit
      </h2>
      <p>
        {view.appointment.practitionerName} will go through your answers before your{" "}
        {view.appointment.serviceName.toLowerCase()} on <strong>{view.appointment.startLabel}</strong>.
      </p>
      {soon.map((f) => (
        <p key={f.code} className="alert alert--warn">
          {f.message} Our team will call you to find a time.
        </p>
      ))}
      {gp.map((f) => (
        <p key={f.code} className="alert alert--info">
          {f.message}
        </p>
      ))}
      <p className="muted">
        If anything changes before your visit, you can come back to this link and update your answers.
      </p>
      <button type="button" className="button button--ghost" onClick={onEdit}>
        Update my answers
      </button>
    </section>
  );
}
