// Shape of a patient story: answers as a patient would give them, and what the
// clinic expects triage to say. Expectations are written by hand, never computed.
import type { Answers } from "./questionnaire";
import type { FlagCode } from "./red-flags";
import type { Route, ServiceSlug, Urgency } from "./triage";

export interface PatientStory {
  id: string;
  /** Who the patient is and what happened, in a sentence or two. */
  story: string;
  answers: Answers;
  age?: number;
  expected: {
    route: Route;
    urgency: Urgency;
    service: ServiceSlug | null;
    /** In the spec's table order, which is the order triage returns them. */
    flags: readonly FlagCode[];
    alsoSeeGp: boolean;
  };
}

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
