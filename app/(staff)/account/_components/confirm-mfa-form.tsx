"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { confirmMfaSchema, type ConfirmMfaInput } from "@/lib/staff/account-schemas";
import { confirmMfaAction } from "../actions";

export function ConfirmMfaForm({ sealed }: { sealed: string }) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<ConfirmMfaInput>({
    resolver: zodResolver(confirmMfaSchema),
    defaultValues: { code: "" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await confirmMfaAction(sealed, values);
    if (result.ok) return setCodes(result.recoveryCodes);
    if (result.fields?.code) return setError("code", { message: result.fields.code }, { shouldFocus: true });
    setFormError(result.message);
  });

  if (codes) {
    return (
      <div role="status" className="stack">
        <p className="alert alert--ok">Two-step sign-in is on.</p>
        <h3 id="recovery-title">Your recovery codes</h3>
        <p>
          Each works once, if you lose your phone. Keep them somewhere safe, such as a password manager: they are shown
          only now.
        </p>
        <ul aria-labelledby="recovery-title" className="recovery-codes">
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <p>
          <Link href="/staff" className="button">
            Continue
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <div role="alert" aria-live="assertive">
        {formError ? <p className="alert alert--error">{formError}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="mfa-code">6-digit code</label>
        <input
          id="mfa-code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          className="input"
          aria-invalid={errors.code ? true : undefined}
          aria-describedby={errors.code ? "mfa-code-error" : undefined}
          {...register("code")}
        />
        {errors.code ? (
          <p id="mfa-code-error" className="field-error">
            {errors.code.message}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? "Checking…" : "Turn on two-step sign-in"}
      </button>
    </form>
  );
}
