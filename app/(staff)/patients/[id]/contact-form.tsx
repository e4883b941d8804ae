"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError } from "@/lib/http/api-fetch";
import { type PatientContact, type PatientContactInput, patientContactSchema } from "@/lib/staff/reception-schemas";
import { messageOf, staffFetch } from "../../calendar/_components/staff-api";

const LABELS: Record<keyof PatientContactInput, string> = {
  firstName: "first name",
  lastName: "last name",
  phone: "phone",
  email: "email",
  dateOfBirth: "date of birth",
};

/** Reception corrects a patient's contact details; the server parses with the same schema and audits the change. */
export function ContactForm({ patientId, initial }: { patientId: string; initial: PatientContactInput }) {
  const id = useId();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<PatientContactInput, unknown, PatientContact>({
    resolver: zodResolver(patientContactSchema),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    try {
      const { changed } = await staffFetch<{ changed: (keyof PatientContactInput)[] }>(
        `/api/v1/staff/patients/${patientId}`,
        { method: "PATCH", body: values },
      );
      setEditing(false);
      reset({ ...values, email: values.email ?? "", dateOfBirth: values.dateOfBirth ?? "" });
      setStatus({
        ok: true,
        message:
          changed.length === 0
            ? "Nothing changed."
            : `Saved: ${changed.map((f) => LABELS[f]).join(", ")} changed.` +
              (changed.includes("email") && values.email ? " Resend the confirmation if they need their booking." : ""),
      });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError)
        for (const [field, message] of Object.entries(error.fields))
          if (field in LABELS) setError(field as keyof PatientContactInput, { message }, { shouldFocus: true });
      setStatus({ ok: false, message: messageOf(error) });
    }
  });

  const field = (name: keyof PatientContactInput, label: string, type: string, optional = false) => (
    <div className="field field--compact">
      <label htmlFor={`${id}-${name}`}>
        {label}
        {optional ? <span className="muted"> (optional)</span> : null}
      </label>
      <input
        id={`${id}-${name}`}
        type={type}
        className="input"
        autoComplete="off"
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
        {...register(name)}
      />
      {errors[name] ? (
        <p id={`${id}-${name}-error`} className="field-error">
          {errors[name]?.message}
        </p>
      ) : null}
    </div>
  );

  return (
    <section aria-labelledby={`${id}-title`} className="patient-section">
      <h2 id={`${id}-title`} className="section-title">
        Contact details
      </h2>
      <div role="status" aria-live="polite">
        {status ? <p className={`alert ${status.ok ? "alert--ok" : "alert--error"}`}>{status.message}</p> : null}
      </div>
      {editing ? (
        <form onSubmit={onSubmit} noValidate className="card stack">
          <div className="form-grid">
            {field("firstName", "First name", "text")}
            {field("lastName", "Last name", "text")}
            {field("phone", "Phone", "tel")}
            {field("email", "Email", "email", true)}
            {field("dateOfBirth", "Date of birth", "date", true)}
          </div>
          <p className="muted">Without an email address the patient gets no confirmation or reminders.</p>
          <div className="button-row">
            <button type="submit" className="button" disabled={isSubmitting}>
              {isSubmitting ? "Saving…" : "Save details"}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                reset();
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setStatus(null);
            setEditing(true);
          }}
        >
          Edit details
        </button>
      )}
    </section>
  );
}
