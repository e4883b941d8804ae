// Pure helpers between the form's raw values and answers the server accepts.
import { detectFlags, type TriageFlag } from "@/lib/intake/red-flags";
import { pruneDisabledAnswers } from "@/lib/intake/enable-when";
import { findItem, type Answers } from "@/lib/intake/questionnaire";
import type { QuestionItem } from "@/lib/intake/questionnaire-types";
import { answerValueSchema } from "@/lib/intake/schemas";

export type FormValues = Record<string, unknown>;

const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * The answers worth saving as a draft: known questions with a valid value. A half-typed
 * number stays in the form (with its error) but is not sent, so autosave never fails on it.
 */
export function answersForSave(values: FormValues): Answers {
  const out: Record<string, unknown> = {};
  for (const [linkId, value] of Object.entries(values)) {
    const item = findItem(linkId);
    if (!item || isEmpty(value)) continue;
    const parsed = answerValueSchema(item).safeParse(value);
    if (parsed.success && !isEmpty(parsed.data)) out[linkId] = parsed.data;
  }
  return out as Answers;
}

/** Flags the answers raise right now, judged as the server will judge them (hidden questions ignored). */
export function liveFlags(values: FormValues): TriageFlag[] {
  return detectFlags(pruneDisabledAnswers(answersForSave(values)));
}

/** An answer in words, for the review screen. */
export function displayAnswer(item: QuestionItem, value: unknown): string | null {
  if (isEmpty(value)) return null;
  switch (item.type) {
    case "boolean":
      return item.mustBeTrue ? (value === true ? "I agree" : null) : value === true ? "Yes" : "No";
    case "choice":
      return item.options.find((o) => o.code === value)?.display ?? String(value);
    case "multi-choice":
      return (Array.isArray(value) ? value : [value])
        .map((c) => item.options.find((o) => o.code === c)?.display ?? String(c))
        .join("; ");
    case "integer":
      return item.unit ? `${String(value)} ${item.unit}` : String(value);
    case "string":
      return String(value);
  }
}

// The three activity scores share one question; naming the activity tells them apart, on screen and to screen readers.
export function labelFor(linkId: string, text: string, values: FormValues): string {
  const m = /^function-(\d)-score$/.exec(linkId);
  const activity = m ? values[`function-${m[1]}`] : undefined;
  return typeof activity === "string" && activity.trim() !== ""
    ? `How well can you do “${activity.trim()}” now, from 0 to 10?`
    : text;
}
