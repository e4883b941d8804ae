"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { signInSchema, type SignInInput } from "@/lib/staff/schemas";

export function SignInForm({ next }: { next: string | null }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.status === 429 || result?.error === "rate_limited") return setFormError("Too many attempts. Wait a minute, then try again.");
    if (!result?.ok || result.error) return setFormError("That email and password don’t match an active staff account.");
    router.replace(safeNextPath(next) ?? "/staff");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <div role="alert" aria-live="assertive">
        {formError ? <p className="alert alert--error">{formError}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="username" className="input" aria-invalid={errors.email ? true : undefined} aria-describedby={errors.email ? "email-error" : undefined} {...register("email")} />
        {errors.email ? <p id="email-error" className="field-error">{errors.email.message}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete="current-password" className="input" aria-invalid={errors.password ? true : undefined} aria-describedby={errors.password ? "password-error" : undefined} {...register("password")} />
        {errors.password ? <p id="password-error" className="field-error">{errors.password.message}</p> : null}
      </div>
      <button type="submit" className="button button--large" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
