"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import type { PractitionerChoice } from "@/lib/setup/list-practitioner-choices";
import { type InviteStaff, type InviteStaffInput, inviteStaffSchema } from "@/lib/setup/staff-schemas";
import { inviteStaffAction } from "../actions";
import { PractitionerOptions } from "./practitioner-select";

const EMPTY: InviteStaffInput = { email: "", name: "", role: "reception", practitioner: "" };

export function InviteStaffForm({ practitioners }: { practitioners: PractitionerChoice[] }) {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const { register, handleSubmit, formState, setError, reset, control } = useForm<
    InviteStaffInput,
    unknown,
    InviteStaff
  >(
    // the practitioner select leaves the form (and its value) when the role is not practitioner
    { resolver: zodResolver(inviteStaffSchema), defaultValues: EMPTY, shouldUnregister: true },
  );
  const { errors, isSubmitting } = formState;
  const role = useWatch({ control, name: "role" });

  const onSubmit = handleSubmit(async (values) => {
    setResult(null);
    const r = await inviteStaffAction(values);
    if (r.ok) {
      reset(EMPTY);
      return setResult(r);
    }
    for (const [field, message] of Object.entries(r.fields ?? {}))
      setError(field as Path<InviteStaffInput>, { message }, { shouldFocus: true });
    if (!r.fields) setResult(r);
  });

  const describe = (name: keyof InviteStaffInput) => (errors[name] ? `invite-${name}-error` : undefined);
  const fieldError = (name: keyof InviteStaffInput) =>
    errors[name] ? (
      <p id={`invite-${name}-error`} className="field-error">
        {errors[name]?.message}
      </p>
    ) : null;

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Invite a staff member">
      {/* each field keeps its own height when a neighbour shows an error */}
      <div className="form-grid" style={{ alignItems: "start" }}>
        <div className="field">
          <label htmlFor="invite-name">Name</label>
          <input
            id="invite-name"
            className="input"
            autoComplete="off"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describe("name")}
            {...register("name")}
          />
          {fieldError("name")}
        </div>
        <div className="field">
          <label htmlFor="invite-email">Email</label>
          <input
            id="invite-email"
            type="email"
            className="input"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describe("email")}
            {...register("email")}
          />
          {fieldError("email")}
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select
            id="invite-role"
            className="select"
            aria-invalid={errors.role ? true : undefined}
            aria-describedby={describe("role")}
            {...register("role")}
          >
            <option value="reception">Reception</option>
            <option value="practitioner">Practitioner</option>
            <option value="admin">Admin</option>
          </select>
          {fieldError("role")}
        </div>
        {role === "practitioner" ? (
          <div className="field">
            <label htmlFor="invite-practitioner">Practitioner</label>
            <select
              id="invite-practitioner"
              className="select"
              aria-invalid={errors.practitioner ? true : undefined}
              aria-describedby={describe("practitioner")}
              {...register("practitioner")}
            >
              <PractitionerOptions choices={practitioners} />
            </select>
            {fieldError("practitioner")}
          </div>
        ) : null}
      </div>
      <div role="status" aria-live="polite">
        {result ? <p className={`alert ${result.ok ? "alert--ok" : "alert--error"}`}>{result.message}</p> : null}
      </div>
      <div>
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? "Sending…" : "Send invitation"}
        </button>
      </div>
    </form>
  );
}
