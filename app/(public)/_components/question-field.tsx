"use client";
import { type Ref, useState } from "react";
import type { AnswerValue, QuestionItem } from "@/lib/intake/questionnaire-types";
import { type DurationUnit, toWeeks } from "./weeks-or-months";

type Layout = "list" | "pair" | "scale";

/** Class names of one page's stylesheet: the booking page and the intake form each keep their own look. */
interface Look {
  field: string;
  invalid: string;
  consent: string;
  fieldset: Record<Layout, string>;
  options: Record<Layout, string>;
  option: string;
  inputRow: string;
  unit: string;
  input: { integer: string; string: string };
  scaleEnds: string;
  errorMark: string;
}

const LOOKS: Record<"booking" | "intake", Look> = {
  booking: {
    field: "field",
    invalid: "",
    consent: "check check--consent",
    fieldset: { list: "field choice", pair: "field choice choice--yes-no", scale: "field choice" },
    options: { list: "choice__options", pair: "choice__options", scale: "choice__options" },
    option: "choice__option",
    inputRow: "input-unit",
    unit: "input-unit__label",
    input: { integer: "input input--short", string: "input input--short" },
    // No booking question is a 0-10 scale.
    scaleEnds: "",
    errorMark: "! ",
  },
  intake: {
    field: "field intake-q",
    invalid: "intake-q--error",
    consent: "intake-check intake-check--consent",
    fieldset: { list: "field intake-q", pair: "field intake-q", scale: "field intake-q" },
    options: {
      list: "intake-options",
      pair: "intake-options intake-options--pair",
      scale: "intake-options intake-options--scale",
    },
    option: "intake-option",
    inputRow: "intake-input-row",
    unit: "intake-input-row__unit",
    input: { integer: "input intake-input--number", string: "input" },
    scaleEnds: "intake-scale-ends",
    errorMark: "⚠ ",
  },
};

interface Props {
  item: QuestionItem;
  value: unknown;
  error: string | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  onBlur?: () => void;
  /** Given to the text box, checkbox or first option, so a form library can focus the question. */
  inputRef?: Ref<HTMLInputElement>;
  /** Wording that depends on earlier answers; the questionnaire's text otherwise. */
  label?: string;
  look: keyof typeof LOOKS;
  /** A browser number box that keeps only numbers; otherwise a text box that keeps whatever is not digits, for a schema to explain. */
  nativeNumbers?: boolean;
}

const YES_NO = [
  { code: "true", display: "Yes" },
  { code: "false", display: "No" },
];

// A 0-10 question is a row of numbers to tap: quicker than typing on a phone, and never out of range.
const isScale = (item: QuestionItem) => item.type === "integer" && item.min === 0 && item.max === 10;

const classes = (...names: (string | false)[]) => names.filter(Boolean).join(" ");

/** What a typed answer becomes: blank is no answer; digits become a number unless `nativeNumbers` already gave one. */
function typedAnswer(item: QuestionItem, raw: string, nativeNumbers: boolean): AnswerValue | undefined {
  if (raw.trim() === "") return undefined;
  if (item.type !== "integer") return raw;
  if (nativeNumbers) return Number(raw);
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
}

