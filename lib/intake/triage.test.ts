import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageArbitrary, answersArbitrary } from "./testing/answers-arbitrary";
import { ITEMS, type Answers } from "./questionnaire";
import { NO_RED_FLAGS } from "./sample-answers";
import { SERVICE_FOR_ROUTE, triage, TRIAGE_RULES_VERSION } from "./triage";

// Meets row 5 (online rehab) on every count; each test changes one thing.
const onlineReady: Answers = {
  ...NO_RED_FLAGS,
  region: "back-of-thigh",
  onset: "gradual",
  diagnosed: true,
  weeks: 20,
  course: "same",
  treatments: ["physio"],
  "treatment-result": "helped",
  goal: "less-pain",
  "back-pain": false,
  "pins-needles": false,
  "prefer-online": true,
  "online-suitable": true,
};
const outcome = (a: Answers, age?: number) => {
  const r = triage(a, { age });
  return { route: r.route, urgency: r.urgency, service: r.service };
};
const SPORTS = { route: "sports-physio", urgency: "routine", service: "physio-initial" };
const EP = { route: "exercise-physiology", urgency: "routine", service: "ep-initial" };
const ONLINE = { route: "online-rehab", urgency: "routine", service: "online-rehab-initial" };
const EMERGENCY = { route: "emergency", urgency: "now", service: null };
const URGENT = { route: "urgent-care", urgency: "today", service: null };
const TEAR = { route: "sports-physio", urgency: "within-72h", service: "physio-initial" };

describe("routing rows, first match wins", () => {
  it("the base case goes online (row 5)", () => {
    expect(outcome(onlineReady)).toEqual(ONLINE);
  });

  it("row 1: any emergency flag stops booking", () => {
    expect(outcome({ ...onlineReady, "rf-saddle-numbness": true })).toEqual(EMERGENCY);
    expect(outcome({ ...onlineReady, "rf-calf-swelling": true, "rf-chest": true })).toEqual(EMERGENCY);
  });

  it("row 2: any urgent flag sends to a GP or urgent care today", () => {
    expect(outcome({ ...onlineReady, "rf-fever": true })).toEqual(URGENT);
    expect(outcome({ ...onlineReady, "rf-cannot-weight-bear": true })).toEqual(URGENT);
    expect(outcome({ ...onlineReady, "rf-calf-swelling": true, "rf-clot-risk": true })).toEqual(URGENT);
  });

  it("row 3: a possible tendon tear is seen by a sports physio within 72 hours", () => {
    expect(outcome({ ...onlineReady, onset: "sudden", pop: true })).toEqual(TEAR);
    expect(outcome({ ...onlineReady, onset: "sudden", bruising: true, diagnosed: false, weeks: 1 })).toEqual(TEAR);
  });

  it.each<[string, Answers]>([
    ["back referral", { "back-pain": true, "pins-needles": true }],
    ["possible stress fracture", { region: "buttock", "training-change": true, "rf-night-pain": true }],
    ["not diagnosed", { diagnosed: false }],
    ["diagnosis not answered", { diagnosed: undefined }],
    ["under 6 weeks", { weeks: 5 }],
    ["0 weeks", { weeks: 0 }],
    ["getting worse", { course: "worse" }],
  ])("row 4: %s goes to a sports physio", (_name, change) => {
    expect(outcome({ ...onlineReady, ...change })).toEqual(SPORTS);
  });

  it("row 4 stops at 6 weeks: 6 weeks and diagnosed is not row 4", () => {
    const r = triage({ ...onlineReady, weeks: 6 });
    expect(r.route).toBe("sports-physio");
    expect(r.reasons.join(" ")).toMatch(/6 to 11 weeks/);
  });

  it.each<[string, Answers]>([
    ["course the same", { course: "same" }],
    ["treatment plateaued", { course: "improving", "treatment-result": "plateaued" }],
    ["treatment did not help", { course: "improving", "treatment-result": "no-help" }],
    ["return to sport", { course: "improving", goal: "return-to-sport" }],
    ["exactly 12 weeks", { weeks: 12 }],
    ["the longest duration", { weeks: 520 }],
  ])("row 5: diagnosed, 12+ weeks, %s, wants and suits online", (_name, change) => {
    expect(outcome({ ...onlineReady, ...change })).toEqual(ONLINE);
  });

  it("row 5 then 6: a GP flag is never routed online first", () => {
    expect(outcome({ ...onlineReady, "rf-weight-loss": true })).toEqual(EP);
    expect(outcome({ ...onlineReady, "rf-cancer-history": true })).toEqual(EP);
  });

  it.each<[string, Answers]>([
    ["not wanting online", { "prefer-online": false }],
    ["online wish not answered", { "prefer-online": undefined }],
    ["not set up for online", { "online-suitable": false }],
    ["set-up not answered", { "online-suitable": undefined }],
    ["set up but not wanting it", { "prefer-online": false, "online-suitable": true }],
  ])("row 6: exercise physiology when %s", (_name, change) => {
    expect(outcome({ ...onlineReady, ...change })).toEqual(EP);
  });

  it.each<[string, Answers]>([
    ["6 to 11 weeks", { weeks: 11 }],
    ["weeks not answered", { weeks: undefined }],
    ["improving, treatment helped, goal less pain", { course: "improving" }],
    ["course not answered and nothing else", { course: undefined }],
    [
      "treatment-result ruled out by 'nothing yet'",
      { course: "improving", treatments: ["none"], "treatment-result": "plateaued" },
    ],
  ])("row 7: anything else, %s", (_name, change) => {
    expect(outcome({ ...onlineReady, ...change })).toEqual(SPORTS);
  });
});

