import { describe, expect, it } from "vitest";
import {
  COLLECTION_NOTICE,
  findItem,
  ITEMS,
  QUESTIONNAIRE_VERSION,
  STEPS,
  TRIAGE_LINK_IDS,
  TRIAGE_STEPS,
} from "./questionnaire";
import type { QuestionItem } from "./questionnaire-types";

// The contract, copied by hand from shared/spec/intake.md (not derived from the code).
const YN = "boolean";
const SPEC: Record<string, { type: string; codes?: string[] }> = {
  consent: { type: YN },
  region: { type: "choice", codes: ["buttock", "back-of-knee", "back-of-thigh", "other"] },
  side: { type: "choice", codes: ["left", "right", "both"] },
  onset: { type: "choice", codes: ["gradual", "sudden"] },
  pop: { type: YN },
  bruising: { type: YN },
  weeks: { type: "integer" },
  course: { type: "choice", codes: ["improving", "same", "worse"] },
  "pain-now": { type: "integer" },
  "pain-worst": { type: "integer" },
  aggravators: {
    type: "multi-choice",
    codes: ["running", "jumping", "kicking", "sitting", "bending", "stairs", "squatting", "none"],
  },
  radiates: { type: "multi-choice", codes: ["back-of-thigh", "around-knee", "below-knee", "foot", "none"] },
  "back-pain": { type: YN },
  "pins-needles": { type: YN },
  "knee-lump": { type: YN },
  "knee-locking": { type: YN },
  "twisting-injury": { type: YN },
  diagnosed: { type: YN },
  "diagnosed-by": { type: "choice", codes: ["physio", "doctor", "imaging", "other"] },
  treatments: {
    type: "multi-choice",
    codes: ["physio", "exercise-program", "shockwave", "massage", "cortisone", "prp", "surgery", "none"],
  },
  "treatment-result": { type: "choice", codes: ["helped", "plateaued", "no-help"] },
  "training-change": { type: YN },
  goal: { type: "choice", codes: ["return-to-sport", "daily-activities", "less-pain"] },
  sport: { type: "string" },
  "function-1": { type: "string" },
  "function-1-score": { type: "integer" },
  "function-2": { type: "string" },
  "function-2-score": { type: "integer" },
  "function-3": { type: "string" },
  "function-3-score": { type: "integer" },
  "risk-strength-imbalance": { type: "choice", codes: ["yes", "no", "unsure"] },
  "risk-flexibility": { type: "choice", codes: ["yes", "no", "unsure"] },
  "risk-core": { type: "choice", codes: ["yes", "no", "unsure"] },
  "risk-pelvis": { type: "choice", codes: ["yes", "no", "unsure"] },
  "risk-leg-length": { type: "choice", codes: ["yes", "no", "unsure"] },
  "height-cm": { type: "integer" },
  "weight-kg": { type: "integer" },
  sex: { type: "choice", codes: ["female", "male", "other", "prefer-not"] },
  "rf-saddle-numbness": { type: YN },
  "rf-bladder-bowel": { type: YN },
  "rf-both-legs-weakness": { type: YN },
  "rf-calf-swelling": { type: YN },
  "rf-clot-risk": { type: YN },
  "rf-chest": { type: YN },
  "rf-fever": { type: YN },
  "rf-cannot-weight-bear": { type: YN },
  "rf-cancer-history": { type: YN },
  "rf-weight-loss": { type: YN },
  "rf-night-pain": { type: YN },
  "prefer-online": { type: YN },
  "online-suitable": { type: YN },
};

const item = (linkId: string): QuestionItem => {
  const found = findItem(linkId);
  if (!found) throw new Error(`missing ${linkId}`);
  return found;
};

