"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldValues, type Path, type UseFormSetError } from "react-hook-form";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import {
  addClosureSchema,
  addLeaveSchema,
  type AddClosureInput,
  type AddLeaveInput,
} from "@/lib/setup/working-time-schemas";
import { adminFetch, ApiError } from "../_working-time/admin-fetch";
import { ClashList } from "../_working-time/clash-list";

/**
 * Adding leave or a closure: the first press checks for clashes (a dry run); with none it saves at once, with some it
 * lists them and saves only once the admin confirms.
 */
function useClashCheckedSave<T extends FieldValues>(url: string, setError: UseFormSetError<T>, onSaved: () => void) {
  const router = useRouter();
  const [clashes, setClashes] = useState<StaffAppointmentDto[] | null>(null);
  const [checkedFor, setCheckedFor] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(values: T) {
    setProblem(null);
    setSaved(null);
    const key = JSON.stringify(values);
    try {
      if (checkedFor !== key || clashes === null) {
        const check = await adminFetch<{ clashes: StaffAppointmentDto[] }>(`${url}?dryRun=1`, "POST", values);
        setCheckedFor(key);
        setConfirmed(false);
        if (check.clashes.length) {
          setClashes(check.clashes);
          return;
        }
      } else if (clashes.length && !confirmed) {
        setProblem("Tick the box to keep these appointments and flag them for reception, or change the dates.");
        return;
      }
      const res = await adminFetch<{ clashes: StaffAppointmentDto[] }>(url, "POST", values);
      setClashes(null);
      setCheckedFor("");
      setSaved(
        res.clashes.length
          ? `Saved. ${res.clashes.length} appointment(s) are flagged for reception to move.`
          : "Saved. No booked appointments were affected.",
      );
      onSaved();
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) {
        for (const [path, message] of Object.entries(e.fields)) setError(path as Path<T>, { type: "server", message });
      } else setProblem(e instanceof ApiError ? e.message : "Something went wrong. Please try again.");
    }
  }
  return { submit, clashes, confirmed, setConfirmed, problem, saved };
}

function Outcome({ state, title }: { state: ReturnType<typeof useClashCheckedSave>; title: string }) {
  return (
    <>
      {state.clashes && state.clashes.length ? (
        <>
          <ClashList clashes={state.clashes} title={title} />
          <label className="wt-confirm">
            <input type="checkbox" checked={state.confirmed} onChange={(e) => state.setConfirmed(e.target.checked)} />
            Keep these {state.clashes.length} appointment(s) booked and flag them for reception to move
          </label>
        </>
      ) : null}
      {state.problem ? (
        <p className="field-error" role="alert">
          {state.problem}
        </p>
      ) : null}
      {state.saved ? (
        <p className="alert alert--ok" role="status">
          {state.saved}
        </p>
      ) : null}
    </>
  );
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={`${id}-error`} className="field-error">
      {message}
    </p>
  ) : null;
}

const invalid = (id: string, message?: string) =>
  ({ "aria-invalid": message ? true : undefined, "aria-describedby": message ? `${id}-error` : undefined }) as const;

/** Whole days of leave (both ends included) in the zone of each location the practitioner works at. */
export function LeaveForm({ practitioner }: { practitioner: string }) {
  const { register, handleSubmit, formState, setError, reset } = useForm<AddLeaveInput>({
    resolver: zodResolver(addLeaveSchema),
    defaultValues: { start: "", end: "", reason: "" },
  });
  const state = useClashCheckedSave<AddLeaveInput>(
    `/api/v1/staff/admin/practitioners/${practitioner}/leave`,
    setError,
    () => reset(),
  );
  const e = formState.errors;
  const pending = state.clashes?.length && !state.confirmed;
  return (
    <form onSubmit={handleSubmit(state.submit)} noValidate aria-labelledby="add-leave-title">
      <h3 className="wt-subhead" id="add-leave-title">
        Add leave
      </h3>
      <div className="wt-row">
        <div className="field">
          <label htmlFor="leave-start">First day</label>
          <input
            id="leave-start"
            type="date"
            className="input"
            {...invalid("leave-start", e.start?.message)}
            {...register("start")}
          />
          <FieldError id="leave-start" message={e.start?.message} />
        </div>
        <div className="field">
          <label htmlFor="leave-end">Last day</label>
          <input
            id="leave-end"
            type="date"
            className="input"
            {...invalid("leave-end", e.end?.message)}
            {...register("end")}
          />
          <FieldError id="leave-end" message={e.end?.message} />
        </div>
        <div className="field">
          <label htmlFor="leave-reason">Reason (optional)</label>
          <input
            id="leave-reason"
            className="input"
            maxLength={200}
            {...invalid("leave-reason", e.reason?.message)}
            {...register("reason")}
          />
          <FieldError id="leave-reason" message={e.reason?.message} />
        </div>
      </div>
      <Outcome state={state as ReturnType<typeof useClashCheckedSave>} title="Appointments during this leave" />
      <div className="wt-actions">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Checking…" : pending ? "Add leave anyway" : "Add leave"}
        </button>
      </div>
    </form>
  );
}

/** A location closed for whole days (both ends included). */
export function ClosureForm({ location }: { location: string }) {
  const { register, handleSubmit, formState, setError, reset } = useForm<AddClosureInput>({
    resolver: zodResolver(addClosureSchema),
    defaultValues: { from: "", to: "", reason: "" },
  });
  const state = useClashCheckedSave<AddClosureInput>(
    `/api/v1/staff/admin/locations/${location}/closures`,
    setError,
    () => reset(),
  );
  const e = formState.errors;
  const pending = state.clashes?.length && !state.confirmed;
  return (
    <form onSubmit={handleSubmit(state.submit)} noValidate aria-labelledby="add-closure-title">
      <h3 className="wt-subhead" id="add-closure-title">
        Close this location
      </h3>
      <div className="wt-row">
        <div className="field">
          <label htmlFor="closure-from">First day</label>
          <input
            id="closure-from"
            type="date"
            className="input"
            {...invalid("closure-from", e.from?.message)}
            {...register("from")}
          />
          <FieldError id="closure-from" message={e.from?.message} />
        </div>
        <div className="field">
          <label htmlFor="closure-to">Last day</label>
          <input
            id="closure-to"
            type="date"
            className="input"
            {...invalid("closure-to", e.to?.message)}
            {...register("to")}
          />
          <FieldError id="closure-to" message={e.to?.message} />
        </div>
        <div className="field">
          <label htmlFor="closure-reason">Reason</label>
          <input
            id="closure-reason"
            className="input"
            maxLength={200}
            {...invalid("closure-reason", e.reason?.message)}
            {...register("reason")}
          />
          <FieldError id="closure-reason" message={e.reason?.message} />
        </div>
      </div>
      <Outcome state={state as ReturnType<typeof useClashCheckedSave>} title="Appointments on these days" />
      <div className="wt-actions">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Checking…" : pending ? "Close anyway" : "Close these days"}
        </button>
      </div>
    </form>
  );
}
