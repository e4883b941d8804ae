"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { type CallUsRequest, callUsRequestSchema } from "@/lib/intake/schemas";
import { ApiError } from "@/lib/http/api-fetch";
import { callApi } from "../../_components/public-api";
import { TextField } from "./text-field";

type Sent = { firstName: string; email: string };

/**
 * When red-flag answers stop online booking: the patient may leave a first name and email, and the clinic emails
 * its number ("please call us"). The email never says why.
 */
export function CallUsForm({ triageId, lead }: { triageId: string; lead: string }) {
  const [sent, setSent] = useState<Sent | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const sentHeading = useRef<HTMLHeadingElement>(null);
  // The form (and its focused button) goes away on success: focus the message that replaces it.
  useEffect(() => {
    if (sent) sentHeading.current?.focus();
  }, [sent]);
  const { register, handleSubmit, setError, formState } = useForm<CallUsRequest>({
    resolver: zodResolver(callUsRequestSchema),
    defaultValues: { firstName: "", email: "" },
    mode: "onSubmit",
    reValidateMode: "onChange",
  });

  const submit = async (values: CallUsRequest) => {
    setFailure(null);
    try {
      await callApi(`/api/v1/triage/${encodeURIComponent(triageId)}/call-us`, { method: "POST", json: values });
      setSent({ firstName: values.firstName.trim(), email: values.email.trim().toLowerCase() });
    } catch (error) {
      const fields =
        error instanceof ApiError
          ? Object.entries(error.fields).filter(([name]) => name === "firstName" || name === "email")
          : [];
      if (fields.length) {
        for (const [name, message] of fields) setError(name as "firstName" | "email", { type: "server", message });
      } else {
        setFailure(error instanceof ApiError ? error.message : "That didn't work. Please try again.");
      }
    }
  };

  if (sent)
    return (
      <section className="call-us" aria-labelledby="call-us-title">
        <h3 id="call-us-title" ref={sentHeading} tabIndex={-1}>
          Email on its way
        </h3>
        <p role="status">
          Thanks, {sent.firstName}. We&apos;ve emailed our number to <strong>{sent.email}</strong>. If it doesn&apos;t
          arrive in a few minutes, check your junk folder.
        </p>
      </section>
    );

  return (
    <section className="call-us" aria-labelledby="call-us-title">
      <h3 id="call-us-title">Would you like our number by email?</h3>
      <p className="step__note">{lead}</p>
      <form noValidate onSubmit={handleSubmit(submit)}>
        <div className="field-row">
          <TextField
            id="call-us-firstName"
            label="First name"
            error={formState.errors.firstName?.message}
            input={{ autoComplete: "given-name" }}
            registration={register("firstName")}
          />
          <TextField
            id="call-us-email"
            label="Email"
            error={formState.errors.email?.message}
            input={{ type: "email", autoComplete: "email", inputMode: "email", spellCheck: false }}
            registration={register("email")}
          />
        </div>
        {failure ? (
          <p className="alert alert--warn" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="step__actions">
          <button type="submit" className="button button--ghost" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Sending…" : "Email me the clinic's number"}
          </button>
        </div>
      </form>
    </section>
  );
}
