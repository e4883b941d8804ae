"use client";

import { useEffect, useId, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { StaffPatientDetails, StaffPatientDetailsForm } from "@/lib/scheduling/schemas";
import type { PatientSummaryDto } from "@/lib/staff/reception-types";
import { formatDob } from "../../patients/patient-format";
import { messageOf, staffFetch } from "./staff-api";

export type PatientMode = "find" | "new";

interface Props {
  mode: PatientMode;
  onMode: (m: PatientMode) => void;
  selected: PatientSummaryDto | null;
  onSelect: (p: PatientSummaryDto | null) => void;
  form: UseFormReturn<StaffPatientDetailsForm, unknown, StaffPatientDetails>;
  error?: string;
}

/** Find an existing patient (name, phone, email or date of birth) or enter a new one. */
export function PatientPicker({ mode, onMode, selected, onSelect, form, error }: Props) {
  const id = useId();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<{ q: string; list: PatientSummaryDto[]; error: string | null } | null>(null);

  useEffect(() => {
    const term = q.trim();
    if (mode !== "find" || term.length < 2) return;
    const ctrl = new AbortController();
    const t = setTimeout(() => {
      staffFetch<{ patients: PatientSummaryDto[] }>(`/api/v1/staff/patients?q=${encodeURIComponent(term)}`, {
        signal: ctrl.signal,
      })
        .then((r) => setFound({ q: term, list: r.patients, error: null }))
        .catch(
          (e: unknown) => (e as Error).name !== "AbortError" && setFound({ q: term, list: [], error: messageOf(e) }),
        );
    }, 200);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [q, mode]);

  const {
    register,
    formState: { errors },
  } = form;
  const field = (
    name: keyof StaffPatientDetailsForm,
    label: string,
    type = "text",
    autoComplete = "off",
    optional = false,
  ) => (
    <div className="field field--compact">
      <label htmlFor={`${id}-${name}`}>
        {label}
        {optional ? <span className="muted"> (optional)</span> : null}
      </label>
      <input
        id={`${id}-${name}`}
        type={type}
        className="input"
        autoComplete={autoComplete}
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
    <fieldset className="picker">
      <legend>Patient</legend>
      <div className="segmented" role="group" aria-label="Patient">
        <button type="button" aria-pressed={mode === "find"} onClick={() => onMode("find")}>
          Existing patient
        </button>
        <button type="button" aria-pressed={mode === "new"} onClick={() => onMode("new")}>
          New patient
        </button>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
      {mode === "find" && selected ? (
        <div className="picked">
          <div>
            <strong>{selected.name}</strong>
            <span className="muted">
              {" "}
              · born {formatDob(selected.dateOfBirth)} · {selected.phone} · {selected.email ?? "no email"}
            </span>
          </div>
          <button type="button" className="button button--ghost button--small" onClick={() => onSelect(null)}>
            Change
          </button>
        </div>
      ) : null}
      {mode === "find" && !selected ? (
        <>
          <div className="field field--compact">
            <label htmlFor={`${id}-q`}>Find a patient</label>
            <input
              id={`${id}-q`}
              type="search"
              className="input"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder="Name, phone, email or date of birth"
              autoComplete="off"
              data-autofocus
            />
          </div>
          <div aria-live="polite">
            {found && q.trim().length >= 2 ? (
              found.error ? (
                <p className="field-error">{found.error}</p>
              ) : found.list.length === 0 ? (
                <p className="muted">
                  No patient matches “{found.q}”. Check the spelling, or add them as a new patient.
                </p>
              ) : (
                <ul className="picker__results" aria-label="Matching patients">
                  {found.list.map((p) => (
                    <li key={p.id}>
                      <button type="button" className="picker__result" onClick={() => onSelect(p)}>
                        <strong>{p.name}</strong>
                        <span className="muted">
                          born {formatDob(p.dateOfBirth)} · {p.phone} · {p.email ?? "no email"}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )
            ) : null}
          </div>
        </>
      ) : null}
      {mode === "new" ? (
        <div className="form-grid">
          {field("firstName", "First name", "text", "off")}
          {field("lastName", "Last name")}
          {field("phone", "Phone", "tel")}
          {field("email", "Email", "email", "off", true)}
          {field("dateOfBirth", "Date of birth", "date", "off", true)}
        </div>
      ) : null}
    </fieldset>
  );
}
