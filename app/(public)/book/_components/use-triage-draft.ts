"use client";
import { type Dispatch, type SetStateAction, useState } from "react";
import { isItemEnabled, pruneDisabledAnswers } from "@/lib/intake/enable-when";
import { TRIAGE_STEPS, type Answers } from "@/lib/intake/questionnaire";
import type { AnswerValue, RawAnswers } from "@/lib/intake/questionnaire-types";
import { ApiError } from "@/lib/http/api-fetch";
import { callApi, type TriageOutcome } from "../../_components/public-api";
import { AGE_ITEM, triagePageErrors } from "./triage-checks";

/** Where the patient got to. The booking page owns it, so that stepping back returns to the answers. */
export interface TriageDraft {
  page: number;
  answers: RawAnswers;
  age: number | undefined;
  outcome: TriageOutcome | null;
}

const NEW_DRAFT: TriageDraft = { page: 0, answers: {}, age: undefined, outcome: null };

/** The help-me-choose answers (kept in the page's draft), this page's errors, and the call to the triage API. */
export function useTriageDraft(draft: TriageDraft | null, onDraft: Dispatch<SetStateAction<TriageDraft | null>>) {
  const { page, answers, age, outcome } = draft ?? NEW_DRAFT;
  const update = (change: (d: TriageDraft) => Partial<TriageDraft>) =>
    onDraft((d) => ({ ...(d ?? NEW_DRAFT), ...change(d ?? NEW_DRAFT) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const step = TRIAGE_STEPS[page]!;
  const shown = step.items.filter((item) => isItemEnabled(item, answers));

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

  const setAge = (v: AnswerValue | undefined) => {
    update(() => ({ age: typeof v === "number" && Number.isFinite(v) ? v : undefined }));
    setErrors(({ [AGE_ITEM.linkId]: _, ...rest }) => rest);
  };

  /** Checks this page; shows and returns the errors found. */
  const check = (): Record<string, string> => {
    const found = triagePageErrors(step.id, shown, answers, age);
    setErrors(found);
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

  return {
    page,
    answers,
    age,
    outcome,
    step,
    shown,
    errors,
    busy,
    failure,
    update,
    setAnswer,
    setAge,
    check,
    runTriage,
  };
}

export type TriageState = ReturnType<typeof useTriageDraft>;
