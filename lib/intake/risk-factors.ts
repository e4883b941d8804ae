// Risk factors for proximal hamstring tendinopathy from the clinic's seed material,
// found in the answers, with body mass index and age worked out for the practitioner.
import type { Answers } from "./questionnaire";

export const RISK_FACTOR_LABELS = {
  "strength-imbalance": "Strength imbalance between hamstrings and quadriceps",
  "reduced-flexibility": "Reduced flexibility",
  "female-sex": "Female sex",
  "older-age": "Older age",
  overweight: "Overweight",
  "core-weakness": "Core weakness",
  "pelvic-dysfunction": "Pelvic dysfunction",
  "leg-length-difference": "Leg length difference",
} as const;
export type RiskFactorCode = keyof typeof RISK_FACTOR_LABELS;

export interface RiskFactor {
  code: RiskFactorCode;
  label: string;
  detail: string | null;
}

export interface RiskFactors {
  /** Present by the patient's answers, age or measurements. */
  found: RiskFactor[];
  /** The patient answered "not sure": worth checking at the assessment. */
  toCheck: RiskFactor[];
}

export interface BodyMeasures {
  age: number | null;
  heightCm: number | null;
  weightKg: number | null;
  /** kg/m², rounded to one decimal; null without both height and weight. */
  bmi: number | null;
}

/** Over 50, the same line the spec draws for the GP flag. */
export const OLDER_AGE_OVER = 50;
/** WHO adult cut-off, applied to the rounded figure staff see. */
export const OVERWEIGHT_BMI_FROM = 25;

export function bodyMassIndex(heightCm: number | undefined, weightKg: number | undefined): number | null {
  if (heightCm === undefined || weightKg === undefined || heightCm <= 0) return null;
  const metres = heightCm / 100;
  return Math.round((weightKg / (metres * metres)) * 10) / 10;
}

const SELF_REPORTED = [
  ["risk-strength-imbalance", "strength-imbalance"],
  ["risk-flexibility", "reduced-flexibility"],
  ["risk-core", "core-weakness"],
  ["risk-pelvis", "pelvic-dysfunction"],
  ["risk-leg-length", "leg-length-difference"],
] as const;

const factor = (code: RiskFactorCode, detail: string | null = null): RiskFactor => ({
  code,
  label: RISK_FACTOR_LABELS[code],
  detail,
});

export function findRiskFactors(a: Answers, age: number | undefined): { body: BodyMeasures; riskFactors: RiskFactors } {
  const bmi = bodyMassIndex(a["height-cm"], a["weight-kg"]);
  const body: BodyMeasures = {
    age: age ?? null,
    heightCm: a["height-cm"] ?? null,
    weightKg: a["weight-kg"] ?? null,
    bmi,
  };
  const found: RiskFactor[] = [];
  const toCheck: RiskFactor[] = [];

  for (const [linkId, code] of SELF_REPORTED) {
    if (a[linkId] === "yes") found.push(factor(code, "Reported by the patient"));
    else if (a[linkId] === "unsure") toCheck.push(factor(code, "Patient not sure"));
  }
  if (a.sex === "female") found.push(factor("female-sex"));
  if (age !== undefined && age > OLDER_AGE_OVER) found.push(factor("older-age", `Age ${age}`));
  if (bmi !== null && bmi >= OVERWEIGHT_BMI_FROM) found.push(factor("overweight", `BMI ${bmi.toFixed(1)}`));

  // Keep the seed list's order, so the screen reads the same for every patient.
  const order = Object.keys(RISK_FACTOR_LABELS);
  const byOrder = (x: RiskFactor, y: RiskFactor) => order.indexOf(x.code) - order.indexOf(y.code);
  return { body, riskFactors: { found: found.sort(byOrder), toCheck: toCheck.sort(byOrder) } };
}
