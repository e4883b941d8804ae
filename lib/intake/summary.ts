// The one screen a practitioner reads before the visit. Plain JSON, so the staff API
// can return it as is and the page only lays it out.
import { pruneDisabledAnswers } from "./enable-when";
import { findItem, QUESTIONNAIRE_VERSION, type Answers } from "./questionnaire";
import { sortFlags, STAFF_ALERTS, type FlagCode, type FlagTier } from "./red-flags";
import { findRiskFactors, type BodyMeasures, type RiskFactors } from "./risk-factors";
import { triage, type Route, type Urgency, type ServiceSlug } from "./triage";

export interface Coded {
  code: string;
  label: string;
}

export interface FunctionScore {
  slot: 1 | 2 | 3;
  activity: string | null;
  score: number | null;
}

export interface ScoreChange {
  before: number | null;
  now: number | null;
  /** now − before; null when either is missing. Lower pain and higher function are better. */
  change: number | null;
}

export interface IntakeSummary {
  questionnaireVersion: string;
  rulesVersion: string;
  flags: { code: FlagCode; tier: FlagTier; message: string; staffAlert: string }[];
  triage: { route: Route; urgency: Urgency; service: ServiceSlug | null; reasons: string[]; alsoSeeGp: boolean };
  region: Coded | null;
  side: Coded | null;
  onset: {
    how: Coded | null;
    pop: boolean | null;
    bruising: boolean | null;
    weeks: number | null;
    course: Coded | null;
  };
  pain: { now: number | null; worst: number | null };
  aggravators: { found: Coded[]; pointsToTendinopathy: boolean; note: string | null };
  radiation: { to: Coded[]; backPain: boolean | null; pinsNeedles: boolean | null };
  knee: { lump: boolean | null; locking: boolean | null; twistingInjury: boolean | null } | null;
  history: {
    diagnosed: boolean | null;
    diagnosedBy: Coded | null;
    treatments: Coded[];
    treatmentResult: Coded | null;
    trainingChange: boolean | null;
  };
  body: BodyMeasures;
  riskFactors: RiskFactors;
  goals: { goal: Coded | null; sport: string | null; functionScores: FunctionScore[]; functionMean: number | null };
  sincePrevious: {
    submittedAt: string;
    painNow: ScoreChange;
    painWorst: ScoreChange;
    functionScores: (ScoreChange & {
      slot: 1 | 2 | 3;
      activityBefore: string | null;
      activityNow: string | null;
      sameActivity: boolean;
    })[];
    functionMean: ScoreChange;
  } | null;
}

