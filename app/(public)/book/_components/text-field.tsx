"use client";
import type { InputHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

/** A labelled text input with its hint and its error beside it, wired for react-hook-form. */
export function TextField({
  id,
  label,
  hint,
  error,
  input,
  registration,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  input: InputHTMLAttributes<HTMLInputElement>;
  registration: UseFormRegisterReturn;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <input id={id} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} {...registration} />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">! </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
