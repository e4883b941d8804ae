"use client";
import { useController, type Control } from "react-hook-form";
import type { QuestionItem } from "@/lib/intake/questionnaire-types";
import type { FormValues } from "./answer-values";

interface Props {
  item: QuestionItem;
  control: Control<FormValues>;
  /** Wording that depends on earlier answers; the questionnaire's text otherwise. */
  label?: string;
}

const YES_NO = [
  { code: "true", display: "Yes" },
  { code: "false", display: "No" },
];

// A 0-10 question is a row of numbers to tap: quicker than typing on a phone, and never out of range.
const isScale = (item: QuestionItem) => item.type === "integer" && item.min === 0 && item.max === 10;

/** Typed digits become a number; anything else stays as typed, so the schema can explain what is wrong. */
function toNumberish(raw: string): number | string | undefined {
  const t = raw.trim();
  if (t === "") return undefined;
  return /^\d+$/.test(t) ? Number(t) : raw;
}

/** One question of the intake, wired to react-hook-form; its error shows right under it. */
export function QuestionField({ item, control, label = item.text }: Props) {
  // Destructured, so the ref callback is handed on, never read, while rendering.
  const {
    field: { ref, onChange, onBlur, value },
    fieldState,
  } = useController({ name: item.linkId, control });
  const id = `q-${item.linkId}`;
  const error = fieldState.error?.message;
  const hintId = item.helper ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const hint = item.helper ? (
    <p id={hintId} className="hint">
      {item.helper}
    </p>
  ) : null;
  const errorText = error ? (
    <p id={errorId} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  ) : null;

  if (item.type === "boolean" && item.mustBeTrue) {
    return (
      <div className={`field intake-q ${error ? "intake-q--error" : ""}`}>
        <label className="intake-check intake-check--consent" htmlFor={id}>
          <input id={id} ref={ref} type="checkbox" checked={value === true} aria-describedby={describedBy} aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.checked ? true : undefined)} onBlur={onBlur} />
          <span>{label}</span>
        </label>
        {hint}
        {errorText}
      </div>
    );
  }

  if ((item.type === "integer" && !isScale(item)) || item.type === "string") {
    return (
      <div className={`field intake-q ${error ? "intake-q--error" : ""}`}>
        <label htmlFor={id}>{label}</label>
        {hint}
        <div className="intake-input-row">
          <input
            id={id}
            ref={ref}
            name={item.linkId}
            className={`input ${item.type === "integer" ? "intake-input--number" : ""}`}
            type="text"
            inputMode={item.type === "integer" ? "numeric" : undefined}
            autoComplete="off"
            maxLength={item.type === "string" ? item.maxLength : 4}
            value={value === undefined || value === null ? "" : String(value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(item.type === "integer" ? toNumberish(e.target.value) : e.target.value === "" ? undefined : e.target.value)}
            onBlur={onBlur}
          />
          {item.type === "integer" && item.unit ? <span className="intake-input-row__unit">{item.unit}</span> : null}
        </div>
        {errorText}
      </div>
    );
  }

  const many = item.type === "multi-choice";
  const options = item.type === "boolean" ? YES_NO : item.type === "integer" ? scaleOptions(item.min, item.max) : item.options;
  const selected = (code: string) =>
    item.type === "boolean" || item.type === "integer" ? String(value) === code : Array.isArray(value) ? value.includes(code) : value === code;
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
  const layout = item.type === "boolean" ? "intake-options--pair" : isScale(item) ? "intake-options--scale" : "";

  return (
    <fieldset className={`field intake-q ${error ? "intake-q--error" : ""}`} aria-describedby={describedBy}>
      <legend>{label}</legend>
      {hint}
      <div className={`intake-options ${layout}`}>
        {options.map((o, i) => (
          <label key={o.code} className="intake-option">
            <input
              ref={i === 0 ? ref : undefined}
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
        <p className="intake-scale-ends" aria-hidden="true">
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
