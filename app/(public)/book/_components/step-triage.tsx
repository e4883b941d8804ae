"use client";
import { type Dispatch, type SetStateAction, useState } from "react";
import { TRIAGE_STEPS } from "@/lib/intake/questionnaire";
import type { TriageOutcome } from "../../_components/public-api";
import { CHECK_AFTER } from "./triage-checks";
import { TriageQuestions } from "./triage-questions";
import { TriageResult } from "./triage-result";
import { type TriageDraft, useTriageDraft } from "./use-triage-draft";

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

/** Help me choose: a page of questions at a time, then the recommendation (or the reason not to book online). */
export function StepTriage({ focus, serviceName, clinicPhone, draft, onDraft, onBook, onChooseMyself }: Props) {
  const triage = useTriageDraft(draft, onDraft);
  const [headingFocus, setHeadingFocus] = useState(focus);
  const { page, step, outcome, update } = triage;
  const last = page === TRIAGE_STEPS.length - 1;

  const next = async (e: React.FormEvent) => {
    e.preventDefault();
    const firstBad = Object.keys(triage.check())[0];
    if (firstBad) {
      document.getElementById(`q-${firstBad}`)?.focus();
      return;
    }
    if (last || CHECK_AFTER.has(step.id)) {
      const result = await triage.runTriage();
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
    <TriageQuestions triage={triage} headingFocus={headingFocus} onSubmit={next} onChooseMyself={onChooseMyself} />
  );
}
