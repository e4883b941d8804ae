"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { calledSchema, type CalledInput } from "@/lib/staff/reception-schemas";
import { messageOf, staffFetch } from "../calendar/_components/staff-api";

/** "Called": what came of the call, in a few words, then the patient leaves the list. */
export function CalledForm({ appointmentId, patientName }: { appointmentId: string; patientName: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<CalledInput>({
    resolver: zodResolver(calledSchema),
    defaultValues: { note: "" },
  });
  const noteId = `call-note-${appointmentId}`;
  const error = formState.errors.note?.message ?? problem;

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await staffFetch(`/api/v1/staff/appointments/${appointmentId}/called`, { method: "POST", body: values });
      router.refresh();
    } catch (e) {
      setProblem(messageOf(e));
    }
  });

  return (
    <form className="call-item__form" onSubmit={onSubmit} noValidate>
      <label htmlFor={noteId}>What came of the call (optional)</label>
      <textarea
        id={noteId}
        className="input"
        rows={2}
        maxLength={500}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${noteId}-error` : undefined}
        {...register("note")}
      />
      {error ? (
        <p id={`${noteId}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        className="button button--small"
        disabled={formState.isSubmitting}
        aria-label={`Called ${patientName}`}
      >
        {formState.isSubmitting ? "Saving…" : "Called"}
      </button>
    </form>
  );
}
