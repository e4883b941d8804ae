import JSONSchemaValidator from "@asymmetrik/fhir-json-schema-validator";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { answersArbitrary } from "./testing/answers-arbitrary";
import { pruneDisabledAnswers } from "./enable-when";
import {
  answerSystem,
  fromQuestionnaireResponse,
  toFhirQuestionnaire,
  toQuestionnaireResponse,
  type FhirQuestionnaireItem,
  type FhirQuestionnaireResponse,
} from "./fhir";
import { COLLECTION_NOTICE, ITEMS, QUESTIONNAIRE_VERSION, type Answers } from "./questionnaire";
import { answersSchema } from "./schemas";
import { PATIENT_STORIES } from "./testing/stories";

const BASE = "https://clinic.example/api/v1/";
const questionnaire = toFhirQuestionnaire(BASE);
const meta = {
  questionnaireUrl: questionnaire.url,
  version: QUESTIONNAIRE_VERSION,
  status: "completed" as const,
  authored: "2026-03-01T09:00:00+11:00",
  id: "resp-1",
};

function flatten(items: readonly FhirQuestionnaireItem[]): FhirQuestionnaireItem[] {
  return items.flatMap((i) => [i, ...flatten(i.item ?? [])]);
}
const byLinkId = new Map(flatten(questionnaire.item).map((i) => [i.linkId, i]));
const fhirItem = (linkId: string) => {
  const i = byLinkId.get(linkId);
  if (!i) throw new Error(`no ${linkId}`);
  return i;
};

let validator: JSONSchemaValidator;
beforeAll(() => {
  // Compiles the official FHIR R4 JSON schema shipped in the package; works offline.
  validator = new JSONSchemaValidator();
});
const validate = (resource: object) => validator.validate(resource);

