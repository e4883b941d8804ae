// What a patient is told after sending the form: only their own result, in plain words.
// Pure, so the page can show it again from a stored summary.
import type { FlagCode, FlagTier } from "./red-flags";
import type { IntakeSummary } from "./summary";
import type { Route, Urgency } from "./triage";

export interface IntakeOutcome {
  route: Route;
  urgency: Urgency;
  /** The patient-facing message of each flag; staff alerts stay on the staff side. */
  flags: { tier: FlagTier; code: FlagCode; message: string }[];
  emergency: boolean;
  alsoSeeGp: boolean;
}

export function toIntakeOutcome(summary: Pick<IntakeSummary, "triage" | "flags">): IntakeOutcome {
  return {
    route: summary.triage.route,
    urgency: summary.triage.urgency,
    flags: summary.flags.map(({ tier, code, message }) => ({ tier, code, message })),
    emergency: summary.triage.route === "emergency",
    alsoSeeGp: summary.triage.alsoSeeGp,
  };
}
