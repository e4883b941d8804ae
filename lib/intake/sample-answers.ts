// A whole, valid intake for tests and demo data: a runner with deep buttock pain worse sitting.
// Every required question is answered and nothing raises a flag, so a test changes only what it is about.
import type { Answers } from "./questionnaire";

/** Every safety question answered no; rf-clot-risk is only asked after calf swelling. */
export const NO_RED_FLAGS = {
  "rf-saddle-numbness": false,
  "rf-bladder-bowel": false,
  "rf-both-legs-weakness": false,
  "rf-calf-swelling": false,
  "rf-chest": false,
  "rf-fever": false,
  "rf-cannot-weight-bear": false,
  "rf-cancer-history": false,
  "rf-weight-loss": false,
  "rf-night-pain": false,
} as const satisfies Answers;

/** Nothing about the back or nerves. */
export const QUIET_BACK = { "back-pain": false, "pins-needles": false } as const satisfies Answers;

export const RUNNER_ANSWERS = {
  consent: true,
  region: "buttock",
  side: "right",
  onset: "gradual",
  weeks: 8,
  course: "same",
  "pain-now": 4,
  "pain-worst": 7,
  aggravators: ["running", "sitting"],
  radiates: ["none"],
  ...QUIET_BACK,
  diagnosed: true,
  "diagnosed-by": "physio",
  treatments: ["exercise-program"],
  "treatment-result": "helped",
  "training-change": false,
  goal: "return-to-sport",
  sport: "Running",
  "function-1": "Run 5 km",
  "function-1-score": 3,
  "risk-strength-imbalance": "unsure",
  "risk-flexibility": "yes",
  "risk-core": "no",
  "risk-pelvis": "no",
  "risk-leg-length": "no",
  ...NO_RED_FLAGS,
  "prefer-online": false,
} as const satisfies Answers;

export function completeAnswers(over: Answers = {}): Answers {
  return {
    ...RUNNER_ANSWERS,
    aggravators: [...RUNNER_ANSWERS.aggravators],
    radiates: [...RUNNER_ANSWERS.radiates],
    treatments: [...RUNNER_ANSWERS.treatments],
    ...over,
  };
}
