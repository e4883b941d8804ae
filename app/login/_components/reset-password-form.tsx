"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/staff/account-schemas";
import { acceptInvitationAction, resetPasswordAction } from "../actions";

/** Sets a password through an emailed link: a reset link, or (`invite`) the invitation to a new account. */
export function ResetPasswordForm({ token, purpose = "reset" }: { token: string; purpose?: "reset" | "invite" }) {
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<ResetPasswordInput>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await (purpose === "invite" ? acceptInvitationAction : resetPasswordAction)(token, values);
    if (result.ok) return setDone(true);
    for (const [field, message] of Object.entries(result.fields ?? {}))
      setError(field as Path<ResetPasswordInput>, { message }, { shouldFocus: true });
    if (!result.fields) setFormError(result.message);
  });

  if (done) {
    return (
      <p role="status" className="alert alert--ok">
        {purpose === "invite" ? (
          <>
            Your password is set. <Link href="/login">Sign in</Link> with your email and the new password.
          </>
        ) : (
          <>
            Your password is set, and you are signed out everywhere. <Link href="/login">Sign in</Link> with the new
            one.
          </>
        )}
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <div role="alert" aria-live="assertive">
        {formError ? <p className="alert alert--error">{formError}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="newPassword">{purpose === "invite" ? "Choose a password" : "New password"}</label>
        <p id="newPassword-hint" className="hint">
          12 to 128 characters. A few unrelated words make a good one.
        </p>
        <input
          id="newPassword"
          type="password"
          autoComplete="new-password"
          className="input"
          aria-invalid={errors.newPassword ? true : undefined}
          aria-describedby={errors.newPassword ? "newPassword-hint newPassword-error" : "newPassword-hint"}
          {...register("newPassword")}
        />
        {errors.newPassword ? (
          <p id="newPassword-error" className="field-error">
            {errors.newPassword.message}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="confirmPassword">
          {purpose === "invite" ? "The same password again" : "New password again"}
        </label>
        <input
          id="confirmPassword"
          type="password"
          autoComplete="new-password"
          className="input"
          aria-invalid={errors.confirmPassword ? true : undefined}
          aria-describedby={errors.confirmPassword ? "confirmPassword-error" : undefined}
          {...register("confirmPassword")}
        />
        {errors.confirmPassword ? (
          <p id="confirmPassword-error" className="field-error">
            {errors.confirmPassword.message}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button--large" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : purpose === "invite" ? "Set my password" : "Set new password"}
      </button>
    </form>
  );
}
