import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answersArbitrary } from "./testing/answers-arbitrary";
import { findItem } from "./questionnaire";
import {
  answersSchema,
  answerValueSchema,
  buildStepSchema,
  intakeSubmissionSchema,
  issuesToFieldErrors,
  triageRequestSchema,
  zodErrorToFieldErrors,
} from "./schemas";
import { NO_RED_FLAGS } from "./sample-answers";

/** Field → message for a failed parse; {} when it passes. */
function errorsOf(
  schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } },
  value: unknown,
): Record<string, string> {
  const r = schema.safeParse(value) as {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
  return r.success || !r.error ? {} : issuesToFieldErrors(r.error.issues);
}

describe("answersSchema", () => {
  it("accepts any valid answers unchanged", () => {
    fc.assert(
      fc.property(answersArbitrary, (a) => {
        expect(answersSchema.parse(a)).toEqual(a);
      }),
    );
  });

  it("rejects an unknown linkId at that linkId", () => {
    expect(errorsOf(answersSchema, { region: "buttock", "favourite-colour": "blue" })).toEqual({
      "favourite-colour": 'There is no question "favourite-colour"',
    });
  });

  it("rejects an unknown code, listing the codes that are allowed", () => {
    expect(errorsOf(answersSchema, { side: "middle" })).toEqual({ side: "Choose one of: left, right, both" });
    expect(errorsOf(answersSchema, { aggravators: ["sitting", "typing"] })).toEqual({
      aggravators: "Choose any of: running, jumping, kicking, sitting, bending, stairs, squatting, none",
    });
  });

  it.each([
    ["diagnosed", "yes", "Answer yes (true) or no (false)"],
    ["diagnosed", 1, "Answer yes (true) or no (false)"],
    ["region", true, "Choose one of: buttock, back-of-thigh, back-of-knee, other"],
    ["weeks", "4", "Enter a whole number from 0 to 520"],
    ["weeks", 2.5, "Enter a whole number from 0 to 520"],
    ["weeks", 521, "Enter a whole number from 0 to 520"],
    ["weeks", -1, "Enter a whole number from 0 to 520"],
    ["pain-now", 11, "Enter a whole number from 0 to 10"],
    ["function-2-score", -3, "Enter a whole number from 0 to 10"],
    ["height-cm", 1.8, "Enter a whole number from 50 to 250"],
    ["sport", 42, "Enter some text"],
    [
      "treatments",
      { physio: true },
      "Choose any of: physio, exercise-program, shockwave, massage, cortisone, prp, surgery, none",
    ],
  ])("rejects %s = %j with a plain message", (linkId, value, message) => {
    expect(errorsOf(answersSchema, { [linkId]: value })).toEqual({ [linkId]: message });
  });

  it("accepts the ends of every range", () => {
    expect(answersSchema.parse({ weeks: 0, "pain-now": 10, "pain-worst": 0 })).toEqual({
      weeks: 0,
      "pain-now": 10,
      "pain-worst": 0,
    });
    expect(answersSchema.parse({ weeks: 520 })).toEqual({ weeks: 520 });
  });

  it("does not allow 'none' together with other answers", () => {
    expect(errorsOf(answersSchema, { treatments: ["none", "physio"] })).toEqual({
      treatments: '"Nothing yet" can\'t be chosen together with other answers',
    });
  });

  it("takes one code as a list of one, and drops repeats", () => {
    expect(answersSchema.parse({ aggravators: "sitting", radiates: ["foot", "foot"] })).toEqual({
      aggravators: ["sitting"],
      radiates: ["foot"],
    });
  });

  it("treats null, empty text and an empty list as not answered", () => {
    expect(answersSchema.parse({ region: null, sport: "   ", aggravators: [], diagnosed: false })).toEqual({
      diagnosed: false,
    });
  });

  it("trims text and limits its length", () => {
    expect(answersSchema.parse({ "function-1": "  Running  " })).toEqual({ "function-1": "Running" });
    expect(errorsOf(answersSchema, { "function-1": "x".repeat(121) })).toEqual({
      "function-1": "Keep this to 120 characters or fewer",
    });
  });

  it("reports every bad field at once", () => {
    expect(Object.keys(errorsOf(answersSchema, { side: "up", weeks: 999, nope: 1, diagnosed: true }))).toEqual([
      "side",
      "weeks",
      "nope",
    ]);
  });

  it("rejects a body that is not an object of answers", () => {
    expect(answersSchema.safeParse([true]).success).toBe(false);
    expect(answersSchema.safeParse("region=buttock").success).toBe(false);
  });

  it("ignores a __proto__ key without polluting anything", () => {
    const body = JSON.parse('{"__proto__": {"region": "buttock"}, "side": "left"}') as unknown;
    const parsed = answersSchema.parse(body);
    expect(parsed).toEqual({ side: "left" });
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect((parsed as Record<string, unknown>).region).toBeUndefined();
  });

  it("exposes one field's schema for checking a field as the patient types", () => {
    const weeks = findItem("weeks");
    if (!weeks) throw new Error("no weeks");
    expect(answerValueSchema(weeks).safeParse(12).success).toBe(true);
    expect(answerValueSchema(weeks).safeParse(600).success).toBe(false);
  });
});

describe("triageRequestSchema", () => {
  it("accepts answers with or without an age", () => {
    expect(triageRequestSchema.parse({ answers: { diagnosed: true } })).toEqual({ answers: { diagnosed: true } });
    expect(triageRequestSchema.parse({ answers: {}, age: 58 })).toEqual({ answers: {}, age: 58 });
    expect(triageRequestSchema.parse({ answers: {}, age: null })).toEqual({ answers: {} });
  });

  it.each([
    [{ answers: {}, age: 131 }, { age: "Age must be from 0 to 130" }],
    [{ answers: {}, age: -1 }, { age: "Age must be from 0 to 130" }],
    [{ answers: {}, age: 40.5 }, { age: "Age must be a whole number of years" }],
    [{ answers: {}, age: "40" }, { age: "Age must be a whole number of years" }],
    [{}, { answers: "Send the answers as an object of question id to answer" }],
    [
      { answers: { region: "hip" } },
      { "answers.region": "Choose one of: buttock, back-of-thigh, back-of-knee, other" },
    ],
    [{ answers: { colour: "red" } }, { "answers.colour": 'There is no question "colour"' }],
  ])("rejects %j", (body, fields) => {
    expect(errorsOf(triageRequestSchema, body)).toEqual(fields);
  });
});

describe("step schemas", () => {
  it("requires consent to be yes", () => {
    const consent = buildStepSchema("consent");
    expect(errorsOf(consent, {})).toEqual({ consent: "Please agree so we can continue" });
    expect(errorsOf(consent, { consent: false })).toEqual({ consent: "Please agree so we can continue" });
    expect(consent.safeParse({ consent: true }).success).toBe(true);
  });

  it("requires the step's shown required questions, and only those", () => {
    const where = buildStepSchema("where");
    expect(errorsOf(where, { consent: true })).toEqual({
      region: "Please choose an answer",
      side: "Please choose an answer",
      onset: "Please choose an answer",
      weeks: "Please enter a number",
      course: "Please choose an answer",
    });
    const sudden = { region: "buttock", side: "left", onset: "sudden", weeks: 1, course: "same" };
    expect(errorsOf(where, sudden)).toEqual({ pop: "Please answer yes or no", bruising: "Please answer yes or no" });
    expect(where.safeParse({ ...sudden, onset: "gradual" }).success).toBe(true);
  });

  it("judges conditions on answers from earlier steps", () => {
    const knee = buildStepSchema("knee");
    expect(knee.safeParse({ region: "buttock" }).success).toBe(true);
    expect(Object.keys(errorsOf(knee, { region: "back-of-knee" }))).toEqual([
      "knee-lump",
      "knee-locking",
      "twisting-injury",
    ]);
  });

  it("lets the unsure clot question be left blank", () => {
    const safety = buildStepSchema("safety");
    expect(safety.safeParse({ ...NO_RED_FLAGS, "rf-calf-swelling": true }).success).toBe(true);
    expect(errorsOf(safety, { ...NO_RED_FLAGS, "rf-fever": undefined })).toEqual({
      "rf-fever": "Please answer yes or no",
    });
  });

  it("pairs an optional activity with its score", () => {
    const goals = buildStepSchema("goals");
    const base = { goal: "less-pain", "function-1": "Sitting", "function-1-score": 4 };
    expect(goals.safeParse(base).success).toBe(true);
    expect(errorsOf(goals, { ...base, "function-2": "Stairs" })).toEqual({
      "function-2-score": "Please score this activity from 0 to 10",
    });
    expect(errorsOf(goals, { ...base, "function-3-score": 6 })).toEqual({
      "function-3": "Please name the activity you scored",
    });
    expect(errorsOf(goals, { goal: "return-to-sport", "function-1": "Run", "function-1-score": 2 })).toEqual({
      sport: "Please fill this in",
    });
  });

  it("reports a wrong value once, not also as missing", () => {
    expect(
      errorsOf(buildStepSchema("pain"), {
        "pain-now": 12,
        "pain-worst": 5,
        aggravators: ["none"],
        radiates: ["none"],
        "back-pain": false,
        "pins-needles": false,
      }),
    ).toEqual({
      "pain-now": "Enter a whole number from 0 to 10",
    });
  });

  it("refuses an unknown step", () => {
    expect(() => buildStepSchema("nope" as never)).toThrow(/Unknown intake step/);
  });
});

describe("intakeSubmissionSchema", () => {
  const complete = {
    consent: true,
    region: "buttock",
    side: "left",
    onset: "gradual",
    weeks: 26,
    course: "same",
    "pain-now": 3,
    "pain-worst": 6,
    aggravators: ["sitting"],
    radiates: ["none"],
    "back-pain": false,
    "pins-needles": false,
    diagnosed: true,
    "diagnosed-by": "physio",
    treatments: ["physio"],
    "treatment-result": "plateaued",
    "training-change": false,
    goal: "less-pain",
    "function-1": "Sitting",
    "function-1-score": 4,
    "risk-strength-imbalance": "no",
    "risk-flexibility": "no",
    "risk-core": "no",
    "risk-pelvis": "no",
    "risk-leg-length": "unsure",
    ...NO_RED_FLAGS,
    "prefer-online": false,
  };

  it("accepts a complete intake and drops answers to hidden questions", () => {
    expect(intakeSubmissionSchema.parse({ ...complete, pop: true, "online-suitable": true })).toEqual(complete);
  });

  it("lists every missing required answer", () => {
    const { "rf-chest": _chest, goal: _goal, ...missing } = complete;
    expect(errorsOf(intakeSubmissionSchema, missing)).toEqual({
      goal: "Please choose an answer",
      "rf-chest": "Please answer yes or no",
    });
  });

  it("turns a ZodError into fields", () => {
    const r = intakeSubmissionSchema.safeParse({ ...complete, consent: false });
    expect(r.success).toBe(false);
    if (!r.success) expect(zodErrorToFieldErrors(r.error)).toEqual({ consent: "Please agree so we can continue" });
  });
});

describe("issuesToFieldErrors", () => {
  it("keeps the first message per field and names whole-value issues _form", () => {
    expect(
      issuesToFieldErrors([
        { path: ["answers", "weeks"], message: "first" },
        { path: ["answers", "weeks"], message: "second" },
        { path: [], message: "whole" },
        { path: ["list", 0], message: "item" },
      ]),
    ).toEqual({ "answers.weeks": "first", _form: "whole", "list.0": "item" });
  });
});
