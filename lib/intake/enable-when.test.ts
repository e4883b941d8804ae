import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answersArbitrary } from "./testing/answers-arbitrary";
import { enabledItemsOfStep, isItemEnabled, isStepEnabled, pruneDisabledAnswers } from "./enable-when";
import { findItem, ITEMS, type Answers } from "./questionnaire";
import type { QuestionItem } from "./questionnaire-types";

const item = (linkId: string): QuestionItem => {
  const found = findItem(linkId);
  if (!found) throw new Error(`missing ${linkId}`);
  return found;
};

// "shown when" column of the spec: [item, answers that show it, answers that hide it].
const CONDITIONAL: [string, Answers[], Answers[]][] = [
  ["pop", [{ onset: "sudden" }], [{ onset: "gradual" }, {}]],
  ["bruising", [{ onset: "sudden" }], [{ onset: "gradual" }, {}]],
  [
    "knee-lump",
    [{ region: "back-of-knee" }],
    [{ region: "buttock" }, { region: "back-of-thigh" }, { region: "other" }, {}],
  ],
  ["knee-locking", [{ region: "back-of-knee" }], [{ region: "buttock" }, {}]],
  ["twisting-injury", [{ region: "back-of-knee" }], [{ region: "other" }, {}]],
  ["diagnosed-by", [{ diagnosed: true }], [{ diagnosed: false }, {}]],
  [
    "treatment-result",
    [
      { treatments: ["physio"] },
      { treatments: ["surgery"] },
      { treatments: ["massage", "prp"] },
      { treatments: ["cortisone"] },
    ],
    [{ treatments: ["none"] }, { treatments: [] }, {}],
  ],
  ["sport", [{ goal: "return-to-sport" }], [{ goal: "less-pain" }, { goal: "daily-activities" }, {}]],
  ["rf-clot-risk", [{ "rf-calf-swelling": true }], [{ "rf-calf-swelling": false }, {}]],
  ["online-suitable", [{ "prefer-online": true }], [{ "prefer-online": false }, {}]],
];

describe("isItemEnabled", () => {
  it.each(CONDITIONAL)("%s is shown exactly when the spec says", (linkId, shown, hidden) => {
    for (const a of shown) expect(isItemEnabled(item(linkId), a), JSON.stringify(a)).toBe(true);
    for (const a of hidden) expect(isItemEnabled(item(linkId), a), JSON.stringify(a)).toBe(false);
  });

  it("shows every other question always", () => {
    const conditional = new Set(CONDITIONAL.map(([id]) => id));
    const always = ITEMS.filter((i) => !conditional.has(i.linkId));
    expect(always.length).toBe(ITEMS.length - CONDITIONAL.length);
    for (const i of always) expect(isItemEnabled(i, {})).toBe(true);
  });

  it("treats every real treatment as enabling the result question (all eight codes checked)", () => {
    const real = ["physio", "exercise-program", "shockwave", "massage", "cortisone", "prp", "surgery"] as const;
    for (const t of real) expect(isItemEnabled(item("treatment-result"), { treatments: [t] })).toBe(true);
  });

  it("in 'keep' mode, a condition on an unanswered question does not hide; a contrary answer still does", () => {
    const keep = { unansweredCondition: "keep" } as const;
    expect(isItemEnabled(item("treatment-result"), {}, keep)).toBe(true);
    expect(isItemEnabled(item("treatment-result"), { treatments: ["none"] }, keep)).toBe(false);
    expect(isItemEnabled(item("pop"), { onset: "gradual" }, keep)).toBe(false);
    expect(isItemEnabled(item("pop"), {}, keep)).toBe(true);
  });
});

describe("pruneDisabledAnswers", () => {
  it("drops answers to hidden questions and keeps the rest", () => {
    const a: Answers = {
      region: "buttock",
      "knee-lump": true,
      onset: "gradual",
      pop: true,
      bruising: false,
      diagnosed: false,
      "diagnosed-by": "doctor",
      treatments: ["none"],
      "treatment-result": "helped",
      goal: "less-pain",
      sport: "Golf",
      "rf-calf-swelling": false,
      "rf-clot-risk": true,
      "prefer-online": false,
      "online-suitable": true,
      weeks: 3,
    };
    expect(pruneDisabledAnswers(a)).toEqual({
      region: "buttock",
      onset: "gradual",
      diagnosed: false,
      treatments: ["none"],
      goal: "less-pain",
      "rf-calf-swelling": false,
      "prefer-online": false,
      weeks: 3,
    });
  });

  it("keeps answers to shown conditional questions", () => {
    const a: Answers = {
      onset: "sudden",
      pop: true,
      region: "back-of-knee",
      "knee-locking": false,
      treatments: ["physio"],
      "treatment-result": "plateaued",
    };
    expect(pruneDisabledAnswers(a)).toEqual(a);
  });

  it("in the form, hides a question whose condition is unanswered; for triage keeps it", () => {
    expect(pruneDisabledAnswers({ "treatment-result": "plateaued" })).toEqual({});
    expect(pruneDisabledAnswers({ "treatment-result": "plateaued" }, { unansweredCondition: "keep" })).toEqual({
      "treatment-result": "plateaued",
    });
  });

  it("does not change its input", () => {
    const a: Answers = { onset: "gradual", pop: true };
    pruneDisabledAnswers(a);
    expect(a).toEqual({ onset: "gradual", pop: true });
  });

  it("is idempotent and leaves only shown questions (any answers)", () => {
    fc.assert(
      fc.property(answersArbitrary, (a) => {
        const once = pruneDisabledAnswers(a);
        expect(pruneDisabledAnswers(once)).toEqual(once);
        for (const id of Object.keys(once)) expect(isItemEnabled(item(id), once)).toBe(true);
        for (const [id, v] of Object.entries(once)) expect((a as Record<string, unknown>)[id]).toEqual(v);
      }),
    );
  });
});

describe("steps", () => {
  it("skips the knee step unless the pain is behind the knee", () => {
    expect(isStepEnabled("knee", { region: "buttock" })).toBe(false);
    expect(isStepEnabled("knee", {})).toBe(false);
    expect(isStepEnabled("knee", { region: "back-of-knee" })).toBe(true);
    expect(enabledItemsOfStep("knee", { region: "back-of-knee" }).map((i) => i.linkId)).toEqual([
      "knee-lump",
      "knee-locking",
      "twisting-injury",
    ]);
  });

  it("lists a step's shown questions as answers change", () => {
    expect(enabledItemsOfStep("online", {}).map((i) => i.linkId)).toEqual(["prefer-online"]);
    expect(enabledItemsOfStep("online", { "prefer-online": true }).map((i) => i.linkId)).toEqual([
      "prefer-online",
      "online-suitable",
    ]);
  });
});
