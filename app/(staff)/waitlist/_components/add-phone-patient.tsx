"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError } from "@/lib/http/api-fetch";
import { staffAddToWaitlistSchema, type StaffAddToWaitlistForm } from "@/lib/waitlist/schemas";
import { messageOf, staffFetch } from "../../calendar/_components/staff-api";

interface Props {
  location: string;
  /** The location's zone: its today, not the browser's (nor UTC's), is the first date the form offers. */
  timezone: string;
  services: { slug: string; name: string }[];
  practitioners: { slug: string; name: string }[];
}

/** A patient who rang: name and phone are enough (email when they give one), the same rules as a phone booking. */
export function AddPhonePatient({ location, timezone, services, practitioners }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const today = todayIn(timezone);
  const { register, handleSubmit, formState, setError, reset } = useForm<StaffAddToWaitlistForm>({
    resolver: zodResolver(staffAddToWaitlistSchema),
    defaultValues: {
      location,
      service: services[0]?.slug ?? "",
      practitioner: "",
      earliest: today,
      latest: today,
      partsOfDay: [],
      urgent: false,
      patient: { firstName: "", lastName: "", phone: "", email: "", dateOfBirth: "" },
    },
  });
  const err = formState.errors;
  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await staffFetch("/api/v1/staff/waitlist", { method: "POST", body: values });
      reset();
      setOpen(false);
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length)
        for (const [k, m] of Object.entries(e.fields)) setError(k as keyof StaffAddToWaitlistForm, { message: m });
      else setProblem(messageOf(e));
    }
  });
  const fieldError = (id: string, message?: string) =>
    message ? (
      <p id={`${id}-error`} className="field-error">
        {message}
      </p>
    ) : null;

  if (!open)
    return (
      <div>
        <button type="button" className="button button--small" onClick={() => setOpen(true)}>
          Add a patient who rang
        </button>
      </div>
    );
  return (
    <form
      className="card dialog-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="wl-add-title"
      style={{ padding: 16 }}
    >
      <h2 id="wl-add-title" className="modal__title">
        Add a patient to the wait list
      </h2>
      <input type="hidden" {...register("location")} />
      <div className="form-grid form-grid--3">
        <div className="field">
          <label htmlFor="wl-add-service">Service</label>
          <select id="wl-add-service" className="select" {...register("service")}>
            {services.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="wl-add-practitioner">Practitioner</label>
          <select id="wl-add-practitioner" className="select" {...register("practitioner")}>
            <option value="">Anyone</option>
            {practitioners.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="wl-add-earliest">From</label>
          <input
            id="wl-add-earliest"
            type="date"
            className="input"
            {...register("earliest")}
            aria-invalid={!!err.earliest}
          />
          {fieldError("wl-add-earliest", err.earliest?.message)}
        </div>
        <div className="field">
          <label htmlFor="wl-add-latest">Until</label>
          <input id="wl-add-latest" type="date" className="input" {...register("latest")} aria-invalid={!!err.latest} />
          {fieldError("wl-add-latest", err.latest?.message)}
        </div>
        <div className="field">
          <label htmlFor="wl-add-first">First name</label>
          <input
            id="wl-add-first"
            className="input"
            {...register("patient.firstName")}
            aria-invalid={!!err.patient?.firstName}
          />
          {fieldError("wl-add-first", err.patient?.firstName?.message)}
        </div>
        <div className="field">
          <label htmlFor="wl-add-last">Last name</label>
          <input
            id="wl-add-last"
            className="input"
            {...register("patient.lastName")}
            aria-invalid={!!err.patient?.lastName}
          />
          {fieldError("wl-add-last", err.patient?.lastName?.message)}
        </div>
        <div className="field">
          <label htmlFor="wl-add-phone">Phone</label>
          <input
            id="wl-add-phone"
            type="tel"
            className="input"
            {...register("patient.phone")}
            aria-invalid={!!err.patient?.phone}
          />
          {fieldError("wl-add-phone", err.patient?.phone?.message)}
        </div>
        <div className="field">
          <label htmlFor="wl-add-email">Email (optional)</label>
          <input
            id="wl-add-email"
            type="email"
            className="input"
            {...register("patient.email")}
            aria-invalid={!!err.patient?.email}
          />
          {fieldError("wl-add-email", err.patient?.email?.message)}
        </div>
        <div className="field">
          <label>
            <input type="checkbox" {...register("urgent")} /> Urgent (offered first)
          </label>
        </div>
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Adding…" : "Add to wait list"}
        </button>
      </div>
    </form>
  );
}

/** "2026-12-08": today's date in `zone` (the location's), whatever the browser's own zone. */
export function todayIn(zone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
