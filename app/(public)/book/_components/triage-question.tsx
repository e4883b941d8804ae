"use client";
import type { AnswerValue, QuestionItem } from "@/lib/intake/questionnaire-types";

interface Props {
  item: QuestionItem;
  value: AnswerValue | undefined;
  error: string | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}

/** One "help me choose" question, drawn from the shared questionnaire definition. */
export function TriageQuestion({ item, value, error, onChange }: Props) {
  const id = `q-${item.linkId}`;
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
      <span aria-hidden="true">! </span>
      {error}
    </p>
  ) : null;

  if (item.type === "boolean" && item.mustBeTrue) {
    return (
      <div className="field">
        <label className="check check--consent" htmlFor={id}>
          <input id={id} type="checkbox" checked={value === true} aria-describedby={describedBy} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.checked ? true : undefined)} />
          <span>{item.text}</span>
        </label>
        {hint}
        {errorText}
      </div>
    );
  }

  if (item.type === "integer" || item.type === "string") {
    return (
      <div className="field">
        <label htmlFor={id}>{item.text}</label>
        {hint}
        <div className="input-unit">
          <input
            id={id}
            className="input input--short"
            type={item.type === "integer" ? "number" : "text"}
            inputMode={item.type === "integer" ? "numeric" : undefined}
            min={item.type === "integer" ? item.min : undefined}
            max={item.type === "integer" ? item.max : undefined}
            maxLength={item.type === "string" ? item.maxLength : undefined}
            value={value === undefined ? "" : String(value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              const raw = e.target.value;
              if (raw.trim() === "") onChange(undefined);
              else onChange(item.type === "integer" ? Number(raw) : raw);
            }}
          />
          {item.type === "integer" && item.unit ? <span className="input-unit__label">{item.unit}</span> : null}
        </div>
        {errorText}
      </div>
    );
  }

  const options =
    item.type === "boolean"
      ? [
          { code: "true", display: "Yes" },
          { code: "false", display: "No" },
        ]
      : item.options;
  const many = item.type === "multi-choice";
  const selected = (code: string) =>
    item.type === "boolean" ? String(value) === code : Array.isArray(value) ? value.includes(code) : value === code;
  const choose = (code: string, checked: boolean) => {
    if (item.type === "boolean") return onChange(code === "true");
    if (item.type !== "multi-choice") return onChange(code);
    const now = Array.isArray(value) ? value : [];
    const exclusive = item.exclusiveCode;
    let next = checked ? [...now.filter((c) => c !== exclusive), code] : now.filter((c) => c !== code);
    if (checked && code === exclusive) next = [code];
    onChange(next.length ? next : undefined);
  };

  return (
    <fieldset id={id} tabIndex={-1} className={`field choice ${item.type === "boolean" ? "choice--yes-no" : ""}`} aria-describedby={describedBy}>
      <legend>{item.text}</legend>
      {hint}
      <div className="choice__options">
        {options.map((o) => (
          <label key={o.code} className="choice__option">
            <input
              type={many ? "checkbox" : "radio"}
              name={id}
              value={o.code}
              checked={selected(o.code)}
              onChange={(e) => choose(o.code, e.target.checked)}
            />
            <span>{o.display}</span>
          </label>
        ))}
      </div>
      {errorText}
    </fieldset>
  );
}
