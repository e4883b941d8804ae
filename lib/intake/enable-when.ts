// Which questions are shown, given the answers so far. The form, the server and
// triage all use these, so a hidden question can never count in one and not the other.
import { ITEMS, type Answers, type StepId, STEPS } from "./questionnaire";
import type { EnableWhen, QuestionItem } from "./questionnaire-types";

type AnyAnswers = Readonly<Record<string, unknown>>;

export interface EnableOptions {
  /**
   * What a condition on an unanswered question means. "disable" is FHIR's rule and the form's:
   * the question stays hidden until the earlier one is answered. "keep" is for the triage API,
   * which decides on what it is given: only an answer that rules a question out hides it.
   */
  unansweredCondition?: "disable" | "keep";
}

function isAnswered(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

function conditionHolds(condition: EnableWhen, answers: AnyAnswers): boolean {
  const value = answers[condition.question];
  // For a many-answer question, the condition holds when any one answer matches (FHIR's rule).
  return Array.isArray(value) ? value.includes(condition.answer) : value === condition.answer;
}

/** Whether `item` is shown, judged on `answers` as they stand. */
export function isItemEnabled(item: QuestionItem, answers: AnyAnswers, options: EnableOptions = {}): boolean {
  const conditions = item.enableWhen ?? [];
  if (conditions.length === 0) return true;
  const keepUnanswered = options.unansweredCondition === "keep";
  const results = conditions.map(
    (c) => (keepUnanswered && !isAnswered(answers[c.question])) || conditionHolds(c, answers),
  );
  return item.enableBehavior === "any" ? results.some(Boolean) : results.every(Boolean);
}

/**
 * Drops answers to questions that are not shown. Walks the questions in form order,
 * judging each on the answers already kept, so a question hidden behind a hidden
 * question is dropped too. Unknown keys are dropped: validate before pruning.
 */
export function pruneDisabledAnswers(answers: Answers, options: EnableOptions = {}): Answers {
  const kept: Record<string, unknown> = {};
  for (const item of ITEMS) {
    const value = (answers as AnyAnswers)[item.linkId];
    if (value === undefined) continue;
    if (isItemEnabled(item, kept, options)) kept[item.linkId] = value;
  }
  return kept as Answers;
}

/** The questions of a step that are shown now; a step with none (the knee step, for a buttock problem) is skipped. */
export function enabledItemsOfStep(stepId: StepId, answers: AnyAnswers): readonly QuestionItem[] {
  const step = STEPS.find((s) => s.id === stepId);
  if (!step) return [];
  return step.items.filter((item: QuestionItem) => isItemEnabled(item, answers));
}

export function isStepEnabled(stepId: StepId, answers: AnyAnswers): boolean {
  return enabledItemsOfStep(stepId, answers).length > 0;
}
