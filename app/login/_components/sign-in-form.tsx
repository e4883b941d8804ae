"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { secondStepSchema, type SecondStepInput } from "@/lib/staff/account-schemas";
import { signInSchema, type SignInInput } from "@/lib/staff/schemas";

const THROTTLED = "Too many attempts. Wait a minute, then try again.";

export function SignInForm({ next }: { next: string | null }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  // After the right password, an enrolled account is asked for a code; the password stays only in this component.
  const [pending, setPending] = useState<SignInInput | null>(null);
  const first = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const second = useForm<SecondStepInput>({ resolver: zodResolver(secondStepSchema), defaultValues: { code: "" } });

  async function attempt(values: SignInInput & { code?: string }): Promise<string | null> {
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.status === 429 || result?.error === "rate_limited") return "rate_limited";
    if (result?.error === "mfa_required") return "mfa_required";
    if (!result?.ok || result.error) return "failed";
    router.replace(safeNextPath(next) ?? "/staff");
    router.refresh();
    return null;
  }

  const onPassword = first.handleSubmit(async (values) => {
    setFormError(null);
    const outcome = await attempt(values);
    if (outcome === "mfa_required") return setPending(values);
    if (outcome === "rate_limited") return setFormError(THROTTLED);
    if (outcome) setFormError("That email and password don’t match an active staff account.");
  });

  const onCode = second.handleSubmit(async ({ code }) => {
    if (!pending) return;
    setFormError(null);
    const outcome = await attempt({ ...pending, code });
    if (outcome === "rate_limited") return setFormError(THROTTLED);
    if (outcome)
      second.setError(
        "code",
        { message: "That code didn’t work. Try the newest code in your app, or a recovery code." },
        { shouldFocus: true },
      );
  });

  const alert = (
    <div role="alert" aria-live="assertive">
      {formError ? <p className="alert alert--error">{formError}</p> : null}
    </div>
  );

  if (pending) {
    const { errors, isSubmitting } = second.formState;
    return (
      <form onSubmit={onCode} noValidate className="stack" aria-labelledby="code-step-title">
        {alert}
        <h2 id="code-step-title">Two-step sign-in</h2>
        <div className="field">
          <label htmlFor="code">Code from your authenticator app</label>
          <p id="code-hint" className="hint">
            Six digits. Lost your phone? Enter one of your recovery codes instead.
          </p>
          <input
            id="code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            autoFocus
            className="input"
            aria-invalid={errors.code ? true : undefined}
            aria-describedby={errors.code ? "code-hint code-error" : "code-hint"}
            {...second.register("code")}
          />
          {errors.code ? (
            <p id="code-error" className="field-error">
              {errors.code.message}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--large" disabled={isSubmitting}>
          {isSubmitting ? "Checking…" : "Verify"}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => (setPending(null), first.resetField("password"))}
        >
          Start again
        </button>
      </form>
    );
  }

  const { errors, isSubmitting } = first.formState;
  return (
    <form onSubmit={onPassword} noValidate className="stack">
      {alert}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          className="input"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
          {...first.register("email")}
        />
        {errors.email ? (
          <p id="email-error" className="field-error">
            {errors.email.message}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          className="input"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...first.register("password")}
        />
        {errors.password ? (
          <p id="password-error" className="field-error">
            {errors.password.message}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button--large" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
