// zod schemas built from the questionnaire, so the form, the intake action and the
// triage API parse answers the same way. Every issue's path is the question's linkId.
import { z } from "zod";
import { patientDetailsSchema, slugSchema } from "@/lib/scheduling/schemas";
import { CONTROL_MESSAGE, isPlainText } from "@/lib/validation/text";
import { isItemEnabled, pruneDisabledAnswers } from "./enable-when";
import { findItem, ITEMS, STEPS, type Answers, type StepId } from "./questionnaire";
import type { QuestionItem } from "./questionnaire-types";

const codeList = (item: { options: readonly { code: string }[] }) => item.options.map((o) => o.code).join(", ");

function buildValueSchema(item: QuestionItem): z.ZodType<unknown> {
  switch (item.type) {
    case "boolean":
      return z.boolean({ error: "Answer yes (true) or no (false)" });
    case "choice": {
      const codes = item.options.map((o) => o.code);
      return z.string({ error: `Choose one of: ${codeList(item)}` }).refine((v) => codes.includes(v), {
        error: `Choose one of: ${codeList(item)}`,
      });
    }
    case "multi-choice": {
      const codes = item.options.map((o) => o.code);
      const exclusive = item.exclusiveCode;
      const exclusiveLabel = item.options.find((o) => o.code === exclusive)?.display ?? exclusive;
      return z.preprocess(
        // One code on its own is taken as a list of one: the API accepts "sitting" as well as ["sitting"].
        (v) => (typeof v === "string" ? [v] : v),
        z
          .array(z.string(), { error: `Choose any of: ${codeList(item)}` })
          .refine((vs) => vs.every((v) => codes.includes(v)), { error: `Choose any of: ${codeList(item)}` })
          .refine((vs) => exclusive === undefined || !vs.includes(exclusive) || vs.every((v) => v === exclusive), {
            error: `"${exclusiveLabel}" can't be chosen together with other answers`,
          })
          .transform((vs) => [...new Set(vs)]),
      );
    }
    case "integer": {
      const range = `Enter a whole number from ${item.min} to ${item.max}`;
      return z
        .number({ error: range })
        .int({ error: range })
        .min(item.min, { error: range })
        .max(item.max, { error: range });
    }
    case "string":
      return z
        .string({ error: "Enter some text" })
        .refine((s) => isPlainText(s, true), { error: CONTROL_MESSAGE })
        .trim()
        .max(item.maxLength, { error: `Keep this to ${item.maxLength} characters or fewer` });
  }
}

const valueSchemas = new Map(ITEMS.map((item) => [item.linkId, buildValueSchema(item)]));

