// Shape of a patient story: answers as a patient would give them, and what the
// clinic expects triage to say. Expectations are written by hand, never computed.
import type { Answers } from "../questionnaire";
import type { FlagCode } from "../red-flags";
import type { Route, ServiceSlug, Urgency } from "../triage";

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
