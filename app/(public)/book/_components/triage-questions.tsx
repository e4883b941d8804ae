"use client";
import { COLLECTION_NOTICE, STEPS, TRIAGE_STEPS } from "@/lib/intake/questionnaire";
import { QuestionField } from "../../_components/question-field";
import { StepHeading } from "./step-heading";
import { AGE_ITEM, AGE_STEP } from "./triage-checks";
import type { TriageState } from "./use-triage-draft";

interface Props {
  triage: TriageState;
  headingFocus: boolean;
  onSubmit: (e: React.FormEvent) => void;
  onChooseMyself: () => void;
}

/** One page of help-me-choose: its heading, its notice or intro, and the questions its answers so far enable. */
export function TriageQuestions({ triage, headingFocus, onSubmit, onChooseMyself }: Props) {
  const { page, step, shown, answers, age, errors, failure, busy } = triage;
  const last = page === TRIAGE_STEPS.length - 1;
  const intro = (STEPS as readonly { id: string; intro?: string }[]).find((s) => s.id === step.id)?.intro;

  return (
    <>
      <p className="step__kicker">
        Help me choose · part {page + 1} of {TRIAGE_STEPS.length}
      </p>
      <StepHeading focus={headingFocus} key={step.id}>
        {step.title}
      </StepHeading>
      <div className="mini-progress" aria-hidden="true">
        <span style={{ width: `${((page + 1) / TRIAGE_STEPS.length) * 100}%` }} />
      </div>
      {step.id === "consent" ? (
        <div className="notice">
          {COLLECTION_NOTICE.split("\n\n").map((para) => (
            <p key={para}>{para}</p>
          ))}
        </div>
      ) : null}
      {intro ? <p className="step__note">{intro}</p> : null}
      <form noValidate onSubmit={onSubmit} className="triage-form" aria-labelledby="step-title">
        {shown.map((item) => (
          <QuestionField
            key={item.linkId}
            look="booking"
            nativeNumbers
            item={item}
            value={answers[item.linkId]}
            error={errors[item.linkId]}
            onChange={(v) => triage.setAnswer(item.linkId, v)}
          />
        ))}
        {step.id === AGE_STEP ? (
          <QuestionField
            look="booking"
            nativeNumbers
            item={AGE_ITEM}
            value={age}
            error={errors[AGE_ITEM.linkId]}
            onChange={triage.setAge}
          />
        ) : null}
        {failure ? (
          <div className="alert alert--error" role="alert">
            {failure}
          </div>
        ) : null}
        <div className="step__actions">
          <button type="submit" className="button button--large" disabled={busy}>
            {busy ? "Checking…" : last ? "See my recommendation" : "Next"}
          </button>
          {page === 0 ? (
            <button type="button" className="button button--ghost" onClick={onChooseMyself}>
              I&apos;ll choose myself
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}
