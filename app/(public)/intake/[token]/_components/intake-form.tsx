"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, useRef, useState } from "react";
import { Controller, useForm, useWatch, type Resolver } from "react-hook-form";
import type { IntakeView } from "@/lib/intake/get-intake-by-token";
import type { IntakeOutcome } from "@/lib/intake/intake-outcome";
import { enabledItemsOfStep, isStepEnabled } from "@/lib/intake/enable-when";
import { COLLECTION_NOTICE, findItem, STEPS, type StepId } from "@/lib/intake/questionnaire";
import { buildStepSchema } from "@/lib/intake/schemas";
import { QuestionField } from "../../../_components/question-field";
import { labelFor, liveFlags, type FormValues } from "./answer-values";
import { IntakeDone } from "./intake-done";
import { IntakeReview } from "./intake-review";
import { SafetyAlert } from "./safety-alert";
import { SaveStatus } from "./save-status";
import { useAutosave } from "./use-autosave";

type Phase = "form" | "review" | "done";

/** Where a returning patient picks up: the first step that still needs answers, else the review. */
function resumePoint(values: FormValues): { phase: Phase; step: StepId } {
  for (const s of STEPS) {
    if (!isStepEnabled(s.id, values)) continue;
    if (!buildStepSchema(s.id).safeParse(values).success) return { phase: "form", step: s.id };
  }
  return { phase: "review", step: STEPS[STEPS.length - 1]!.id };
}

/** A step help-me-choose already answered whole: the patient goes past it (it stays on the review, changeable). */
function answeredInTriage(stepId: StepId, values: FormValues, fromTriage: ReadonlySet<string>): boolean {
  const items = enabledItemsOfStep(stepId, values);
  return (
    items.length > 0 &&
    items.every((i) => fromTriage.has(i.linkId)) &&
    buildStepSchema(stepId).safeParse(values).success
  );
}

