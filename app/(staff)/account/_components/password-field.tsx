"use client";

import type { ComponentPropsWithRef } from "react";

type Props = ComponentPropsWithRef<"input"> & { id: string; label: string; hint?: string; error?: string };

/** A labelled password input whose hint and error are announced with it. */
export function PasswordField({ id, label, hint, error, ...input }: Props) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
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
        type="password"
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
