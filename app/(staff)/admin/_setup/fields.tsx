"use client";

import type { FieldError, UseFormRegisterReturn } from "react-hook-form";

// One labelled field with its error beside it; ids tie the label, hint and error to the control for screen readers.
export function Field({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: FieldError | { message?: string };
  optional?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className="field field--compact">
      <label htmlFor={id}>
        {label}
        {optional ? <span className="muted"> (optional)</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error?.message ? (
        <p id={`${id}-error`} className="field-error">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}

/** The aria attributes of a control inside <Field>. */
export function describedBy(id: string, error: unknown, hint?: boolean) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined } as const;
}

export function Checkbox({
  id,
  label,
  registration,
  hint,
}: {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  hint?: string;
}) {
  return (
    <div className="setup-check">
      <input type="checkbox" id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...registration} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Where something is offered: one checkbox per location, the error under the group. */
export function LocationChecks({
  id,
  legend,
  options,
  registration,
  error,
}: {
  id: string;
  legend: string;
  options: { slug: string; name: string; active: boolean }[];
  registration: UseFormRegisterReturn;
  error?: { message?: string };
}) {
  return (
    <fieldset className="field field--compact setup-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.length === 0 ? <p className="muted">Add a location first.</p> : null}
      {options.map((o) => (
        <div className="setup-check" key={o.slug}>
          <input type="checkbox" id={`${id}-${o.slug}`} value={o.slug} {...registration} />
          <label htmlFor={`${id}-${o.slug}`}>
            {o.name}
            {o.active ? null : <span className="muted"> (inactive)</span>}
          </label>
        </div>
      ))}
      {error?.message ? (
        <p id={`${id}-error`} className="field-error">
          {error.message}
        </p>
      ) : null}
    </fieldset>
  );
}

export function Status({ status }: { status: { ok: boolean; message: string } | null }) {
  return (
    <div role="status" aria-live="polite">
      {status ? <p className={`alert ${status.ok ? "alert--ok" : "alert--error"}`}>{status.message}</p> : null}
    </div>
  );
}

/**
 * A checkbox group of one gives react-hook-form a string (or false) rather than a list: make it a list before the
 * shared schema sees it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withLocationList<R extends (...args: any[]) => unknown>(resolver: R): R {
  return ((values: Record<string, unknown>, ...rest: unknown[]) => {
    const v = values.locations;
    const locations = Array.isArray(v) ? v : typeof v === "string" && v ? [v] : v === undefined ? undefined : [];
    return resolver(locations === undefined ? values : { ...values, locations }, ...rest);
  }) as unknown as R;
}
