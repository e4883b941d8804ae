// Routing from shared/spec/intake.md: the first row that matches wins. Pure and
// versioned, so a stored result can say which rules produced it.
import { pruneDisabledAnswers } from "./enable-when";
import type { Answers } from "./questionnaire";
import { detectFlags, type FlagCode, type FlagContext, type FlagTier, type TriageFlag } from "./red-flags";

/** Bump whenever a rule, threshold or message below changes. */
export const TRIAGE_RULES_VERSION = "1.0.0";

export const ROUTES = ["emergency", "urgent-care", "sports-physio", "exercise-physiology", "online-rehab"] as const;
export type Route = (typeof ROUTES)[number];
export const URGENCIES = ["routine", "within-72h", "today", "now"] as const;
export type Urgency = (typeof URGENCIES)[number];
export type ServiceSlug = "physio-initial" | "ep-initial" | "online-rehab-initial";

/** The service the booking page pre-selects; none where the patient must not book. */
export const SERVICE_FOR_ROUTE: Readonly<Record<Route, ServiceSlug | null>> = {
  emergency: null,
  "urgent-care": null,
  "sports-physio": "physio-initial",
  "exercise-physiology": "ep-initial",
  "online-rehab": "online-rehab-initial",
};

export interface TriageResult {
  route: Route;
  urgency: Urgency;
  service: ServiceSlug | null;
  flags: TriageFlag[];
  /** Plain words for the patient, one per decision. */
  reasons: string[];
  alsoSeeGp: boolean;
  rulesVersion: string;
}

export type TriageContext = FlagContext;

const SEE_PHYSIO = "a sports physiotherapist will assess you first";

function decide(a: Answers, flags: readonly TriageFlag[]): { route: Route; urgency: Urgency; reasons: string[] } {
  const has = (code: FlagCode) => flags.some((f) => f.code === code);
  const hasTier = (tier: FlagTier) => flags.some((f) => f.tier === tier);

  // Rows 1 and 2: online booking stops.
  if (hasTier("emergency"))
    return {
      route: "emergency",
      urgency: "now",
      reasons: [
        "Some of your answers are warning signs that need emergency care, so please don't book online: call 000 or go to the nearest emergency department now.",
      ],
    };
  if (hasTier("urgent")) {
    const reasons = [
      "Some of your answers mean a doctor should check you today, so please see a GP or an urgent care clinic today rather than booking online.",
    ];
    if (has("possible-dvt") && a["rf-clot-risk"] === undefined)
      reasons.push("You didn't tell us whether anything raises your chance of a blood clot, so we are being careful.");
    return { route: "urgent-care", urgency: "today", reasons };
  }
  // Row 3.
  if (has("possible-tendon-tear"))
    return {
      route: "sports-physio",
      urgency: "within-72h",
      reasons: [
        "A sudden pop or bruising can mean a torn tendon, so a sports physiotherapist should see you within 3 days.",
      ],
    };

  // Row 4. A number not answered matches neither "under 6" nor "12 or more".
  const weeks = a.weeks;
  const row4 = [
    has("possible-back-referral")
      ? "Your back may be part of the problem, so a sports physiotherapist will check it."
      : null,
    has("possible-stress-fracture") ? `Your answers need a check for a stress fracture, so ${SEE_PHYSIO}.` : null,
    a.diagnosed !== true ? `You have not had a diagnosis yet, so ${SEE_PHYSIO}.` : null,
    weeks !== undefined && weeks < 6 ? `This started less than 6 weeks ago, so ${SEE_PHYSIO}.` : null,
    a.course === "worse" ? `It is getting worse, so ${SEE_PHYSIO}.` : null,
  ].filter((r): r is string => r !== null);
  if (row4.length > 0) return { route: "sports-physio", urgency: "routine", reasons: row4 };

  // Rows 5 and 6 share their conditions; online needs the patient's wish, their set-up and no GP flag.
  // short sentences, one fact each: easier to read on a phone than one long sentence
  const longRehab = [
    a.course === "same" ? "It has stopped getting better." : null,
    a["treatment-result"] === "plateaued" ? "Treatment helped at first, then stopped helping." : null,
    a["treatment-result"] === "no-help" ? "Treatment so far hasn't helped." : null,
    a.goal === "return-to-sport" ? "You want to get back to your sport." : null,
  ].filter((r): r is string => r !== null);
  if (weeks !== undefined && weeks >= 12 && longRehab.length > 0) {
    const reasons = [
      [
        "You have a diagnosis and it has lasted 12 weeks or more.",
        ...longRehab,
        "A structured exercise program with an exercise physiologist suits you best.",
      ].join(" "),
    ];
    const wantsOnline = a["prefer-online"] === true;
    if (wantsOnline && a["online-suitable"] === true && !hasTier("gp")) {
      reasons.push(
        "You'd like online rehab and have the space, a camera and feel safe exercising alone, so you can do it by video from home.",
      );
      return { route: "online-rehab", urgency: "routine", reasons };
    }
    if (wantsOnline && hasTier("gp"))
      reasons.push(
        "Because your GP should check a few things too, we'd like to see you in person first rather than online.",
      );
    else if (wantsOnline)
      reasons.push(
        "Online rehab needs a private space, a camera and feeling safe exercising alone, so we suggest starting in the clinic.",
      );
    return { route: "exercise-physiology", urgency: "routine", reasons };
  }

  // Row 7.
  const why =
    weeks === undefined
      ? "You didn't tell us how long you've had this, so a sports physiotherapist will assess you and plan your care."
      : weeks < 12
        ? "You have a diagnosis and this started 6 to 11 weeks ago, so a sports physiotherapist will guide your recovery."
        : "You have a diagnosis and your answers don't point to a longer exercise program, so a sports physiotherapist will guide the next steps.";
  return { route: "sports-physio", urgency: "routine", reasons: [why] };
}

/**
 * Suggests where to book, how soon, and why. Decides on what it is given: an
 * answer is ignored only when another answer rules its question out.
 */
export function triage(answers: Answers, context: TriageContext = {}): TriageResult {
  const a = pruneDisabledAnswers(answers, { unansweredCondition: "keep" });
  const flags = detectFlags(a, context);
  const { route, urgency, reasons } = decide(a, flags);
  const alsoSeeGp = flags.some((f) => f.tier === "gp");
  if (alsoSeeGp && route !== "emergency" && route !== "urgent-care")
    reasons.push("Some of your answers mean your GP should also check you. You can still book with us.");
  return {
    route,
    urgency,
    service: SERVICE_FOR_ROUTE[route],
    flags,
    reasons,
    alsoSeeGp,
    rulesVersion: TRIAGE_RULES_VERSION,
  };
}

export type { TriageFlag, FlagCode, FlagTier } from "./red-flags";