/** One question of the shared questionnaire, drawn from its definition, with its hint and error beside it. */
export function QuestionField({
  item,
  value,
  error,
  onChange,
  onBlur,
  inputRef,
  label = item.text,
  look: lookName,
  nativeNumbers = false,
}: Props) {
  const look = LOOKS[lookName];
  // Only a "weeks" question offers months; the answer is always weeks, so the months typed are kept here.
  const [unit, setUnit] = useState<DurationUnit>("weeks");
  const [typed, setTyped] = useState(value === undefined || value === null ? "" : String(value));
  const id = `q-${item.linkId}`;
  const hintId = item.helper ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const fieldClass = classes(look.field, !!error && look.invalid);
  const hint = item.helper ? (
    <p id={hintId} className="hint">
      {item.helper}
    </p>
  ) : null;
  const errorText = error ? (
    <p id={errorId} className="field-error">
      <span aria-hidden="true">{look.errorMark}</span>
      {error}
    </p>
  ) : null;

  if (item.type === "boolean" && item.mustBeTrue) {
    return (
      <div className={fieldClass}>
        <label className={look.consent} htmlFor={id}>
          <input
            id={id}
            ref={inputRef}
            type="checkbox"
            checked={value === true}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.checked ? true : undefined)}
            onBlur={onBlur}
          />
          <span>{label}</span>
        </label>
        {hint}
        {errorText}
      </div>
    );
  }

  if ((item.type === "integer" && !isScale(item)) || item.type === "string") {
    const native = item.type === "integer" && nativeNumbers;
    return (
      <div className={fieldClass}>
        <label htmlFor={id}>{label}</label>
        {hint}
        <div className={look.inputRow}>
          <input
            id={id}
            ref={inputRef}
            name={item.linkId}
            className={look.input[item.type]}
            type={native ? "number" : "text"}
            inputMode={item.type === "integer" ? "numeric" : undefined}
            autoComplete="off"
            min={native ? item.min : undefined}
            max={native ? item.max : undefined}
            maxLength={item.type === "string" ? item.maxLength : native ? undefined : 4}
            value={unit === "months" ? typed : value === undefined || value === null ? "" : String(value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              setTyped(e.target.value);
              onChange(
                unit === "months"
                  ? (toWeeks(e.target.value, unit) as AnswerValue | undefined)
                  : typedAnswer(item, e.target.value, nativeNumbers),
              );
            }}
            onBlur={onBlur}
          />
          {item.type === "integer" && item.unit === "weeks" ? (
            <select
              aria-label="Weeks or months"
              className="select select--unit"
              value={unit}
              onChange={(e) => {
                const next = e.target.value as DurationUnit;
                setUnit(next);
                // The number typed stays; the patient is saying what it counts.
                if (typed.trim() !== "") onChange(toWeeks(typed, next) as AnswerValue | undefined);
              }}
            >
              <option value="weeks">weeks</option>
              <option value="months">months</option>
            </select>
          ) : item.type === "integer" && item.unit ? (
            <span className={look.unit}>{item.unit}</span>
          ) : null}
        </div>
        {errorText}
      </div>
    );
  }

  const many = item.type === "multi-choice";
  const options =
    item.type === "boolean" ? YES_NO : item.type === "integer" ? scaleOptions(item.min, item.max) : item.options;
  const layout: Layout = item.type === "boolean" ? "pair" : isScale(item) ? "scale" : "list";
  const selected = (code: string) =>
    item.type === "boolean" || item.type === "integer"
      ? String(value) === code
      : Array.isArray(value)
        ? value.includes(code)
        : value === code;
  const choose = (code: string, checked: boolean) => {
    if (item.type === "boolean") return onChange(code === "true");
    if (item.type === "integer") return onChange(Number(code));
    if (item.type !== "multi-choice") return onChange(code);
    const now = Array.isArray(value) ? (value as string[]) : [];
    const exclusive = item.exclusiveCode;
    // Picking "none" clears the rest, and picking anything else clears "none".
    let next = checked ? [...now.filter((c) => c !== exclusive), code] : now.filter((c) => c !== code);
    if (checked && code === exclusive) next = [code];
    onChange(next.length ? next : undefined);
  };

  // The fieldset takes the id, so a form without refs can still move focus to the question.
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={classes(look.fieldset[layout], !!error && look.invalid)}
      aria-describedby={describedBy}
    >
      <legend>{label}</legend>
      {hint}
      <div className={look.options[layout]}>
        {options.map((o, i) => (
          <label key={o.code} className={look.option}>
            <input
              ref={i === 0 ? inputRef : undefined}
              type={many ? "checkbox" : "radio"}
              name={item.linkId}
              value={o.code}
              checked={selected(o.code)}
              onChange={(e) => choose(o.code, e.target.checked)}
              onBlur={onBlur}
            />
            <span>{o.display}</span>
          </label>
        ))}
      </div>
      {isScale(item) ? (
        <p className={look.scaleEnds} aria-hidden="true">
          <span>{item.linkId.startsWith("pain") ? "No pain" : "Can't do it"}</span>
          <span>{item.linkId.startsWith("pain") ? "Worst imaginable" : "As before"}</span>
        </p>
      ) : null}
      {errorText}
    </fieldset>
  );
}

function scaleOptions(min: number, max: number) {
  return Array.from({ length: max - min + 1 }, (_, i) => ({ code: String(min + i), display: String(min + i) }));
}
