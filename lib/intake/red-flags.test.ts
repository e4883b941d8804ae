import { describe, expect, it } from "vitest";
import type { Answers } from "./questionnaire";
import { detectFlags, FLAG_TIER_OF, joinPlain, sortFlags, type FlagCode } from "./red-flags";
import { NO_RED_FLAGS } from "./sample-answers";

// A diagnosed patient with nothing worrying: no flag.
const calm: Answers = {
  ...NO_RED_FLAGS,
  diagnosed: true,
  region: "back-of-thigh",
  onset: "gradual",
  weeks: 8,
  course: "same",
};
const codes = (a: Answers, age?: number): FlagCode[] => detectFlags({ ...calm, ...a }, { age }).map((f) => f.code);

describe("red flag triggers", () => {
  it("raises nothing for a calm intake", () => {
    expect(codes({})).toEqual([]);
  });

  it.each<[string, Answers, number | undefined, FlagCode[]]>([
    ["saddle numbness", { "rf-saddle-numbness": true }, undefined, ["cauda-equina"]],
    ["bladder or bowel trouble", { "rf-bladder-bowel": true }, undefined, ["cauda-equina"]],
    ["weakness in both legs", { "rf-both-legs-weakness": true }, undefined, ["cauda-equina"]],
    [
      "calf swelling and chest pain",
      { "rf-calf-swelling": true, "rf-chest": true },
      undefined,
      ["possible-clot-in-lung"],
    ],
    [
      "calf swelling, chest pain and clot risk: lung, not also DVT",
      { "rf-calf-swelling": true, "rf-chest": true, "rf-clot-risk": true },
      undefined,
      ["possible-clot-in-lung"],
    ],
    ["chest pain alone", { "rf-chest": true }, undefined, []],
    ["calf swelling with clot risk", { "rf-calf-swelling": true, "rf-clot-risk": true }, undefined, ["possible-dvt"]],
    ["calf swelling, clot risk not answered", { "rf-calf-swelling": true }, undefined, ["possible-dvt"]],
    ["calf swelling, no clot risk", { "rf-calf-swelling": true, "rf-clot-risk": false }, undefined, []],
    ["fever", { "rf-fever": true }, undefined, ["infection"]],
    ["cannot weight bear", { "rf-cannot-weight-bear": true }, undefined, ["cannot-weight-bear"]],
    ["sudden with a pop", { onset: "sudden", pop: true }, undefined, ["possible-tendon-tear"]],
    ["sudden with bruising", { onset: "sudden", bruising: true }, undefined, ["possible-tendon-tear"]],
    [
      "sudden with pop and bruising",
      { onset: "sudden", pop: true, bruising: true },
      undefined,
      ["possible-tendon-tear"],
    ],
    ["sudden with neither", { onset: "sudden", pop: false, bruising: false }, undefined, []],
    ["a pop without sudden onset", { onset: "gradual", pop: true }, undefined, []],
    ["cancer history", { "rf-cancer-history": true }, undefined, ["serious-history"]],
    ["weight loss", { "rf-weight-loss": true }, undefined, ["serious-history"]],
    ["night pain", { "rf-night-pain": true }, undefined, ["serious-history"]],
    ["51 and not diagnosed", { diagnosed: false }, 51, ["serious-history"]],
    ["51 and diagnosis not answered", { diagnosed: undefined }, 51, ["serious-history"]],
    ["50 and not diagnosed", { diagnosed: false }, 50, []],
    ["80 and diagnosed", { diagnosed: true }, 80, []],
    ["not diagnosed, age unknown", { diagnosed: false }, undefined, []],
    [
      "buttock, training jump, night pain",
      { region: "buttock", "training-change": true, "rf-night-pain": true },
      undefined,
      ["serious-history", "possible-stress-fracture"],
    ],
    [
      "thigh, training jump, night pain",
      { region: "back-of-thigh", "training-change": true, "rf-night-pain": true },
      undefined,
      ["serious-history"],
    ],
    [
      "buttock, night pain, no training jump",
      { region: "buttock", "rf-night-pain": true },
      undefined,
      ["serious-history"],
    ],
    ["buttock, training jump, no night pain", { region: "buttock", "training-change": true }, undefined, []],
    [
      "back pain with pins and needles",
      { "back-pain": true, "pins-needles": true },
      undefined,
      ["possible-back-referral"],
    ],
    [
      "back pain spreading below the knee",
      { "back-pain": true, radiates: ["below-knee"] },
      undefined,
      ["possible-back-referral"],
    ],
    [
      "back pain spreading to the foot",
      { "back-pain": true, radiates: ["back-of-thigh", "foot"] },
      undefined,
      ["possible-back-referral"],
    ],
    ["back pain spreading only around the knee", { "back-pain": true, radiates: ["around-knee"] }, undefined, []],
    ["pins and needles without back pain", { "pins-needles": true, radiates: ["foot"] }, undefined, []],
  ])("%s", (_name, answers, age, expected) => {
    expect(codes(answers, age)).toEqual(expected);
  });

  it("counts an unanswered yes/no as no", () => {
    expect(detectFlags({ "rf-calf-swelling": true, "rf-clot-risk": false })).toEqual([]);
    expect(detectFlags({ onset: "sudden" })).toEqual([]);
    expect(detectFlags({ "back-pain": true })).toEqual([]);
  });

  it("matches no condition on an unanswered choice", () => {
    expect(detectFlags({ pop: true, bruising: true })).toEqual([]);
    expect(detectFlags({ "training-change": true, "rf-night-pain": true }).map((f) => f.code)).toEqual([
      "serious-history",
    ]);
  });

  it("lists several flags most severe first", () => {
    const all = codes(
      {
        "rf-saddle-numbness": true,
        "rf-fever": true,
        onset: "sudden",
        pop: true,
        "rf-cancer-history": true,
        region: "buttock",
        "training-change": true,
        "rf-night-pain": true,
        "back-pain": true,
        "pins-needles": true,
      },
      60,
    );
    expect(all).toEqual([
      "cauda-equina",
      "infection",
      "possible-tendon-tear",
      "serious-history",
      "possible-stress-fracture",
      "possible-back-referral",
    ]);
  });
});

