"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/staff/account-schemas";
import { requestResetAction } from "../actions";

export function ForgotPasswordForm() {
  const [sent, setSent] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<ForgotPasswordInput>({
    resolver: zodResolver(forgotPasswordSchema),
    defaultValues: { email: "" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await requestResetAction(values);
    if (result.ok) return setSent(true);
    if (result.fields?.email) return setError("email", { message: result.fields.email }, { shouldFocus: true });
    setFormError(result.message);
  });

  if (sent) {
    return (
      <p role="status" className="alert alert--ok">
        If that email belongs to a staff account, a link to set a new password is on its way. It works once, for one
        hour.
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <div role="alert" aria-live="assertive">
        {formError ? <p className="alert alert--error">{formError}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          className="input"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
          {...register("email")}
        />
        {errors.email ? (
          <p id="email-error" className="field-error">
            {errors.email.message}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button--large" disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Email me a link"}
      </button>
    </form>
  );
}