describe("questionnaire definition", () => {
  it("has exactly the spec's linkIds, each once", () => {
    const ids = ITEMS.map((i) => i.linkId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(SPEC).sort());
  });

  it.each(Object.entries(SPEC))("%s has the spec's type and codes", (linkId, spec) => {
    const i = item(linkId);
    expect(i.type).toBe(spec.type);
    if (spec.codes) {
      expect("options" in i).toBe(true);
      if ("options" in i) expect(i.options.map((o) => o.code).sort()).toEqual([...spec.codes].sort());
    }
  });

  it("uses the spec's number ranges", () => {
    const range = (id: string) => {
      const i = item(id);
      return i.type === "integer" ? [i.min, i.max] : null;
    };
    expect(range("weeks")).toEqual([0, 520]);
    expect(range("pain-now")).toEqual([0, 10]);
    expect(range("pain-worst")).toEqual([0, 10]);
    for (const n of [1, 2, 3]) expect(range(`function-${n}-score`)).toEqual([0, 10]);
  });

  it("asks consent first, and consent must be yes", () => {
    expect(ITEMS[0]?.linkId).toBe("consent");
    const consent = item("consent");
    expect(consent.type === "boolean" && consent.mustBeTrue).toBe(true);
  });

  it("marks height, weight, sex and the unsure clot question optional; safety questions required", () => {
    for (const id of ["height-cm", "weight-kg", "sex", "rf-clot-risk", "function-2", "function-3"])
      expect(item(id).required).toBe(false);
    for (const id of [
      "region",
      "weeks",
      "pain-now",
      "diagnosed",
      "rf-saddle-numbness",
      "rf-night-pain",
      "function-1",
      "function-1-score",
    ])
      expect(item(id).required).toBe(true);
  });

  it("makes 'none' exclusive in every many-answer question", () => {
    for (const id of ["aggravators", "radiates", "treatments"]) {
      const i = item(id);
      expect(i.type === "multi-choice" && i.exclusiveCode).toBe("none");
    }
  });

  it("only conditions on questions asked earlier, with answers those questions can give", () => {
    const seen = new Set<string>();
    for (const i of ITEMS) {
      for (const c of i.enableWhen ?? []) {
        expect(seen.has(c.question), `${i.linkId} depends on ${c.question}`).toBe(true);
        const q = item(c.question);
        if (q.type === "boolean") expect(typeof c.answer).toBe("boolean");
        else expect("options" in q && q.options.some((o) => o.code === c.answer)).toBe(true);
      }
      if ((i.enableWhen?.length ?? 0) > 1) expect(i.enableBehavior).toBeDefined();
      seen.add(i.linkId);
    }
  });

  it("gives every question and option patient wording, not codes", () => {
    for (const i of ITEMS) {
      expect(i.text.length).toBeGreaterThan(5);
      if ("options" in i) for (const o of i.options) expect(o.display).not.toBe(o.code);
    }
  });

  it("groups questions into short steps", () => {
    expect(STEPS.map((s) => s.id)).toEqual([
      "consent",
      "where",
      "pain",
      "knee",
      "history",
      "goals",
      "body",
      "safety",
      "online",
    ]);
    for (const s of STEPS) expect(s.items.length).toBeLessThanOrEqual(11);
  });

  it("has a version", () => {
    expect(QUESTIONNAIRE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("says why health information is asked and who sees it", () => {
    expect(COLLECTION_NOTICE).toMatch(/why we ask/i);
    expect(COLLECTION_NOTICE).toMatch(/practitioner treating you/);
    expect(COLLECTION_NOTICE).toMatch(/administrators/);
    expect(COLLECTION_NOTICE).toMatch(
      /Reception staff see only whether the form is done, the kind of appointment suggested, and whether we need to call you/,
    );
  });
});

describe("help me choose subset", () => {
  it("holds every answer the routing and red flags read, and nothing of the rest", () => {
    const needed = [
      "consent",
      "region",
      "onset",
      "pop",
      "bruising",
      "weeks",
      "course",
      "radiates",
      "back-pain",
      "pins-needles",
      "diagnosed",
      "treatments",
      "treatment-result",
      "training-change",
      "goal",
      "rf-saddle-numbness",
      "rf-bladder-bowel",
      "rf-both-legs-weakness",
      "rf-calf-swelling",
      "rf-clot-risk",
      "rf-chest",
      "rf-fever",
      "rf-cannot-weight-bear",
      "rf-cancer-history",
      "rf-weight-loss",
      "rf-night-pain",
      "prefer-online",
      "online-suitable",
    ];
    expect([...TRIAGE_LINK_IDS].sort()).toEqual(needed.sort());
  });

  it("keeps the step order and drops steps with no triage question", () => {
    expect(TRIAGE_STEPS.map((s) => s.id)).toEqual(["consent", "where", "pain", "history", "goals", "safety", "online"]);
    expect(TRIAGE_STEPS.find((s) => s.id === "pain")?.items.map((i) => i.linkId)).toEqual([
      "radiates",
      "back-pain",
      "pins-needles",
    ]);
  });
});