export function IntakeForm({ token, view }: { token: string; view: IntakeView }) {
  // Nothing saved yet: start from what help-me-choose asked, so the patient sees only what is new.
  const initial = useMemo<FormValues>(
    () => view.response?.answers ?? view.fromTriage?.answers ?? {},
    [view.response, view.fromTriage],
  );
  const fromTriage = useMemo(() => new Set(view.fromTriage?.linkIds ?? []), [view.fromTriage]);
  const sent = view.response?.status === "completed";
  const [start] = useState(() =>
    sent ? { phase: "done" as Phase, step: STEPS[0]!.id as StepId } : resumePoint(initial),
  );
  const [phase, setPhase] = useState<Phase>(start.phase);
  const [stepId, setStepId] = useState<StepId>(start.step);
  const [outcome, setOutcome] = useState<IntakeOutcome | null>(view.response?.outcome ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // useForm takes its options afresh on every render, so each step validates with its own shared schema.
  const resolver = useMemo(
    () => zodResolver(buildStepSchema(stepId), undefined, { raw: true }) as Resolver<FormValues>,
    [stepId],
  );
  const form = useForm<FormValues>({ defaultValues: initial, resolver, mode: "onSubmit", reValidateMode: "onChange" });
  const values = useWatch({ control: form.control }) as FormValues;
  const autosave = useAutosave(token, initial, phase !== "done");

  // Every change schedules a save; unchanged answers (as on first render) are never sent.
  const { schedule } = autosave;
  useEffect(() => schedule(values), [schedule, values]);

  // Move focus to the new heading after each step change, so keyboard and screen reader users start at the top.
  useEffect(() => {
    if (!moved.current) return;
    headingRef.current?.focus();
    window.scrollTo({ top: 0 });
  }, [stepId, phase]);

  const steps = STEPS.filter((s) => isStepEnabled(s.id, values));
  const index = Math.max(
    0,
    steps.findIndex((s) => s.id === stepId),
  );
  const step = steps[index] ?? steps[0]!;
  const flags = liveFlags(values);
  const go = (next: { phase: Phase; step?: StepId }) => {
    moved.current = true;
    setFormError(null);
    form.clearErrors();
    if (next.step) setStepId(next.step);
    setPhase(next.phase);
  };

  const onNext = (e: React.FormEvent) =>
    form.handleSubmit(
      (v) => {
        void autosave.saveNow(v);
        const following = steps.slice(index + 1).find((s) => !answeredInTriage(s.id, v, fromTriage));
        go(following ? { phase: "form", step: following.id } : { phase: "review" });
      },
      () => setFormError("Please check the answers marked below."),
    )(e);

  const onSubmit = async () => {
    setSubmitting(true);
    setFormError(null);
    const result = await autosave.submit(form.getValues());
    setSubmitting(false);
    if (result.ok) {
      autosave.markSent(form.getValues());
      setOutcome(result.data);
      go({ phase: "done" });
      return;
    }
    const fields = Object.entries(result.fields ?? {}).filter(([linkId]) => findItem(linkId));
    const firstStep = steps.find((s) => fields.some(([linkId]) => s.items.some((i) => i.linkId === linkId)));
    if (firstStep) {
      go({ phase: "form", step: firstStep.id });
      // After the step renders, so the messages land next to their fields.
      setTimeout(() => fields.forEach(([linkId, message]) => form.setError(linkId, { type: "server", message })), 0);
    }
    setFormError(result.message);
  };

  const lede =
    phase === "done" ? null : (
      <p className="intake-lede">
        {view.fromTriage && !view.response
          ? `You've already answered some of this when choosing your appointment, so what's left takes about ${minutes(view.minutesLeft)}.`
          : `It takes about ${minutes(view.minutesLeft)}.`}{" "}
        Your practitioner reads it before you arrive, so your visit starts with you, not paperwork.
      </p>
    );

  if (phase === "done" && outcome) {
    return <IntakeDone view={view} outcome={outcome} headingRef={headingRef} onEdit={() => go({ phase: "review" })} />;
  }
  if (phase === "review") {
    return (
      <>
        {lede}
        <IntakeReview
          values={values}
          steps={steps}
          headingRef={headingRef}
          flags={flags}
          error={formError}
          submitting={submitting}
          onChange={(id) => go({ phase: "form", step: id })}
          onSubmit={onSubmit}
          saveStatus={<SaveStatus state={autosave.state} />}
        />
      </>
    );
  }

  const shown = enabledItemsOfStep(step.id, values);
  const intro = "intro" in step ? step.intro : undefined;
  const prefilled = shown.some((item) => fromTriage.has(item.linkId));
  return (
    <>
      {lede}
      <section className="card intake-card" aria-labelledby="intake-step-title">
        <div className="intake-progress">
          <p className="intake-progress__label">
            Step {index + 1} of {steps.length}
          </p>
          <div className="intake-progress__bar" aria-hidden="true">
            <span style={{ width: `${((index + 1) / steps.length) * 100}%` }} />
          </div>
        </div>
        <h2 id="intake-step-title" ref={headingRef} tabIndex={-1}>
          {step.title}
        </h2>
        {step.id === "consent" ? (
          <div className="intake-notice">
            <h3>How we use your answers</h3>
            {COLLECTION_NOTICE.split("\n\n").map((p) => {
              const [lead, rest] = p.includes(": ")
                ? [p.slice(0, p.indexOf(": ")), p.slice(p.indexOf(": ") + 2)]
                : [null, p];
              return (
                <p key={p}>
                  {lead ? <strong>{lead}: </strong> : null}
                  {rest}
                </p>
              );
            })}
          </div>
        ) : null}
        {intro ? <p className="intake-intro">{intro}</p> : null}
        {prefilled ? (
          <p className="intake-prefilled">
            Some answers are filled in from when you chose your appointment. Change anything that&apos;s different.
          </p>
        ) : null}
        {formError ? (
          <p className="alert alert--error" role="alert">
            {formError}
          </p>
        ) : null}
        <SafetyAlert flags={flags} />
        <form onSubmit={onNext} noValidate className="intake-step">
          {shown.map((item) => (
            <Controller
              key={item.linkId}
              name={item.linkId}
              control={form.control}
              // Destructured, so the ref callback is handed on, never read, while rendering.
              render={({ field: { ref, onChange, onBlur, value }, fieldState }) => (
                <QuestionField
                  look="intake"
                  item={item}
                  label={labelFor(item.linkId, item.text, values)}
                  value={value}
                  error={fieldState.error?.message}
                  onChange={onChange}
                  onBlur={onBlur}
                  inputRef={ref}
                />
              )}
            />
          ))}
          <div className="intake-actions">
            {index > 0 ? (
              <button
                type="button"
                className="button button--ghost"
                onClick={() => go({ phase: "form", step: steps[index - 1]!.id })}
              >
                Back
              </button>
            ) : null}
            <button type="submit" className="button intake-actions__next">
              {index === steps.length - 1 ? "Check my answers" : step.id === "consent" ? "Start" : "Next"}
            </button>
          </div>
          <SaveStatus state={autosave.state} />
        </form>
      </section>
    </>
  );
}

const minutes = (n: number) => (n === 1 ? "a minute" : `${n} minutes`);
