"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/staff/account-schemas";
import { changePasswordAction } from "../actions";
import { PasswordField } from "./password-field";

const EMPTY: ChangePasswordInput = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm() {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: EMPTY,
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await changePasswordAction(values);
    if (result.ok) {
      reset(EMPTY);
      return setStatus(result);
    }
    for (const [field, message] of Object.entries(result.fields ?? {}))
      setError(field as Path<ChangePasswordInput>, { message }, { shouldFocus: true });
    if (!result.fields) setStatus(result);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="password-title">
      <div role="status" aria-live="polite">
        {status ? <p className={`alert ${status.ok ? "alert--ok" : "alert--error"}`}>{status.message}</p> : null}
      </div>
      <PasswordField
        id="currentPassword"
        label="Current password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...register("currentPassword")}
      />
      <PasswordField
        id="newPassword"
        label="New password"
        hint="12 to 128 characters. A few unrelated words make a good one."
        autoComplete="new-password"
        error={errors.newPassword?.message}
        {...register("newPassword")}
      />
      <PasswordField
        id="confirmPassword"
        label="New password again"
        autoComplete="new-password"
        error={errors.confirmPassword?.message}
        {...register("confirmPassword")}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
