// Shapes of the intake questionnaire definition. The data lives in questionnaire.ts;
// these types let the form, validation, triage and FHIR export share one definition.

export interface AnswerOption<C extends string = string> {
  readonly code: C;
  /** Patient-facing wording. */
  readonly display: string;
}

/** FHIR-style condition: the item is shown when `question` has the answer `answer`
 * (for a many-answer question, when any of its answers is `answer`). */
export interface EnableWhen {
  readonly question: string;
  readonly operator: "=";
  readonly answer: boolean | string;
}

interface ItemBase<L extends string> {
  readonly linkId: L;
  readonly text: string;
  readonly helper?: string;
  /** Required when shown, in the patient form. The triage API never requires answers. */
  readonly required: boolean;
  readonly enableWhen?: readonly EnableWhen[];
  /** How several enableWhen conditions combine; only set when there is more than one. */
  readonly enableBehavior?: "all" | "any";
  /** Part of the booking page's "help me choose" subset (the answers routing needs). */
  readonly triage: boolean;
}

export interface BooleanItem<L extends string = string> extends ItemBase<L> {
  readonly type: "boolean";
  /** Consent: the form cannot go on until the answer is yes. */
  readonly mustBeTrue?: boolean;
}

export interface ChoiceItem<L extends string = string, C extends string = string> extends ItemBase<L> {
  readonly type: "choice";
  readonly options: readonly AnswerOption<C>[];
}

export interface MultiChoiceItem<L extends string = string, C extends string = string> extends ItemBase<L> {
  readonly type: "multi-choice";
  readonly options: readonly AnswerOption<C>[];
  /** An option such as "none" that cannot be combined with the others. */
  readonly exclusiveCode?: C;
}

export interface IntegerItem<L extends string = string> extends ItemBase<L> {
  readonly type: "integer";
  readonly min: number;
  readonly max: number;
  readonly unit?: string;
}

export interface StringItem<L extends string = string> extends ItemBase<L> {
  readonly type: "string";
  readonly maxLength: number;
}

export type QuestionItem = BooleanItem | ChoiceItem | MultiChoiceItem | IntegerItem | StringItem;
export type ItemType = QuestionItem["type"];

export interface Step<I extends QuestionItem = QuestionItem, Id extends string = string> {
  readonly id: Id;
  readonly title: string;
  readonly intro?: string;
  readonly items: readonly I[];
}

/** The value an answer to item I holds. */
export type AnswerValueOf<I> = I extends { readonly type: "boolean" }
  ? boolean
  : I extends { readonly type: "choice"; readonly options: readonly AnswerOption<infer C>[] }
    ? C
    : I extends { readonly type: "multi-choice"; readonly options: readonly AnswerOption<infer C>[] }
      ? C[]
      : I extends { readonly type: "integer" }
        ? number
        : string;

/** Any answer value, before we know which item it belongs to. */
export type AnswerValue = boolean | number | string | string[];
export type RawAnswers = Record<string, AnswerValue>;

export interface ItemOptions {
  helper?: string;
  required?: boolean;
  enableWhen?: readonly EnableWhen[];
  enableBehavior?: "all" | "any";
  triage?: boolean;
}

// Builders keep linkIds and codes as literal types, so `Answers` is checked by the compiler.
// Items are required by default: the spec marks the few optional ones.
function base<L extends string>(linkId: L, text: string, o: ItemOptions): ItemBase<L> {
  return {
    linkId,
    text,
    required: o.required ?? true,
    triage: o.triage ?? false,
    ...(o.helper !== undefined ? { helper: o.helper } : {}),
    ...(o.enableWhen !== undefined ? { enableWhen: o.enableWhen } : {}),
    ...(o.enableBehavior !== undefined ? { enableBehavior: o.enableBehavior } : {}),
  };
}

export function yesNo<const L extends string>(
  linkId: L,
  text: string,
  o: ItemOptions & { mustBeTrue?: boolean } = {},
): BooleanItem<L> {
  return { ...base(linkId, text, o), type: "boolean", ...(o.mustBeTrue ? { mustBeTrue: true } : {}) };
}

export function choice<const L extends string, const C extends string>(
  linkId: L,
  text: string,
  options: readonly AnswerOption<C>[],
  o: ItemOptions = {},
): ChoiceItem<L, C> {
  return { ...base(linkId, text, o), type: "choice", options };
}

export function multiChoice<const L extends string, const C extends string>(
  linkId: L,
  text: string,
  options: readonly AnswerOption<C>[],
  o: ItemOptions & { exclusiveCode?: NoInfer<C> } = {},
): MultiChoiceItem<L, C> {
  return {
    ...base(linkId, text, o),
    type: "multi-choice",
    options,
    ...(o.exclusiveCode !== undefined ? { exclusiveCode: o.exclusiveCode } : {}),
  };
}

export function integer<const L extends string>(
  linkId: L,
  text: string,
  range: { min: number; max: number; unit?: string },
  o: ItemOptions = {},
): IntegerItem<L> {
  return { ...base(linkId, text, o), type: "integer", ...range };
}

export function freeText<const L extends string>(
  linkId: L,
  text: string,
  o: ItemOptions & { maxLength?: number } = {},
): StringItem<L> {
  return { ...base(linkId, text, o), type: "string", maxLength: o.maxLength ?? 200 };
}

export function step<const Id extends string, const I extends QuestionItem>(
  id: Id,
  title: string,
  items: readonly I[],
  intro?: string,
): Step<I, Id> {
  return { id, title, items, ...(intro !== undefined ? { intro } : {}) };
}

export const when = (question: string, answer: boolean | string): EnableWhen => ({ question, operator: "=", answer });
