// Words and tones for codes shown on the practitioner's and admin's screens. Pure, safe in client components.
import type { FlagTier } from "@/lib/intake/red-flags";
import { STATUS_LABEL as APPOINTMENT_STATUS_LABEL } from "../calendar/_components/calendar-labels";

// One word for each route and intake state, whichever role is looking.
export { INTAKE_LABEL, ROUTE_LABEL } from "../calendar/_components/calendar-labels";

export const URGENCY_LABEL: Record<string, string> = {
  routine: "Routine",
  "within-72h": "Within 72 hours",
  today: "Today",
  now: "Now",
};

export const TIER_LABEL: Record<FlagTier, string> = {
  emergency: "Emergency",
  urgent: "Urgent",
  soon: "Soon",
  gp: "GP review",
  note: "Note",
};

/** Emergency and urgent flags are red, soon and GP amber, notes blue. */
export function tierTone(tier: FlagTier | null): "danger" | "warn" | "info" | "neutral" {
  if (tier === "emergency" || tier === "urgent") return "danger";
  if (tier === "soon" || tier === "gp") return "warn";
  return tier === "note" ? "info" : "neutral";
}

/** The calendar's words, looked up by any status string (the intake DTO does not narrow it). */
export const STATUS_LABEL: Record<string, string> = APPOINTMENT_STATUS_LABEL;

export const yesNo = (v: boolean | null | undefined) => (v === true ? "Yes" : v === false ? "No" : "Not answered");
