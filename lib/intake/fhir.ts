// FHIR R4 mapping of the intake questionnaire and its answers. Adapters only: every
// item, code and condition comes from questionnaire.ts.
import {
  COLLECTION_NOTICE,
  findItem,
  QUESTIONNAIRE_TITLE,
  QUESTIONNAIRE_VERSION,
  STEPS,
  type Answers,
} from "./questionnaire";
import type { AnswerValue, EnableWhen, QuestionItem } from "./questionnaire-types";

export interface FhirCoding {
  system?: string;
  code: string;
  display?: string;
}
export interface FhirExtension {
  url: string;
  valueInteger?: number;
  valueCoding?: FhirCoding;
  valueCodeableConcept?: { coding: FhirCoding[] };
}
export interface FhirEnableWhen {
  question: string;
  operator: "=";
  answerBoolean?: boolean;
  answerCoding?: FhirCoding;
}
export interface FhirQuestionnaireItem {
  linkId: string;
  text?: string;
  type: "group" | "display" | "boolean" | "choice" | "integer" | "string";
  required?: boolean;
  repeats?: boolean;
  maxLength?: number;
  extension?: FhirExtension[];
  enableWhen?: FhirEnableWhen[];
  enableBehavior?: "all" | "any";
  answerOption?: { valueCoding: FhirCoding }[];
  item?: FhirQuestionnaireItem[];
}
export interface FhirQuestionnaire {
  resourceType: "Questionnaire";
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: "active";
  subjectType: ["Patient"];
  description: string;
  item: FhirQuestionnaireItem[];
}
export interface FhirAnswer {
  valueBoolean?: boolean;
  valueInteger?: number;
  valueString?: string;
  valueCoding?: FhirCoding;
  item?: FhirResponseItem[];
}
export interface FhirResponseItem {
  linkId: string;
  text?: string;
  answer?: FhirAnswer[];
  item?: FhirResponseItem[];
}
export type ResponseStatus = "in-progress" | "completed" | "amended" | "entered-in-error" | "stopped";
export interface FhirQuestionnaireResponse {
  resourceType: "QuestionnaireResponse";
  id?: string;
  questionnaire: string;
  status: ResponseStatus;
  authored?: string;
  item?: FhirResponseItem[];
}

const SDC = "http://hl7.org/fhir/StructureDefinition";
const UCUM: Record<string, string> = { weeks: "wk", cm: "cm", kg: "kg" };

const trimSlash = (url: string) => url.replace(/\/+$/, "");
export const questionnaireUrl = (baseUrl: string) => `${trimSlash(baseUrl)}/Questionnaire/intake`;
/** One code system per question: the same code ("physio", "none") means different things in different questions. */
export const answerSystem = (baseUrl: string, linkId: string) => `${trimSlash(baseUrl)}/CodeSystem/intake-${linkId}`;
const groupLinkId = (stepId: string) => `step-${stepId}`;

function coding(baseUrl: string, linkId: string, code: string): FhirCoding {
  const item = findItem(linkId);
  const display = item && "options" in item ? item.options.find((o) => o.code === code)?.display : undefined;
  return { system: answerSystem(baseUrl, linkId), code, ...(display !== undefined ? { display } : {}) };
}

function fhirEnableWhen(baseUrl: string, c: EnableWhen): FhirEnableWhen {
  return typeof c.answer === "boolean"
    ? { question: c.question, operator: c.operator, answerBoolean: c.answer }
    : { question: c.question, operator: c.operator, answerCoding: coding(baseUrl, c.question, c.answer) };
}

function extensions(item: QuestionItem): FhirExtension[] {
  if (item.type !== "integer") return [];
  const ext: FhirExtension[] = [
    { url: `${SDC}/minValue`, valueInteger: item.min },
    { url: `${SDC}/maxValue`, valueInteger: item.max },
  ];
  const ucum = item.unit !== undefined ? UCUM[item.unit] : undefined;
  if (ucum !== undefined)
    ext.push({
      url: `${SDC}/questionnaire-unit`,
      valueCoding: { system: "http://unitsofmeasure.org", code: ucum, display: item.unit },
    });
  return ext;
}

function helpItem(linkId: string, text: string): FhirQuestionnaireItem {
  return {
    linkId: `${linkId}-help`,
    text,
    type: "display",
    extension: [
      {
        url: `${SDC}/questionnaire-itemControl`,
        valueCodeableConcept: { coding: [{ system: "http://hl7.org/fhir/questionnaire-item-control", code: "help" }] },
      },
    ],
  };
}

