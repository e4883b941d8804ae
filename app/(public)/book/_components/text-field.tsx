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
      <input
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
        {...registration}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A field's error under it, marked with "!" so it does not rest on colour alone; `id` is what the field's aria-describedby names. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="field-error">
      <span aria-hidden="true">! </span>
      {message}
    </p>
  ) : null;
}