describe("toFhirQuestionnaire", () => {
  it("is a valid FHIR R4 Questionnaire", () => {
    expect(validate(questionnaire)).toEqual([]);
  });

  it("the validator does reject a broken resource", () => {
    const broken = { ...questionnaire, status: "live", item: [{ linkId: "x", type: "yes-no" }] };
    expect(validate(broken).length).toBeGreaterThan(0);
    expect(validate({ ...questionnaire, unknownField: 1 }).length).toBeGreaterThan(0);
    const deep = {
      ...questionnaire,
      item: [
        {
          linkId: "g",
          type: "group",
          item: [
            { linkId: "a", type: "boolean", enableWhen: [{ question: "b", operator: "equals", answerBoolean: true }] },
          ],
        },
      ],
    };
    expect(validate(deep).length).toBeGreaterThan(0);
  });

  it("meets the Questionnaire rules a JSON schema cannot check", () => {
    const all = flatten(questionnaire.item);
    // que-2: linkIds unique; que-1: groups have items; que-6: display items are not required or repeating;
    // que-4 and que-5: only choice items carry options; que-12: enableBehavior with several conditions.
    expect(new Set(all.map((i) => i.linkId)).size).toBe(all.length);
    for (const i of all) {
      if (i.type === "group") expect(i.item?.length).toBeGreaterThan(0);
      if (i.type === "display") expect(i.required ?? i.repeats).toBeUndefined();
      expect(i.answerOption !== undefined).toBe(i.type === "choice");
      if ((i.enableWhen?.length ?? 0) > 1) expect(i.enableBehavior).toBeDefined();
      for (const c of i.enableWhen ?? []) expect(byLinkId.has(c.question)).toBe(true);
    }
    expect(questionnaire.name).toMatch(/^[A-Z][A-Za-z0-9_]{0,254}$/);
  });

  it("has the canonical url, version, status and names", () => {
    expect(questionnaire).toMatchObject({
      resourceType: "Questionnaire",
      url: "https://clinic.example/api/v1/Questionnaire/intake",
      version: QUESTIONNAIRE_VERSION,
      status: "active",
      name: "PhysioIntake",
    });
    expect(questionnaire.url).toMatch(/\/Questionnaire\/intake$/);
    expect(questionnaire.title.length).toBeGreaterThan(10);
  });

  it("has one group per step, holding its questions in order", () => {
    expect(questionnaire.item.every((g) => g.type === "group")).toBe(true);
    const questions = flatten(questionnaire.item).filter((i) => i.type !== "group" && i.type !== "display");
    expect(questions.map((i) => i.linkId)).toEqual(ITEMS.map((i) => i.linkId));
  });

  it("starts with the collection notice", () => {
    expect(questionnaire.item[0]?.item?.[0]).toEqual({
      linkId: "consent-notice",
      text: COLLECTION_NOTICE,
      type: "display",
    });
  });

  it("maps types, required and repeats", () => {
    expect(fhirItem("consent")).toMatchObject({ type: "boolean", required: true });
    expect(fhirItem("sex")).toMatchObject({ type: "choice", required: false });
    expect(fhirItem("aggravators")).toMatchObject({ type: "choice", repeats: true });
    expect(fhirItem("side").repeats).toBeUndefined();
    expect(fhirItem("function-1")).toMatchObject({ type: "string", maxLength: 120 });
    expect(fhirItem("weeks").type).toBe("integer");
  });

  it("gives choices codings with a system per question, the contract code and the wording", () => {
    expect(fhirItem("side").answerOption).toEqual([
      {
        valueCoding: { system: "https://clinic.example/api/v1/CodeSystem/intake-side", code: "left", display: "Left" },
      },
      {
        valueCoding: {
          system: "https://clinic.example/api/v1/CodeSystem/intake-side",
          code: "right",
          display: "Right",
        },
      },
      {
        valueCoding: {
          system: "https://clinic.example/api/v1/CodeSystem/intake-side",
          code: "both",
          display: "Both sides",
        },
      },
    ]);
  });

  it("gives integer limits as minValue and maxValue extensions", () => {
    const ext = fhirItem("pain-now").extension ?? [];
    expect(ext).toContainEqual({ url: "http://hl7.org/fhir/StructureDefinition/minValue", valueInteger: 0 });
    expect(ext).toContainEqual({ url: "http://hl7.org/fhir/StructureDefinition/maxValue", valueInteger: 10 });
    expect(fhirItem("weeks").extension).toContainEqual({
      url: "http://hl7.org/fhir/StructureDefinition/maxValue",
      valueInteger: 520,
    });
  });

  it("maps every enableWhen with its operator and answer", () => {
    expect(fhirItem("pop").enableWhen).toEqual([
      {
        question: "onset",
        operator: "=",
        answerCoding: { system: answerSystem(BASE, "onset"), code: "sudden", display: "Suddenly, at one moment" },
      },
    ]);
    expect(fhirItem("rf-clot-risk").enableWhen).toEqual([
      { question: "rf-calf-swelling", operator: "=", answerBoolean: true },
    ]);
    expect(fhirItem("online-suitable").enableWhen).toEqual([
      { question: "prefer-online", operator: "=", answerBoolean: true },
    ]);
    expect(fhirItem("diagnosed-by").enableWhen).toEqual([
      { question: "diagnosed", operator: "=", answerBoolean: true },
    ]);
    expect(fhirItem("sport").enableWhen?.[0]?.answerCoding?.code).toBe("return-to-sport");
    for (const id of ["knee-lump", "knee-locking", "twisting-injury"])
      expect(fhirItem(id).enableWhen?.[0]?.answerCoding?.code).toBe("back-of-knee");
    expect(fhirItem("region").enableWhen).toBeUndefined();
  });

  it("says 'any treatment but none' as any-of conditions with enableBehavior", () => {
    const tr = fhirItem("treatment-result");
    expect(tr.enableBehavior).toBe("any");
    expect(tr.enableWhen?.map((c) => c.answerCoding?.code)).toEqual([
      "physio",
      "exercise-program",
      "shockwave",
      "massage",
      "cortisone",
      "prp",
      "surgery",
    ]);
    expect(fhirItem("pop").enableBehavior).toBeUndefined();
  });

  it("attaches helper text as a help display item", () => {
    expect(fhirItem("weeks").item?.[0]).toMatchObject({ linkId: "weeks-help", type: "display" });
  });
});

