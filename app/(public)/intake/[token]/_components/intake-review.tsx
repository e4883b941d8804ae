"use client";
import type { RefObject } from "react";
import { enabledItemsOfStep } from "@/lib/intake/enable-when";
import type { IntakeStep, StepId } from "@/lib/intake/questionnaire";
import type { TriageFlag } from "@/lib/intake/red-flags";
import { displayAnswer, labelFor, type FormValues } from "./answer-values";
import { SafetyAlert } from "./safety-alert";

interface Props {
  values: FormValues;
  steps: readonly IntakeStep[];
  flags: readonly TriageFlag[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  error: string | null;
  submitting: boolean;
  saveStatus: React.ReactNode;
  onChange: (step: StepId) => void;
  onSubmit: () => void;
}

/** Every answer on one page, grouped as the form asks them, before sending. */
export function IntakeReview({
  values,
  steps,
  flags,
  headingRef,
  error,
  submitting,
  saveStatus,
  onChange,
  onSubmit,
}: Props) {
  return (
    <section className="card intake-card" aria-labelledby="intake-review-title">
      <h2 id="intake-review-title" ref={headingRef} tabIndex={-1}>
        Check your answers
      </h2>
      <p className="intake-intro">Nothing is sent until you press “Send my answers”. You can change anything first.</p>
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      <SafetyAlert flags={flags} />
      {steps
        .filter((s) => s.id !== "consent")
        .map((s) => {
          const rows = enabledItemsOfStep(s.id, values).map((item) => ({
            item,
            answer: displayAnswer(item, values[item.linkId]),
          }));
          return (
            <section key={s.id} className="intake-review__group" aria-labelledby={`review-${s.id}`}>
              <div className="intake-review__head">
                <h3 id={`review-${s.id}`}>{s.title}</h3>
                <button type="button" className="button button--ghost button--small" onClick={() => onChange(s.id)}>
                  Change<span className="visually-hidden"> {s.title.toLowerCase()}</span>
                </button>
              </div>
              <dl className="intake-review__list">
                {rows.map(({ item, answer }) => (
                  <div key={item.linkId} className="intake-review__row">
                    <dt>{labelFor(item.linkId, item.text, values)}</dt>
                    <dd className={answer === null ? "muted" : undefined}>{answer ?? "Not answered"}</dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
      <div className="intake-actions">
        <button
          type="button"
          className="button button--large intake-actions__next"
          onClick={onSubmit}
          disabled={submitting}
          aria-disabled={submitting}
        >
          {submitting ? "Sending…" : "Send my answers"}
        </button>
      </div>
      {saveStatus}
    </section>
  );
}
