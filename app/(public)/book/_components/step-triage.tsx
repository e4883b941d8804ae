"use client";
import { type Dispatch, type SetStateAction, useState } from "react";
import { isItemEnabled, pruneDisabledAnswers } from "@/lib/intake/enable-when";
import { COLLECTION_NOTICE, STEPS, TRIAGE_STEPS, type Answers } from "@/lib/intake/questionnaire";
import { integer, type AnswerValue, type RawAnswers } from "@/lib/intake/questionnaire-types";
import { ApiError } from "@/lib/http/api-fetch";
import { callApi, type TriageOutcome } from "../../_components/public-api";
import { QuestionField } from "../../_components/question-field";
import { StepHeading } from "./step-heading";
import { TriageResult } from "./triage-result";

/** Where the patient got to. The booking page owns it, so that stepping back returns to the answers. */
export interface TriageDraft {
  page: number;
  answers: RawAnswers;
  age: number | undefined;
  outcome: TriageOutcome | null;
}

const NEW_DRAFT: TriageDraft = { page: 0, answers: {}, age: undefined, outcome: null };

interface Props {
  focus: boolean;
  serviceName: (slug: string) => string;
  /** The group's phone, as the manager set it, for "call us". */
  clinicPhone: string;
  draft: TriageDraft | null;
  onDraft: Dispatch<SetStateAction<TriageDraft | null>>;
  onBook: (outcome: TriageOutcome) => void;
  onChooseMyself: () => void;
}

// The safety questions decide whether booking online is allowed at all, so triage runs as soon
// as they are answered: nobody with an emergency answer is asked about their goals first.
const CHECK_AFTER = new Set(["safety"]);

// Age is not a questionnaire answer: the triage API takes it beside the answers (shared/spec/api.md), and a
// booking takes it from the date of birth. Optional, and asked where the diagnosis is: over 50 without one
// is worth a doctor's check too (shared/spec/intake.md).
const AGE_STEP = "history";
const AGE_ITEM = integer(
  "age",
  "How old are you? (optional)",
  { min: 0, max: 130, unit: "years" },
  {
    required: false,
    helper:
      "Some causes of this kind of pain are more common as we get older, so your age helps us suggest the right care. Leave it blank if you'd rather not say.",
  },
);

function missing(value: AnswerValue | undefined): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}

export function StepTriage({ focus, serviceName, clinicPhone, draft, onDraft, onBook, onChooseMyself }: Props) {
  const { page, answers, age, outcome } = draft ?? NEW_DRAFT;
  const update = (change: (d: TriageDraft) => Partial<TriageDraft>) =>
    onDraft((d) => ({ ...(d ?? NEW_DRAFT), ...change(d ?? NEW_DRAFT) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [headingFocus, setHeadingFocus] = useState(focus);

  const step = TRIAGE_STEPS[page]!;
  const shown = step.items.filter((item) => isItemEnabled(item, answers));
  const last = page === TRIAGE_STEPS.length - 1;
  const intro = (STEPS as readonly { id: string; intro?: string }[]).find((s) => s.id === step.id)?.intro;

  const setAnswer = (linkId: string, value: AnswerValue | undefined) => {
    update((d) => {
      const next = { ...d.answers };
      if (value === undefined) delete next[linkId];
      else next[linkId] = value;
      return { answers: next };
    });
    setErrors((e) => {
      if (!e[linkId]) return e;
      const rest = { ...e };
      delete rest[linkId];
      return rest;
    });
  };

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const item of shown) {
      const v = answers[item.linkId];
      if (item.type === "boolean" && item.mustBeTrue && v !== true)
        found[item.linkId] = "Please agree so we can ask about your health, or choose a service yourself.";
      else if (item.required && missing(v))
        found[item.linkId] = item.type === "integer" ? "Enter a number" : "Choose an answer";
      else if (
        item.type === "integer" &&
        typeof v === "number" &&
        (!Number.isInteger(v) || v < item.min || v > item.max)
      )
        found[item.linkId] = `Enter a whole number from ${item.min} to ${item.max}`;
    }
    if (
      step.id === AGE_STEP &&
      age !== undefined &&
      (!Number.isInteger(age) || age < AGE_ITEM.min || age > AGE_ITEM.max)
    )
      found[AGE_ITEM.linkId] = "Enter your age in whole years, for example 42, or leave it blank";
    return found;
  };

  const runTriage = async (): Promise<TriageOutcome | null> => {
    setBusy(true);
    setFailure(null);
    try {
      const pruned = pruneDisabledAnswers(answers as Answers);
      return await callApi<TriageOutcome>("/api/v1/triage", {
        method: "POST",
        json: { answers: pruned, ...(age !== undefined ? { age } : {}) },
      });
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : "We couldn't check your answers. Please try again.");
      return null;
    } finally {
      setBusy(false);
    }
  };

  const next = async (e: React.FormEvent) => {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    const firstBad = Object.keys(found)[0];
    if (firstBad) {
      document.getElementById(`q-${firstBad}`)?.focus();
      return;
    }
    if (last || CHECK_AFTER.has(step.id)) {
      const result = await runTriage();
      if (!result) return;
      if (last || result.route === "emergency" || result.route === "urgent-care") {
        update(() => ({ outcome: result }));
        return;
      }
    }
    update((d) => ({ page: d.page + 1 }));
    setHeadingFocus(true);
  };

  if (outcome)
    return (
      <TriageResult
        outcome={outcome}
        clinicPhone={clinicPhone}
        serviceName={outcome.service ? serviceName(outcome.service) : null}
        onBook={() => onBook(outcome)}
        onChangeAnswers={() => {
          update(() => ({ outcome: null }));
          setHeadingFocus(true);
        }}
        onChooseMyself={onChooseMyself}
      />
    );

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
      <form noValidate onSubmit={next} className="triage-form" aria-labelledby="step-title">
        {shown.map((item) => (
          <QuestionField
            key={item.linkId}
            look="booking"
            nativeNumbers
            item={item}
            value={answers[item.linkId]}
            error={errors[item.linkId]}
            onChange={(v) => setAnswer(item.linkId, v)}
          />
        ))}
        {step.id === AGE_STEP ? (
          <QuestionField
            look="booking"
            nativeNumbers
            item={AGE_ITEM}
            value={age}
            error={errors[AGE_ITEM.linkId]}
            onChange={(v) => {
              update(() => ({ age: typeof v === "number" && Number.isFinite(v) ? v : undefined }));
              setErrors(({ [AGE_ITEM.linkId]: _, ...rest }) => rest);
            }}
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
