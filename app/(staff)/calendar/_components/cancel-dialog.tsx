"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { staffCancelSchema, type StaffCancelInput } from "@/lib/staff/reception-schemas";
import type { BoardAppointment } from "@/lib/staff/reception-types";
import { whenLabel } from "./calendar-time";
import { DialogActions, Modal } from "./modal";
import { messageOf, staffFetch } from "./staff-api";

const COMMON = ["Patient unwell", "Patient will rebook later", "Practitioner unavailable", "Booked in error"];

/** Cancel with a reason; the appointment stays on record and the time is free again at once. */
export function CancelDialog({
  appointment: a,
  onClose,
  onCancelled,
}: {
  appointment: BoardAppointment;
  onClose: () => void;
  onCancelled: (message: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, setValue, formState } = useForm<StaffCancelInput>({
    resolver: zodResolver(staffCancelSchema),
    defaultValues: { reason: "" },
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      await staffFetch(`/api/v1/staff/appointments/${a.id}/cancel`, { method: "POST", body: values });
      onCancelled(`Cancelled ${a.patient.name}’s appointment at ${whenLabel(a.start)}.`);
    } catch (err) {
      setError(messageOf(err));
    }
  });

  return (
    <Modal
      title={`Cancel ${a.patient.name}’s appointment`}
      description={`${whenLabel(a.start)} · ${a.serviceName} with ${a.practitionerName}`}
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate className="dialog-form">
        <div className="field field--compact">
          <label htmlFor="cancel-reason">Reason</label>
          <textarea
            id="cancel-reason"
            className="textarea"
            rows={3}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? "cancel-reason-error" : "cancel-reason-hint"}
            data-autofocus
            {...register("reason")}
          />
          {errors.reason ? (
            <p id="cancel-reason-error" className="field-error">
              {errors.reason.message}
            </p>
          ) : (
            <p id="cancel-reason-hint" className="hint">
              Kept with the appointment. No clinical details.
            </p>
          )}
        </div>
        <div className="quick-reasons" role="group" aria-label="Common reasons">
          {COMMON.map((r) => (
            <button
              key={r}
              type="button"
              className="chip-button"
              onClick={() => setValue("reason", r, { shouldValidate: true })}
            >
              {r}
            </button>
          ))}
        </div>
        <DialogActions error={error}>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Keep appointment
          </button>
          <button type="submit" className="button button--danger" disabled={isSubmitting}>
            {isSubmitting ? "Cancelling…" : "Cancel appointment"}
          </button>
        </DialogActions>
      </form>
    </Modal>
  );
}
