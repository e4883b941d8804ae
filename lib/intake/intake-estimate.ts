// "It takes about N minutes": the time left, in proportion to the questions still to answer.
import { enabledItemsOfStep, isStepEnabled } from "./enable-when";
import { STEPS } from "./questionnaire";

/** A blank form takes about this long (timed by hand on a phone). */
const BLANK_FORM_MINUTES = 10;

const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

function questionsLeft(answers: Readonly<Record<string, unknown>>): number {
  let left = 0;
  for (const step of STEPS) {
    if (!isStepEnabled(step.id, answers)) continue;
    for (const item of enabledItemsOfStep(step.id, answers)) if (isEmpty(answers[item.linkId])) left++;
  }
  return left;
}

const BLANK = questionsLeft({});

/** Whole minutes, at least 1: what is already answered (in help-me-choose, or a saved draft) is not counted. */
export function minutesToFinish(answers: Readonly<Record<string, unknown>>): number {
  return Math.max(1, Math.ceil((BLANK_FORM_MINUTES * questionsLeft(answers)) / BLANK));
}
