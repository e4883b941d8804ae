import { describe, expect, it } from "vitest";
import type { Answers } from "./questionnaire";
import { bodyMassIndex, findRiskFactors } from "./risk-factors";

const codesFound = (a: Answers, age?: number) => findRiskFactors(a, age).riskFactors.found.map((f) => f.code);

describe("bodyMassIndex", () => {
  it.each([
    [180, 81, 25],
    [168, 61, 21.6],
    [170, 72, 24.9],
    [160, 64, 25],
    [175, 110, 35.9],
  ])("%i cm, %i kg → %d", (h, w, bmi) => {
    expect(bodyMassIndex(h, w)).toBe(bmi);
  });

  it("needs both height and weight", () => {
    expect(bodyMassIndex(undefined, 70)).toBeNull();
    expect(bodyMassIndex(170, undefined)).toBeNull();
  });
});

describe("findRiskFactors", () => {
  it("finds nothing in an empty intake", () => {
    expect(findRiskFactors({}, undefined)).toEqual({
      body: { age: null, heightCm: null, weightKg: null, bmi: null },
      riskFactors: { found: [], toCheck: [] },
    });
  });

  it("finds each self-reported factor from a yes, and lists 'not sure' to check", () => {
    const { riskFactors } = findRiskFactors(
      {
        "risk-strength-imbalance": "yes",
        "risk-flexibility": "unsure",
        "risk-core": "yes",
        "risk-pelvis": "no",
        "risk-leg-length": "yes",
      },
      undefined,
    );
    expect(riskFactors.found.map((f) => f.code)).toEqual([
      "strength-imbalance",
      "core-weakness",
      "leg-length-difference",
    ]);
    expect(riskFactors.toCheck.map((f) => f.code)).toEqual(["reduced-flexibility"]);
    expect(riskFactors.found[0]?.label).toBe("Strength imbalance between hamstrings and quadriceps");
  });

  it("finds pelvic dysfunction and reduced flexibility", () => {
    expect(codesFound({ "risk-pelvis": "yes", "risk-flexibility": "yes" })).toEqual([
      "reduced-flexibility",
      "pelvic-dysfunction",
    ]);
  });

  it("counts female sex, and not male, other or unsaid", () => {
    expect(codesFound({ sex: "female" })).toEqual(["female-sex"]);
    for (const sex of ["male", "other", "prefer-not"] as const) expect(codesFound({ sex })).toEqual([]);
  });

  it("counts older age over 50", () => {
    expect(codesFound({}, 51)).toEqual(["older-age"]);
    expect(codesFound({}, 50)).toEqual([]);
    expect(findRiskFactors({}, 72).riskFactors.found[0]?.detail).toBe("Age 72");
  });

  it("counts overweight from a BMI of 25.0, computed and rounded", () => {
    expect(codesFound({ "height-cm": 180, "weight-kg": 81 })).toEqual(["overweight"]);
    expect(codesFound({ "height-cm": 170, "weight-kg": 72 })).toEqual([]);
    const { body, riskFactors } = findRiskFactors({ "height-cm": 175, "weight-kg": 110 }, 40);
    expect(body).toEqual({ age: 40, heightCm: 175, weightKg: 110, bmi: 35.9 });
    expect(riskFactors.found).toEqual([{ code: "overweight", label: "Overweight", detail: "BMI 35.9" }]);
  });

  it("keeps the seed list's order whatever the answers", () => {
    expect(
      codesFound(
        {
          "risk-leg-length": "yes",
          sex: "female",
          "height-cm": 160,
          "weight-kg": 90,
          "risk-strength-imbalance": "yes",
        },
        60,
      ),
    ).toEqual(["strength-imbalance", "female-sex", "older-age", "overweight", "leg-length-difference"]);
  });
});
