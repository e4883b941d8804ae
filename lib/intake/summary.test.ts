import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageArbitrary, answersArbitrary } from "./testing/answers-arbitrary";
import type { Answers } from "./questionnaire";
import { NO_RED_FLAGS } from "./sample-answers";
import { functionMean, needsCall, summarizeIntake } from "./summary";
import { triage } from "./triage";

const runner: Answers = {
  consent: true,
  region: "buttock",
  side: "left",
  onset: "gradual",
  weeks: 26,
  course: "same",
  "pain-now": 3,
  "pain-worst": 6,
  aggravators: ["running", "sitting", "bending"],
  radiates: ["back-of-thigh"],
  "back-pain": false,
  "pins-needles": false,
  diagnosed: true,
  "diagnosed-by": "physio",
  treatments: ["physio", "exercise-program"],
  "treatment-result": "plateaued",
  "training-change": false,
  goal: "return-to-sport",
  sport: "Running",
  "function-1": "Run 5 km",
  "function-1-score": 3,
  "function-2": "Sit through a meeting",
  "function-2-score": 5,
  "function-3": "Put on socks",
  "function-3-score": 8,
  "risk-strength-imbalance": "yes",
  "risk-flexibility": "unsure",
  "risk-core": "no",
  "risk-pelvis": "no",
  "risk-leg-length": "no",
  "height-cm": 168,
  "weight-kg": 61,
  sex: "female",
  ...NO_RED_FLAGS,
  "prefer-online": true,
  "online-suitable": true,
};

describe("summarizeIntake", () => {
  const s = summarizeIntake(runner, { age: 34 });

  it("gives route and reasons, and no flags for a calm intake", () => {
    expect(s.flags).toEqual([]);
    expect(s.triage.route).toBe("online-rehab");
    expect(s.triage.service).toBe("online-rehab-initial");
    expect(s.triage.reasons).toHaveLength(2);
    expect(s.questionnaireVersion).toMatch(/\d/);
    expect(s.rulesVersion).toBe(triage(runner).rulesVersion);
  });

  it("labels where, which side and how it started", () => {
    expect(s.region).toEqual({
      code: "buttock",
      label: "Deep in the buttock, at the sit bone, or the very top of the back of the thigh",
    });
    expect(s.side).toEqual({ code: "left", label: "Left" });
    expect(s.onset).toEqual({
      how: { code: "gradual", label: "Slowly, over days or weeks" },
      pop: null,
      bruising: null,
      weeks: 26,
      course: { code: "same", label: "About the same" },
    });
    expect(s.pain).toEqual({ now: 3, worst: 6 });
    expect(s.knee).toBeNull();
  });

  it("notes that sitting and bending point to proximal hamstring tendinopathy", () => {
    expect(s.aggravators.found.map((c) => c.code)).toEqual(["running", "sitting", "bending"]);
    expect(s.aggravators.pointsToTendinopathy).toBe(true);
    expect(s.aggravators.note).toBe("Worse with sitting and bending: points to proximal hamstring tendinopathy.");
    const sittingOnly = summarizeIntake({ aggravators: ["sitting"] }).aggravators;
    expect(sittingOnly.note).toBe("Worse with sitting: points to proximal hamstring tendinopathy.");
    const runningOnly = summarizeIntake({ aggravators: ["running", "kicking"] }).aggravators;
    expect(runningOnly).toMatchObject({ pointsToTendinopathy: false, note: null });
  });

  it("reports radiation, history and what treatment did", () => {
    expect(s.radiation).toEqual({
      to: [{ code: "back-of-thigh", label: "Down the back of the thigh" }],
      backPain: false,
      pinsNeedles: false,
    });
    expect(s.history.diagnosedBy?.code).toBe("physio");
    expect(s.history.treatments.map((t) => t.code)).toEqual(["physio", "exercise-program"]);
    expect(s.history.treatmentResult).toEqual({ code: "plateaued", label: "It helped at first, then stopped helping" });
  });

  it("lists risk factors found, with BMI and age", () => {
    expect(s.body).toEqual({ age: 34, heightCm: 168, weightKg: 61, bmi: 21.6 });
    expect(s.riskFactors.found.map((f) => f.code)).toEqual(["strength-imbalance", "female-sex"]);
    expect(s.riskFactors.toCheck.map((f) => f.code)).toEqual(["reduced-flexibility"]);
  });

  it("gives goals, the three function scores and their mean", () => {
    expect(s.goals).toEqual({
      goal: { code: "return-to-sport", label: "Getting back to my sport or exercise" },
      sport: "Running",
      functionScores: [
        { slot: 1, activity: "Run 5 km", score: 3 },
        { slot: 2, activity: "Sit through a meeting", score: 5 },
        { slot: 3, activity: "Put on socks", score: 8 },
      ],
      functionMean: 5.3,
    });
  });

  it("shows knee answers only for pain behind the knee", () => {
    expect(summarizeIntake({ region: "back-of-knee", "knee-lump": true, "knee-locking": false }).knee).toEqual({
      lump: true,
      locking: false,
      twistingInjury: null,
    });
  });

  it("leaves out answers to hidden questions", () => {
    const hidden = summarizeIntake({
      onset: "gradual",
      pop: true,
      diagnosed: false,
      "diagnosed-by": "doctor",
      goal: "less-pain",
      sport: "Golf",
    });
    expect(hidden.onset.pop).toBeNull();
    expect(hidden.history.diagnosedBy).toBeNull();
    expect(hidden.goals.sport).toBeNull();
  });

  it("puts flags first, most severe first, with the practitioner's alert", () => {
    const flagged = summarizeIntake(
      {
        ...runner,
        "back-pain": true,
        "pins-needles": true,
        onset: "sudden",
        pop: true,
        "rf-night-pain": true,
        "training-change": true,
      },
      { age: 34 },
    );
    expect(flagged.flags.map((f) => [f.tier, f.code])).toEqual([
      ["soon", "possible-tendon-tear"],
      ["gp", "serious-history"],
      ["note", "possible-stress-fracture"],
      ["note", "possible-back-referral"],
    ]);
    expect(flagged.flags[0]?.staffAlert).toMatch(/Consider imaging and orthopaedic opinion/);
    expect(flagged.triage).toMatchObject({ route: "sports-physio", urgency: "within-72h", alsoSeeGp: true });
  });

  it("has no change section without a previous response", () => {
    expect(s.sincePrevious).toBeNull();
  });

  it("is plain JSON for any answers", () => {
    fc.assert(
      fc.property(answersArbitrary, ageArbitrary, (a, age) => {
        const summary = summarizeIntake(a, { age, previous: { answers: a, submittedAt: "2026-01-02T03:04:05Z" } });
        expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
        for (const f of summary.sincePrevious?.functionScores ?? []) if (f.change !== null) expect(f.change).toBe(0);
      }),
    );
  });
});

