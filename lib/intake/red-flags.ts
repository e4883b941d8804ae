// Red flags from shared/spec/intake.md. Pure: answers (and age) in, flags out,
// in the order of the spec's table, which is also most severe first.
import type { Answers } from "./questionnaire";

/** Most severe first; the order is used to sort flags for staff. */
export const FLAG_TIERS = ["emergency", "urgent", "soon", "gp", "note"] as const;
export type FlagTier = (typeof FLAG_TIERS)[number];

export const FLAG_CODES = [
  "cauda-equina",
  "possible-clot-in-lung",
  "possible-dvt",
  "infection",
  "cannot-weight-bear",
  "possible-tendon-tear",
  "serious-history",
  "possible-stress-fracture",
  "possible-back-referral",
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export interface TriageFlag {
  readonly code: FlagCode;
  readonly tier: FlagTier;
  /** Plain words for the patient. */
  readonly message: string;
}

export const FLAG_TIER_OF: Readonly<Record<FlagCode, FlagTier>> = {
  "cauda-equina": "emergency",
  "possible-clot-in-lung": "emergency",
  "possible-dvt": "urgent",
  infection: "urgent",
  "cannot-weight-bear": "urgent",
  "possible-tendon-tear": "soon",
  "serious-history": "gp",
  "possible-stress-fracture": "note",
  "possible-back-referral": "note",
};

/** What the practitioner should do about each flag (staff screens only). */
export const STAFF_ALERTS: Readonly<Record<FlagCode, string>> = {
  "cauda-equina": "Possible cauda equina syndrome: patient told to call 000 or attend ED now.",
  "possible-clot-in-lung":
    "Calf signs with chest pain or breathlessness: possible pulmonary embolism; patient told to call 000 or attend ED now.",
  "possible-dvt":
    "Calf swelling, heat or redness with clot risk present or unknown: possible DVT; patient told to see a GP or urgent care today.",
  infection: "Fever, chills or unwell: possible infection; patient told to see a GP or urgent care today.",
  "cannot-weight-bear":
    "Unable to take four steps since an injury in the last 7 days: exclude fracture; patient told to see a GP or urgent care today.",
  "possible-tendon-tear":
    "Sudden onset with a pop or bruising: possible proximal hamstring avulsion. Consider imaging and orthopaedic opinion.",
  "serious-history":
    "Serious pathology screen positive (cancer history, unexplained weight loss, constant or night pain, or over 50 without a diagnosis): GP review advised; not for online-first care.",
  "possible-stress-fracture": "Buttock pain after a training increase, with night pain: consider a stress fracture.",
  "possible-back-referral":
    "Back pain with pins and needles or pain below the knee: assess the lumbar spine for referred pain.",
};

const EMERGENCY_ACTION =
  "Please call 000 or go to the nearest emergency department now. Don't wait for a physio appointment.";
const URGENT_ACTION = "Please see a GP or an urgent care clinic today, before booking with us.";

/** Joins phrases as "a, b and c". */
export function joinPlain(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

export interface FlagContext {
  readonly age?: number | undefined;
}

/** All the flags the answers raise. A yes/no not answered counts as no, except rf-clot-risk. */
export function detectFlags(answers: Answers, context: FlagContext = {}): TriageFlag[] {
  const yes = (id: keyof Answers) => answers[id] === true;
  const flags: TriageFlag[] = [];
  const add = (code: FlagCode, message: string) => flags.push({ code, tier: FLAG_TIER_OF[code], message });

  if (yes("rf-saddle-numbness") || yes("rf-bladder-bowel") || yes("rf-both-legs-weakness"))
    add(
      "cauda-equina",
      `Numbness around the groin or back passage, new bladder or bowel trouble, or weakness in both legs can mean the nerves at the base of the spine are being squeezed. ${EMERGENCY_ACTION}`,
    );
  if (yes("rf-calf-swelling") && yes("rf-chest"))
    add(
      "possible-clot-in-lung",
      `A swollen calf together with chest pain or breathlessness can mean a blood clot in the lungs. ${EMERGENCY_ACTION}`,
    );

  // Not knowing whether there is a clot risk is treated as a risk: the cost of missing a clot is too high.
  if (yes("rf-calf-swelling") && answers["rf-clot-risk"] !== false && !yes("rf-chest"))
    add(
      "possible-dvt",
      `Swelling, heat or redness in the calf or behind the knee can be a sign of a blood clot in the leg. ${URGENT_ACTION}`,
    );
  if (yes("rf-fever"))
    add("infection", `A fever, chills or feeling unwell with this pain can be a sign of infection. ${URGENT_ACTION}`);
  if (yes("rf-cannot-weight-bear"))
    add(
      "cannot-weight-bear",
      `Not being able to take four steps since a recent injury can mean a broken bone or another serious injury. ${URGENT_ACTION}`,
    );

  if (answers.onset === "sudden" && (yes("pop") || yes("bruising")))
    add(
      "possible-tendon-tear",
      "A sudden pop or bruising can mean the tendon has torn away from the bone. Some tears heal best with early treatment, so we'd like to see you within 3 days.",
    );

  const serious = [
    yes("rf-cancer-history") ? "you have had cancer" : null,
    yes("rf-weight-loss") ? "you have lost weight without trying" : null,
    yes("rf-night-pain") ? "your pain is constant or there at night with no position that eases it" : null,
    context.age !== undefined && context.age > 50 && !yes("diagnosed")
      ? "you are over 50 and haven't had a diagnosis yet"
      : null,
  ].filter((s): s is string => s !== null);
  if (serious.length > 0)
    add(
      "serious-history",
      `Because ${joinPlain(serious)}, please also see your GP so they can check for other causes. You can still book with us.`,
    );

  if (answers.region === "buttock" && yes("training-change") && yes("rf-night-pain"))
    add(
      "possible-stress-fracture",
      "Buttock pain after a jump in training, with pain at night, can now and then be a small stress fracture. Your physiotherapist will check for this.",
    );
  const radiates = answers.radiates ?? [];
  if (yes("back-pain") && (yes("pins-needles") || radiates.includes("below-knee") || radiates.includes("foot")))
    add(
      "possible-back-referral",
      "Low back pain with pins and needles, or pain that spreads below the knee, can come from your back. A sports physiotherapist will check your back as well.",
    );

  return flags;
}

export function tierRank(tier: FlagTier): number {
  return FLAG_TIERS.indexOf(tier);
}

/** Most severe first; flags of the same tier keep the spec's order. */
export function sortFlags<F extends { code: FlagCode; tier: FlagTier }>(flags: readonly F[]): F[] {
  return [...flags].sort(
    (a, b) => tierRank(a.tier) - tierRank(b.tier) || FLAG_CODES.indexOf(a.code) - FLAG_CODES.indexOf(b.code),
  );
}