describe("precedence", () => {
  const everything: Answers = {
    ...onlineReady,
    "rf-both-legs-weakness": true,
    "rf-fever": true,
    onset: "sudden",
    pop: true,
    "rf-cancer-history": true,
    "back-pain": true,
    "pins-needles": true,
  };

  it("emergency beats urgent beats soon beats everything else, keeping every flag", () => {
    const r = triage(everything);
    expect(outcome(everything)).toEqual(EMERGENCY);
    expect(r.flags.map((f) => f.code)).toEqual([
      "cauda-equina",
      "infection",
      "possible-tendon-tear",
      "serious-history",
      "possible-back-referral",
    ]);
    expect(outcome({ ...everything, "rf-both-legs-weakness": false })).toEqual(URGENT);
    expect(outcome({ ...everything, "rf-both-legs-weakness": false, "rf-fever": false })).toEqual(TEAR);
    expect(outcome({ ...everything, "rf-both-legs-weakness": false, "rf-fever": false, onset: "gradual" })).toEqual(
      SPORTS,
    );
  });

  it("a soon flag with a GP flag is still seen within 72 hours, with alsoSeeGp", () => {
    const r = triage({ onset: "sudden", pop: true, diagnosed: false }, { age: 70 });
    expect({ route: r.route, urgency: r.urgency, alsoSeeGp: r.alsoSeeGp }).toEqual({
      route: "sports-physio",
      urgency: "within-72h",
      alsoSeeGp: true,
    });
  });
});

describe("unanswered questions", () => {
  it("with nothing answered, not diagnosed counts as no: a sports physio first, no flags", () => {
    expect(triage({})).toMatchObject({ ...SPORTS, flags: [], alsoSeeGp: false });
  });

  it("rf-clot-risk not answered counts as not known, so calf swelling is urgent", () => {
    expect(outcome({ ...onlineReady, "rf-calf-swelling": true, "rf-clot-risk": undefined })).toEqual(URGENT);
    expect(outcome({ ...onlineReady, "rf-calf-swelling": true, "rf-clot-risk": false })).toEqual(ONLINE);
  });

  it("other unanswered yes/no questions count as no", () => {
    const { "rf-fever": _f, "rf-chest": _c, "rf-saddle-numbness": _s, ...fewer } = onlineReady;
    expect(outcome(fewer)).toEqual(ONLINE);
  });

  it("answers to questions an earlier answer rules out do not count", () => {
    expect(outcome({ ...onlineReady, onset: "gradual", pop: true, bruising: true })).toEqual(ONLINE);
    expect(outcome({ ...onlineReady, "rf-calf-swelling": false, "rf-clot-risk": true })).toEqual(ONLINE);
  });

  it("an answer whose controlling question was not sent still counts", () => {
    const { treatments: _t, ...noTreatments } = onlineReady;
    expect(outcome({ ...noTreatments, course: "improving", "treatment-result": "plateaued" })).toEqual(ONLINE);
  });
});

describe("result", () => {
  it("says which rules made it", () => {
    expect(triage({}).rulesVersion).toBe(TRIAGE_RULES_VERSION);
  });

  it("maps each route to its service", () => {
    expect(SERVICE_FOR_ROUTE).toEqual({
      emergency: null,
      "urgent-care": null,
      "sports-physio": "physio-initial",
      "exercise-physiology": "ep-initial",
      "online-rehab": "online-rehab-initial",
    });
  });

  it("sets alsoSeeGp only for a GP flag", () => {
    expect(triage({ ...onlineReady, "rf-night-pain": true }).alsoSeeGp).toBe(true);
    expect(triage({ ...onlineReady, "rf-fever": true }).alsoSeeGp).toBe(false);
    expect(triage({ diagnosed: false }, { age: 51 }).alsoSeeGp).toBe(true);
  });
});