describe("QuestionnaireResponse", () => {
  const story = PATIENT_STORIES.find((s) => s.id === "runner-plateaued-online");
  if (!story) throw new Error("story missing");
  const qr = toQuestionnaireResponse(story.answers, meta);

  it("is a valid FHIR R4 QuestionnaireResponse", () => {
    expect(validate(qr)).toEqual([]);
  });

  it("points at the questionnaire and version, with status and time", () => {
    expect(qr).toMatchObject({
      resourceType: "QuestionnaireResponse",
      id: "resp-1",
      questionnaire: "https://clinic.example/api/v1/Questionnaire/intake|" + QUESTIONNAIRE_VERSION,
      status: "completed",
      authored: "2026-03-01T09:00:00+11:00",
    });
  });

  it("writes each kind of answer in its FHIR value type", () => {
    const items = new Map(qr.item?.flatMap((g) => g.item ?? []).map((i) => [i.linkId, i.answer]));
    expect(items.get("consent")).toEqual([{ valueBoolean: true }]);
    expect(items.get("weeks")).toEqual([{ valueInteger: 26 }]);
    expect(items.get("sport")).toEqual([{ valueString: "Running" }]);
    expect(items.get("side")).toEqual([
      { valueCoding: { system: answerSystem(BASE, "side"), code: "left", display: "Left" } },
    ]);
    expect(items.get("aggravators")?.map((a) => a.valueCoding?.code)).toEqual(["running", "sitting", "bending"]);
    expect(items.has("pop")).toBe(false);
  });

  it("leaves out empty groups and is valid with no answers", () => {
    const empty = toQuestionnaireResponse({}, { ...meta, status: "in-progress" });
    expect(empty.item).toBeUndefined();
    expect(validate(empty)).toEqual([]);
    const { id: _id, ...noId } = meta;
    expect(toQuestionnaireResponse({ region: "buttock" }, noId).item?.map((g) => g.linkId)).toEqual(["step-where"]);
  });

  it("round-trips every story", () => {
    for (const s of PATIENT_STORIES) {
      const answers = pruneDisabledAnswers(s.answers);
      const back = fromQuestionnaireResponse(toQuestionnaireResponse(answers, meta));
      expect(answersSchema.parse(back), s.id).toEqual(answers);
    }
  });

  it("round-trips any answers, and every response is valid FHIR", () => {
    fc.assert(
      fc.property(answersArbitrary, (a) => {
        const answers = pruneDisabledAnswers(a);
        const response = toQuestionnaireResponse(answers, meta);
        expect(validate(response)).toEqual([]);
        expect(answersSchema.parse(fromQuestionnaireResponse(response))).toEqual(answers);
      }),
      { numRuns: 60 },
    );
  });

  it("keeps unknown linkIds and odd values so validation reports them", () => {
    const odd: FhirQuestionnaireResponse = {
      resourceType: "QuestionnaireResponse",
      questionnaire: meta.questionnaireUrl,
      status: "completed",
      item: [
        { linkId: "step-x", item: [{ linkId: "mystery", answer: [{ valueString: "?" }] }] },
        { linkId: "side", answer: [{ valueCoding: { code: "left" } }, { valueCoding: { code: "right" } }] },
        {
          linkId: "diagnosed",
          answer: [{ valueBoolean: true, item: [{ linkId: "weeks", answer: [{ valueInteger: 3 }] }] }],
        },
      ],
    };
    const raw = fromQuestionnaireResponse(odd);
    expect(raw).toEqual({ mystery: "?", side: ["left", "right"], diagnosed: true, weeks: 3 });
    const parsed = answersSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["mystery", "side"]);
  });
});

describe("fromQuestionnaireResponse on a stored answer set", () => {
  it("restores booleans that are false and scores that are zero", () => {
    const a: Answers = { diagnosed: false, "pain-now": 0, weeks: 0, treatments: ["none"] };
    expect(fromQuestionnaireResponse(toQuestionnaireResponse(a, meta))).toEqual(a);
  });
});