export interface SummaryOptions {
  age?: number | undefined;
  previous?: { answers: Answers; submittedAt: string } | undefined;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function coded(linkId: string, value: unknown): Coded | null {
  const item = findItem(linkId);
  if (typeof value !== "string" || !item || (item.type !== "choice" && item.type !== "multi-choice")) return null;
  return { code: value, label: item.options.find((o) => o.code === value)?.display ?? value };
}

function codedList(linkId: string, value: readonly string[] | undefined): Coded[] {
  return (value ?? []).map((v) => coded(linkId, v)).filter((c): c is Coded => c !== null);
}

const bool = (v: boolean | undefined) => v ?? null;

function functionScores(a: Answers): FunctionScore[] {
  return ([1, 2, 3] as const)
    .map((slot) => ({ slot, activity: a[`function-${slot}`] ?? null, score: a[`function-${slot}-score`] ?? null }))
    .filter((f) => f.activity !== null || f.score !== null);
}

/** Mean of the scores given, to one decimal; null when there are none. */
export function functionMean(scores: readonly FunctionScore[]): number | null {
  const given = scores.map((s) => s.score).filter((s): s is number => s !== null);
  return given.length === 0 ? null : round1(given.reduce((x, y) => x + y, 0) / given.length);
}

function change(before: number | null | undefined, now: number | null | undefined): ScoreChange {
  const b = before ?? null;
  const n = now ?? null;
  return { before: b, now: n, change: b === null || n === null ? null : round1(n - b) };
}

function sincePrevious(
  now: Answers,
  nowScores: FunctionScore[],
  previous: SummaryOptions["previous"],
): IntakeSummary["sincePrevious"] {
  if (!previous) return null;
  const before = pruneDisabledAnswers(previous.answers, { unansweredCondition: "keep" });
  const beforeScores = functionScores(before);
  const slots = ([1, 2, 3] as const).filter((slot) => [...nowScores, ...beforeScores].some((f) => f.slot === slot));
  return {
    submittedAt: previous.submittedAt,
    painNow: change(before["pain-now"], now["pain-now"]),
    painWorst: change(before["pain-worst"], now["pain-worst"]),
    functionScores: slots.map((slot) => {
      const b = beforeScores.find((f) => f.slot === slot);
      const n = nowScores.find((f) => f.slot === slot);
      const activityBefore = b?.activity ?? null;
      const activityNow = n?.activity ?? null;
      // Scores are compared by slot; staff should know when the patient named a different activity.
      const sameActivity =
        activityBefore !== null && activityBefore.trim().toLowerCase() === activityNow?.trim().toLowerCase();
      return { slot, ...change(b?.score, n?.score), activityBefore, activityNow, sameActivity };
    }),
    functionMean: change(functionMean(beforeScores), functionMean(nowScores)),
  };
}

export function summarizeIntake(answers: Answers, options: SummaryOptions = {}): IntakeSummary {
  // The same pruning as triage, so the route shown here is the route the patient was given.
  const a = pruneDisabledAnswers(answers, { unansweredCondition: "keep" });
  const result = triage(a, { age: options.age });
  const aggravators = codedList("aggravators", a.aggravators);
  const tendinopathyCues = aggravators.filter((c) => c.code === "sitting" || c.code === "bending");
  const scores = functionScores(a);
  const { body, riskFactors } = findRiskFactors(a, options.age);

  return {
    questionnaireVersion: QUESTIONNAIRE_VERSION,
    rulesVersion: result.rulesVersion,
    flags: sortFlags(result.flags).map((f) => ({ ...f, staffAlert: STAFF_ALERTS[f.code] })),
    triage: {
      route: result.route,
      urgency: result.urgency,
      service: result.service,
      reasons: result.reasons,
      alsoSeeGp: result.alsoSeeGp,
    },
    region: coded("region", a.region),
    side: coded("side", a.side),
    onset: {
      how: coded("onset", a.onset),
      pop: bool(a.pop),
      bruising: bool(a.bruising),
      weeks: a.weeks ?? null,
      course: coded("course", a.course),
    },
    pain: { now: a["pain-now"] ?? null, worst: a["pain-worst"] ?? null },
    aggravators: {
      found: aggravators,
      pointsToTendinopathy: tendinopathyCues.length > 0,
      note:
        tendinopathyCues.length > 0
          ? `Worse with ${tendinopathyCues.map((c) => c.code).join(" and ")}: points to proximal hamstring tendinopathy.`
          : null,
    },
    radiation: {
      to: codedList("radiates", a.radiates),
      backPain: bool(a["back-pain"]),
      pinsNeedles: bool(a["pins-needles"]),
    },
    knee:
      a.region === "back-of-knee"
        ? { lump: bool(a["knee-lump"]), locking: bool(a["knee-locking"]), twistingInjury: bool(a["twisting-injury"]) }
        : null,
    history: {
      diagnosed: bool(a.diagnosed),
      diagnosedBy: coded("diagnosed-by", a["diagnosed-by"]),
      treatments: codedList("treatments", a.treatments),
      treatmentResult: coded("treatment-result", a["treatment-result"]),
      trainingChange: bool(a["training-change"]),
    },
    body,
    riskFactors,
    goals: {
      goal: coded("goal", a.goal),
      sport: a.sport ?? null,
      functionScores: scores,
      functionMean: functionMean(scores),
    },
    sincePrevious: sincePrevious(a, scores, options.previous),
  };
}

// Notes only change what the practitioner checks; every other tier changes what happens before the visit.
const CALL_TIERS: ReadonlySet<FlagTier> = new Set(["emergency", "urgent", "soon", "gp"]);

/** Reception's "needs a call" mark on the appointment. */
export function needsCall(result: { readonly flags: readonly { readonly tier: FlagTier }[] }): boolean {
  return result.flags.some((f) => CALL_TIERS.has(f.tier));
}
