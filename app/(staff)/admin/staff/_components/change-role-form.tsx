"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import type { z } from "zod";
import type { PractitionerChoice } from "@/lib/setup/list-practitioner-choices";
import { type StaffDto, type UpdateStaffInput, updateStaffSchema } from "@/lib/setup/staff-schemas";
import { DialogActions } from "../../../calendar/_components/modal";
import { updateStaffAction } from "../actions";
import { PractitionerOptions } from "./practitioner-select";

export function ChangeRoleForm({
  staff,
  practitioners,
  onDone,
  onCancel,
}: {
  staff: StaffDto;
  practitioners: PractitionerChoice[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, control } = useForm<
    UpdateStaffInput,
    unknown,
    z.output<typeof updateStaffSchema>
  >({
    resolver: zodResolver(updateStaffSchema),
    defaultValues: { role: staff.role, practitioner: staff.practitioner ?? "" },
    shouldUnregister: true,
  });
  const { errors, isSubmitting } = formState;
  const role = useWatch({ control, name: "role" });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await updateStaffAction(staff.id, values);
    if (r.ok) return onDone(r.message);
    for (const [field, message] of Object.entries(r.fields ?? {}))
      setError(field as Path<UpdateStaffInput>, { message }, { shouldFocus: true });
    if (!r.fields) setFormError(r.message);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="dialog-form">
      <div className="field">
        <label htmlFor="change-role">Role</label>
        <select
          id="change-role"
          className="select"
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={errors.role ? "change-role-error" : "change-role-hint"}
          {...register("role")}
        >
          <option value="reception">Reception</option>
          <option value="practitioner">Practitioner</option>
          <option value="admin">Admin</option>
        </select>
        <p id="change-role-hint" className="hint">
          Takes effect on their next page, without signing them out.
        </p>
        {errors.role ? (
          <p id="change-role-error" className="field-error">
            {errors.role.message}
          </p>
        ) : null}
      </div>
      {role === "practitioner" ? (
        <div className="field">
          <label htmlFor="change-practitioner">Practitioner</label>
          <select
            id="change-practitioner"
            className="select"
            aria-invalid={errors.practitioner ? true : undefined}
            aria-describedby={errors.practitioner ? "change-practitioner-error" : undefined}
            {...register("practitioner")}
          >
            <PractitionerOptions choices={practitioners} forUser={staff.id} />
          </select>
          {errors.practitioner ? (
            <p id="change-practitioner-error" className="field-error">
              {errors.practitioner.message}
            </p>
          ) : null}
        </div>
      ) : null}
      <DialogActions error={formError}>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save role"}
        </button>
      </DialogActions>
    </form>
  );
}