describe("flag tiers and messages", () => {
  it("uses the spec's tiers", () => {
    expect(FLAG_TIER_OF).toEqual({
      "cauda-equina": "emergency",
      "possible-clot-in-lung": "emergency",
      "possible-dvt": "urgent",
      infection: "urgent",
      "cannot-weight-bear": "urgent",
      "possible-tendon-tear": "soon",
      "serious-history": "gp",
      "possible-stress-fracture": "note",
      "possible-back-referral": "note",
    });
  });

  const flagFor = (a: Answers, age?: number) => {
    const f = detectFlags(a, { age })[0];
    if (!f) throw new Error("expected a flag");
    return f;
  };

  it("tells emergency patients to call 000 or go to the emergency department", () => {
    for (const f of [flagFor({ "rf-bladder-bowel": true }), flagFor({ "rf-calf-swelling": true, "rf-chest": true })]) {
      expect(f.tier).toBe("emergency");
      expect(f.message).toMatch(/call 000 or go to the nearest emergency department now/);
    }
  });

  it("tells urgent patients to see a GP or urgent care today", () => {
    for (const f of [
      flagFor({ "rf-calf-swelling": true }),
      flagFor({ "rf-fever": true }),
      flagFor({ "rf-cannot-weight-bear": true }),
    ]) {
      expect(f.tier).toBe("urgent");
      expect(f.message).toMatch(/see a GP or an urgent care clinic today/);
    }
  });

  it("avoids clinical jargon in patient messages", () => {
    const flags = detectFlags(
      {
        "rf-saddle-numbness": true,
        "rf-calf-swelling": true,
        "rf-fever": true,
        onset: "sudden",
        pop: true,
        "back-pain": true,
        "pins-needles": true,
      },
      { age: 70 },
    );
    for (const f of flags) expect(f.message).not.toMatch(/cauda|equina|DVT|thrombo|avulsion|radicul|pathology/i);
  });

  it("names each reason to see the GP", () => {
    const f = flagFor(
      { "rf-cancer-history": true, "rf-weight-loss": true, "rf-night-pain": true, diagnosed: false },
      64,
    );
    expect(f.message).toBe(
      "Because you have had cancer, you have lost weight without trying, your pain is constant or there at night with no position that eases it and you are over 50 and haven't had a diagnosis yet, please also see your GP so they can check for other causes. You can still book with us.",
    );
    expect(flagFor({ "rf-weight-loss": true }).message).toMatch(
      /^Because you have lost weight without trying, please also see your GP/,
    );
  });
});

describe("helpers", () => {
  it("joins phrases in plain English", () => {
    expect(joinPlain([])).toBe("");
    expect(joinPlain(["a"])).toBe("a");
    expect(joinPlain(["a", "b"])).toBe("a and b");
    expect(joinPlain(["a", "b", "c"])).toBe("a, b and c");
  });

  it("sorts flags by tier, then by the spec's order", () => {
    const sorted = sortFlags([
      { code: "possible-back-referral", tier: "note" },
      { code: "infection", tier: "urgent" },
      { code: "serious-history", tier: "gp" },
      { code: "possible-dvt", tier: "urgent" },
      { code: "possible-clot-in-lung", tier: "emergency" },
    ] as const);
    expect(sorted.map((f) => f.code)).toEqual([
      "possible-clot-in-lung",
      "possible-dvt",
      "infection",
      "serious-history",
      "possible-back-referral",
    ]);
  });
});
