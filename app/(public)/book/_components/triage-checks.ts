// What each help-me-choose page asks beside the questionnaire, and what its answers must satisfy. Pure, so tested alone.
import { integer, type AnswerValue, type QuestionItem, type RawAnswers } from "@/lib/intake/questionnaire-types";

// The safety questions decide whether booking online is allowed at all, so triage runs as soon
// as they are answered: nobody with an emergency answer is asked about their goals first.
export const CHECK_AFTER = new Set(["safety"]);

// Age is not a questionnaire answer: the triage API takes it beside the answers (shared/spec/api.md), and a
// booking takes it from the date of birth. Optional, and asked where the diagnosis is: over 50 without one
// is worth a doctor's check too (shared/spec/intake.md).
export const AGE_STEP = "history";
export const AGE_ITEM = integer(
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

/** What is wrong with a page's answers, by question (linkId); empty when the patient may go on. */
export function triagePageErrors(
  stepId: string,
  shown: readonly QuestionItem[],
  answers: RawAnswers,
  age: number | undefined,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const item of shown) {
    const v = answers[item.linkId];
    if (item.type === "boolean" && item.mustBeTrue && v !== true)
      found[item.linkId] = "Please agree so we can ask about your health, or choose a service yourself.";
    else if (item.required && missing(v))
      found[item.linkId] = item.type === "integer" ? "Enter a number" : "Choose an answer";
    else if (item.type === "integer" && typeof v === "number" && (!Number.isInteger(v) || v < item.min || v > item.max))
      found[item.linkId] = `Enter a whole number from ${item.min} to ${item.max}`;
  }
  if (stepId === AGE_STEP && age !== undefined && (!Number.isInteger(age) || age < AGE_ITEM.min || age > AGE_ITEM.max))
    found[AGE_ITEM.linkId] = "Enter your age in whole years, for example 42, or leave it blank";
  return found;
}