/** The schema for one question's answer (for validating a single field as the patient types). */
export function answerValueSchema(item: QuestionItem): z.ZodType<unknown> {
  return valueSchemas.get(item.linkId) ?? buildValueSchema(item);
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** Checks every key of `raw`; returns the clean answers (empties dropped) and the issues found. */
function inspectAnswers(raw: Record<string, unknown>) {
  const clean: Record<string, unknown> = {};
  const issues: { path: string; message: string }[] = [];
  for (const [linkId, value] of Object.entries(raw)) {
    const item = findItem(linkId);
    if (!item) {
      issues.push({ path: linkId, message: `There is no question "${linkId}"` });
      continue;
    }
    // null, "" and [] mean "not answered", which is always allowed here.
    if (value === null || value === undefined) continue;
    const parsed = answerValueSchema(item).safeParse(value);
    if (!parsed.success) {
      issues.push({ path: linkId, message: parsed.error.issues[0]?.message ?? "Check this answer" });
      continue;
    }
    if (!isEmpty(parsed.data)) clean[linkId] = parsed.data;
  }
  return { clean: clean as Answers, issues };
}

const rawAnswers = z.record(z.string(), z.unknown(), {
  error: "Send the answers as an object of question id to answer",
});

/** Any subset of the questionnaire's answers, each checked against its question. Nothing is required. */
export const answersSchema = rawAnswers
  .superRefine((raw, ctx) => {
    for (const issue of inspectAnswers(raw).issues)
      ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  })
  .transform((raw): Answers => inspectAnswers(raw).clean);

/** Body of `POST /api/v1/triage`. */
export const triageRequestSchema = z.object({
  answers: answersSchema,
  age: z
    .number({ error: "Age must be a whole number of years" })
    .int({ error: "Age must be a whole number of years" })
    .min(0, { error: "Age must be from 0 to 130" })
    .max(130, { error: "Age must be from 0 to 130" })
    .nullish()
    .transform((v) => v ?? undefined),
});
export type TriageRequest = z.output<typeof triageRequestSchema>;

/** Who to send "please call us" to, when a red flag has stopped an online booking: the booking form's own fields. */
export const callUsRequestSchema = z.object({
  firstName: patientDetailsSchema.shape.firstName,
  email: patientDetailsSchema.shape.email,
  location: slugSchema.optional(),
});
export type CallUsRequest = z.input<typeof callUsRequestSchema>;

function missingMessage(item: QuestionItem): string {
  switch (item.type) {
    case "boolean":
      return item.mustBeTrue ? "Please agree so we can continue" : "Please answer yes or no";
    case "choice":
      return "Please choose an answer";
    case "multi-choice":
      return "Please choose at least one answer";
    case "integer":
      return "Please enter a number";
    case "string":
      return "Please fill this in";
  }
}

/** Required-when-shown checks for `items`, judged on all the answers (a knee question depends on the region step). */
function requiredIssues(items: readonly QuestionItem[], answers: Answers): { path: string; message: string }[] {
  const a = answers as Record<string, unknown>;
  const issues: { path: string; message: string }[] = [];
  const inScope = new Set(items.map((i) => i.linkId));
  for (const item of items) {
    if (!isItemEnabled(item, a)) continue;
    const value = a[item.linkId];
    if (item.type === "boolean" && item.mustBeTrue && value !== true)
      issues.push({ path: item.linkId, message: missingMessage(item) });
    else if (item.required && value === undefined) issues.push({ path: item.linkId, message: missingMessage(item) });
  }
  // An optional activity, once named, needs its score, and a score needs its activity.
  for (const n of [1, 2, 3]) {
    const text = `function-${n}`;
    const score = `function-${n}-score`;
    if (inScope.has(score) && a[text] !== undefined && a[score] === undefined)
      issues.push({ path: score, message: "Please score this activity from 0 to 10" });
    if (inScope.has(text) && a[score] !== undefined && a[text] === undefined)
      issues.push({ path: text, message: "Please name the activity you scored" });
  }
  return dedupeByPath(issues);
}

function dedupeByPath<T extends { path: string }>(issues: T[]): T[] {
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(i.path) && seen.add(i.path));
}

function schemaRequiring(items: readonly QuestionItem[]) {
  return rawAnswers
    .superRefine((raw, ctx) => {
      const { clean, issues } = inspectAnswers(raw);
      const badPaths = new Set(issues.map((i) => i.path));
      const required = requiredIssues(items, clean).filter((i) => !badPaths.has(i.path));
      for (const issue of [...issues, ...required])
        ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
    })
    .transform((raw): Answers => pruneDisabledAnswers(inspectAnswers(raw).clean));
}

/**
 * The form's schema for one step: it takes all the answers so far (conditions can point at
 * earlier steps), checks them all, and requires the step's shown, required questions.
 */
export function buildStepSchema(stepId: StepId) {
  const step = STEPS.find((s) => s.id === stepId);
  if (!step) throw new Error(`Unknown intake step: ${stepId}`);
  return schemaRequiring(step.items);
}

/** A finished intake: every shown, required question answered; answers to hidden questions dropped. */
export const intakeSubmissionSchema = schemaRequiring(ITEMS);

type IssueLike = { readonly path: readonly PropertyKey[]; readonly message: string };

/** Field path ("answers.region") → message, first message per field; issues on the whole value go under "_form". */
export function issuesToFieldErrors(issues: readonly IssueLike[]): Record<string, string> {
  const fields = new Map<string, string>();
  for (const issue of issues) {
    const key = issue.path.length === 0 ? "_form" : issue.path.map((p) => String(p)).join(".");
    if (!fields.has(key)) fields.set(key, issue.message);
  }
  // fromEntries keeps a key such as "__proto__" as a plain field.
  return Object.fromEntries(fields);
}

export function zodErrorToFieldErrors(error: z.ZodError): Record<string, string> {
  return issuesToFieldErrors(error.issues);
}