describe("reasons in plain words", () => {
  const reasons = (a: Answers, age?: number) => triage(a, { age }).reasons;

  it("explains a missing diagnosis as the spec words it", () => {
    expect(reasons({ ...onlineReady, diagnosed: false })).toEqual([
      "You have not had a diagnosis yet, so a sports physiotherapist will assess you first.",
    ]);
  });

  it("gives one reason per row-4 condition that holds", () => {
    expect(reasons({ ...onlineReady, diagnosed: false, weeks: 2, course: "worse" })).toEqual([
      "You have not had a diagnosis yet, so a sports physiotherapist will assess you first.",
      "This started less than 6 weeks ago, so a sports physiotherapist will assess you first.",
      "It is getting worse, so a sports physiotherapist will assess you first.",
    ]);
  });

  it("explains online rehab and why it fits", () => {
    expect(reasons({ ...onlineReady, course: "same", goal: "return-to-sport" })).toEqual([
      "You have a diagnosis and it has lasted 12 weeks or more. It has stopped getting better. You want to get back to your sport. A structured exercise program with an exercise physiologist suits you best.",
      "You'd like online rehab and have the space, a camera and feel safe exercising alone, so you can do it by video from home.",
    ]);
  });

  it("explains why online was not suggested", () => {
    expect(reasons({ ...onlineReady, "online-suitable": false })[1]).toMatch(/Online rehab needs a private space/);
    const gp = reasons({ ...onlineReady, "rf-weight-loss": true });
    expect(gp[1]).toMatch(/see you in person first rather than online/);
    expect(gp[2]).toBe("Some of your answers mean your GP should also check you. You can still book with us.");
  });

  it("explains emergency, urgent and tear decisions", () => {
    expect(reasons({ "rf-bladder-bowel": true })[0]).toMatch(/call 000 or go to the nearest emergency department now/);
    expect(reasons({ "rf-fever": true })).toHaveLength(1);
    expect(reasons({ "rf-calf-swelling": true })[1]).toMatch(
      /didn't tell us whether anything raises your chance of a blood clot/,
    );
    expect(reasons({ onset: "sudden", bruising: true })[0]).toMatch(/within 3 days/);
  });

  it("explains a missing duration", () => {
    expect(reasons({ ...onlineReady, weeks: undefined })[0]).toMatch(/didn't tell us how long/);
  });
});

describe("properties over any answers", () => {
  it("keeps route, urgency, service and flags consistent", () => {
    fc.assert(
      fc.property(answersArbitrary, ageArbitrary, (a, age) => {
        const r = triage(a, { age });
        const tiers = new Set(r.flags.map((f) => f.tier));
        expect(r.service).toBe(SERVICE_FOR_ROUTE[r.route]);
        expect(r.route === "emergency").toBe(tiers.has("emergency"));
        expect(r.urgency === "now").toBe(r.route === "emergency");
        expect(r.route === "urgent-care").toBe(!tiers.has("emergency") && tiers.has("urgent"));
        expect(r.urgency === "today").toBe(r.route === "urgent-care");
        expect(r.urgency === "within-72h").toBe(r.route === "sports-physio" && tiers.has("soon"));
        expect(r.alsoSeeGp).toBe(tiers.has("gp"));
        if (r.route === "online-rehab") expect(tiers.has("gp") || tiers.has("note")).toBe(false);
        expect(r.reasons.length).toBeGreaterThan(0);
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      }),
    );
  });

  it("is not changed by answers outside the help-me-choose subset", () => {
    const outside = ITEMS.filter((i) => !i.triage).map((i) => i.linkId);
    fc.assert(
      fc.property(answersArbitrary, answersArbitrary, ageArbitrary, (a, other, age) => {
        const mixed: Record<string, unknown> = { ...a };
        for (const id of outside) mixed[id] = (other as Record<string, unknown>)[id];
        expect(triage(mixed as Answers, { age })).toEqual(triage(a, { age }));
      }),
    );
  });

  it("always stops booking when an emergency sign is added", () => {
    fc.assert(
      fc.property(answersArbitrary, ageArbitrary, (a, age) => {
        expect(triage({ ...a, "rf-bladder-bowel": true }, { age }).route).toBe("emergency");
      }),
    );
  });
});