describe("change since the previous response", () => {
  const previous: Answers = {
    "pain-now": 6,
    "pain-worst": 9,
    "function-1": "Run 5 km",
    "function-1-score": 1,
    "function-2": "Sit through a meeting",
    "function-2-score": 3,
  };
  const change = summarizeIntake(runner, {
    previous: { answers: previous, submittedAt: "2026-03-01T09:00:00+11:00" },
  }).sincePrevious;

  it("gives pain now and worst before, now and the change", () => {
    expect(change?.submittedAt).toBe("2026-03-01T09:00:00+11:00");
    expect(change?.painNow).toEqual({ before: 6, now: 3, change: -3 });
    expect(change?.painWorst).toEqual({ before: 9, now: 6, change: -3 });
  });

  it("gives each function score's change, and says when the activity is new", () => {
    expect(change?.functionScores).toEqual([
      {
        slot: 1,
        before: 1,
        now: 3,
        change: 2,
        activityBefore: "Run 5 km",
        activityNow: "Run 5 km",
        sameActivity: true,
      },
      {
        slot: 2,
        before: 3,
        now: 5,
        change: 2,
        activityBefore: "Sit through a meeting",
        activityNow: "Sit through a meeting",
        sameActivity: true,
      },
      {
        slot: 3,
        before: null,
        now: 8,
        change: null,
        activityBefore: null,
        activityNow: "Put on socks",
        sameActivity: false,
      },
    ]);
    expect(change?.functionMean).toEqual({ before: 2, now: 5.3, change: 3.3 });
  });

  it("marks a different activity in the same slot", () => {
    const other = summarizeIntake(
      { "function-1": "Hill sprints", "function-1-score": 4 },
      { previous: { answers: { "function-1": "run 5 km ", "function-1-score": 2 }, submittedAt: "x" } },
    );
    expect(other.sincePrevious?.functionScores[0]).toMatchObject({ change: 2, sameActivity: false });
    const same = summarizeIntake(
      { "function-1": "Run 5 km", "function-1-score": 4 },
      { previous: { answers: { "function-1": "run 5 km ", "function-1-score": 2 }, submittedAt: "x" } },
    );
    expect(same.sincePrevious?.functionScores[0]?.sameActivity).toBe(true);
  });

  it("leaves the change empty when a score is missing on either side", () => {
    const c = summarizeIntake(
      { "pain-now": 4 },
      { previous: { answers: { "pain-worst": 7 }, submittedAt: "x" } },
    ).sincePrevious;
    expect(c?.painNow).toEqual({ before: null, now: 4, change: null });
    expect(c?.painWorst).toEqual({ before: 7, now: null, change: null });
    expect(c?.functionScores).toEqual([]);
    expect(c?.functionMean).toEqual({ before: null, now: null, change: null });
  });
});

describe("functionMean", () => {
  it("averages the scores given, to one decimal", () => {
    expect(functionMean([])).toBeNull();
    expect(functionMean([{ slot: 1, activity: "a", score: null }])).toBeNull();
    expect(
      functionMean([
        { slot: 1, activity: "a", score: 3 },
        { slot: 2, activity: "b", score: 4 },
      ]),
    ).toBe(3.5);
    expect(
      functionMean([
        { slot: 1, activity: "a", score: 10 },
        { slot: 2, activity: "b", score: 0 },
        { slot: 3, activity: "c", score: 0 },
      ]),
    ).toBe(3.3);
  });
});

describe("needsCall", () => {
  it.each<[string, Answers, number | undefined, boolean]>([
    ["emergency", { "rf-saddle-numbness": true }, undefined, true],
    ["urgent", { "rf-fever": true }, undefined, true],
    ["soon", { onset: "sudden", pop: true }, undefined, true],
    ["gp", { diagnosed: false }, 65, true],
    ["note only", { diagnosed: true, "back-pain": true, "pins-needles": true }, undefined, false],
    ["no flag", { diagnosed: true }, undefined, false],
  ])("%s → %s", (_name, a, age, expected) => {
    expect(needsCall(triage(a, { age }))).toBe(expected);
    expect(needsCall(summarizeIntake(a, { age }))).toBe(expected);
  });
});