function fhirItem(baseUrl: string, item: QuestionItem): FhirQuestionnaireItem {
  const ext = extensions(item);
  return {
    linkId: item.linkId,
    text: item.text,
    type: item.type === "multi-choice" ? "choice" : item.type,
    required: item.required,
    ...(item.type === "multi-choice" ? { repeats: true } : {}),
    ...(item.type === "string" ? { maxLength: item.maxLength } : {}),
    ...(ext.length > 0 ? { extension: ext } : {}),
    ...(item.enableWhen ? { enableWhen: item.enableWhen.map((c) => fhirEnableWhen(baseUrl, c)) } : {}),
    // FHIR requires enableBehavior once there is more than one condition.
    ...(item.enableWhen && item.enableWhen.length > 1 ? { enableBehavior: item.enableBehavior ?? "all" } : {}),
    ...("options" in item
      ? { answerOption: item.options.map((o) => ({ valueCoding: coding(baseUrl, item.linkId, o.code) })) }
      : {}),
    ...(item.helper !== undefined ? { item: [helpItem(item.linkId, item.helper)] } : {}),
  };
}

/** The questionnaire as served at `GET /api/v1/questionnaires/intake`. */
export function toFhirQuestionnaire(baseUrl: string): FhirQuestionnaire {
  return {
    resourceType: "Questionnaire",
    id: "intake",
    url: questionnaireUrl(baseUrl),
    version: QUESTIONNAIRE_VERSION,
    name: "PhysioIntake",
    title: QUESTIONNAIRE_TITLE,
    status: "active",
    subjectType: ["Patient"],
    description:
      "Intake questions before a first visit for buttock, hamstring or back-of-knee pain. The first answers also suggest which appointment to book.",
    item: STEPS.map((s) => ({
      linkId: groupLinkId(s.id),
      text: s.title,
      type: "group" as const,
      item: [
        ...(s.id === "consent"
          ? [{ linkId: "consent-notice", text: COLLECTION_NOTICE, type: "display" as const }]
          : []),
        ...(s.intro !== undefined
          ? [{ linkId: `${groupLinkId(s.id)}-intro`, text: s.intro, type: "display" as const }]
          : []),
        ...s.items.map((i: QuestionItem) => fhirItem(baseUrl, i)),
      ],
    })),
  };
}

function fhirAnswers(baseUrl: string, item: QuestionItem, value: AnswerValue): FhirAnswer[] {
  const values = Array.isArray(value) ? value : [value];
  return values.map((v): FhirAnswer => {
    if (item.type === "choice" || item.type === "multi-choice")
      return { valueCoding: coding(baseUrl, item.linkId, String(v)) };
    if (typeof v === "boolean") return { valueBoolean: v };
    if (typeof v === "number") return { valueInteger: v };
    return { valueString: v };
  });
}

export interface ResponseMeta {
  questionnaireUrl: string;
  version: string;
  status: ResponseStatus;
  authored: string;
  id?: string;
}

/** Answers as a QuestionnaireResponse, grouped by step as the Questionnaire is. Pass validated answers. */
export function toQuestionnaireResponse(answers: Answers, meta: ResponseMeta): FhirQuestionnaireResponse {
  const baseUrl = meta.questionnaireUrl.replace(/\/Questionnaire\/intake$/, "");
  const raw = answers as Readonly<Record<string, AnswerValue | undefined>>;
  const groups = STEPS.map((s): FhirResponseItem => {
    const items = s.items.flatMap((item: QuestionItem): FhirResponseItem[] => {
      const value = raw[item.linkId];
      if (value === undefined || (Array.isArray(value) && value.length === 0)) return [];
      return [{ linkId: item.linkId, text: item.text, answer: fhirAnswers(baseUrl, item, value) }];
    });
    return { linkId: groupLinkId(s.id), text: s.title, item: items };
  }).filter((g) => (g.item?.length ?? 0) > 0);
  return {
    resourceType: "QuestionnaireResponse",
    ...(meta.id !== undefined ? { id: meta.id } : {}),
    questionnaire: `${meta.questionnaireUrl}|${meta.version}`,
    status: meta.status,
    authored: meta.authored,
    ...(groups.length > 0 ? { item: groups } : {}),
  };
}

function answerValue(answer: FhirAnswer): AnswerValue | undefined {
  return answer.valueCoding?.code ?? answer.valueBoolean ?? answer.valueInteger ?? answer.valueString;
}

/**
 * Answers back out of a QuestionnaireResponse. Maps only: an unknown linkId is kept as
 * it came, so parsing the result with answersSchema reports it rather than losing it.
 */
export function fromQuestionnaireResponse(qr: FhirQuestionnaireResponse): Record<string, unknown> {
  const out = new Map<string, unknown>();
  const visit = (items: readonly FhirResponseItem[] | undefined) => {
    for (const entry of items ?? []) {
      const values = (entry.answer ?? []).map(answerValue).filter((v): v is AnswerValue => v !== undefined);
      const item = findItem(entry.linkId);
      // Several answers to a one-answer question stay a list, which validation then rejects.
      if (values.length > 0)
        out.set(entry.linkId, item?.type === "multi-choice" || values.length > 1 ? values : values[0]);
      visit(entry.item);
      for (const answer of entry.answer ?? []) visit(answer.item);
    }
  };
  visit(qr.item);
  return Object.fromEntries(out);
}
