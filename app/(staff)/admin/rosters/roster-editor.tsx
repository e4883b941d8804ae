"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from "react-hook-form";
import type { RosterDto } from "@/lib/setup/roster-dto";
import type { SetRosterResult } from "@/lib/setup/set-roster";
import { setRosterSchema, type SetRosterInput, type SetRosterValues } from "@/lib/setup/working-time-schemas";
import { adminFetch, ApiError } from "../_working-time/admin-fetch";
import { ClashList } from "../_working-time/clash-list";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

interface Props {
  practitioner: { slug: string; name: string };
  location: { slug: string; name: string; timezone: string };
  rosters: RosterDto[];
  today: string;
}

const dayLabel = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString("en-AU", {
    timeZone: "UTC",
    weekday: "short",
    day: "numeric",
    month: "short",
  });

/** Edits one practitioner's roster at one location: preview (a dry run) first, then save, confirming any clashes. */
export function RosterEditor({ practitioner, location, rosters, today }: Props) {
  const router = useRouter();
  const latest = rosters[rosters.length - 1];
  const form = useForm<SetRosterInput, unknown, SetRosterValues>({
    resolver: zodResolver(setRosterSchema),
    defaultValues: {
      location: location.slug,
      validFrom: latest && latest.validFrom > today ? latest.validFrom : today,
      validTo: null,
      rotationWeeks: latest?.rotationWeeks ?? 1,
      shifts: (latest?.shifts ?? []).map((s) => ({ ...s, service: s.service ?? null })),
    },
  });
  const { register, control, handleSubmit, formState, setError } = form;
  const watched = useWatch({ control });
  const shifts = useFieldArray({ control, name: "shifts" });
  const [preview, setPreview] = useState<SetRosterResult | null>(null);
  const [previewed, setPreviewed] = useState<string>("");
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const rotationWeeks = Number(watched.rotationWeeks ?? 1);
  const url = `/api/v1/staff/admin/practitioners/${practitioner.slug}/roster`;
  // a preview only stands for the values it was made from
  const current = JSON.stringify(watched);
  const fresh = preview !== null && previewed === current;

  const send = (dryRun: boolean) =>
    handleSubmit(async (values) => {
      setProblem(null);
      setSaved(null);
      try {
        const result = await adminFetch<SetRosterResult>(`${url}${dryRun ? "?dryRun=1" : ""}`, "PUT", values);
        if (dryRun) {
          setPreview(result);
          setPreviewed(current);
          setConfirmed(false);
        } else {
          setPreview(null);
          setSaved(
            result.clashes.length
              ? `Roster saved. ${result.clashes.length} booked appointment(s) are flagged for reception to move.`
              : "Roster saved.",
          );
          router.refresh();
        }
      } catch (e) {
        if (e instanceof ApiError && Object.keys(e.fields).length) {
          for (const [path, message] of Object.entries(e.fields))
            setError(path as "validFrom", { type: "server", message });
          setProblem("Some details need fixing.");
        } else setProblem(e instanceof ApiError ? e.message : "Something went wrong. Please try again.");
      }
    });

  const errors = formState.errors;
  return (
    <>
      <section className="card wt-section" aria-labelledby="current-rosters">
        <h2 id="current-rosters">
          {practitioner.name} at {location.name}
        </h2>
        {rosters.length === 0 ? (
          <p className="empty">No roster in force or to come here yet.</p>
        ) : (
          <ul className="wt-list">
            {rosters.map((r) => (
              <li key={`${r.validFrom}|${r.rotationWeeks}`}>
                <span>
                  <strong>
                    From {dayLabel(r.validFrom)}
                    {r.validTo ? ` to ${dayLabel(r.validTo)}` : ""}
                  </strong>{" "}
                  · {r.rotationWeeks === 1 ? "every week" : `${r.rotationWeeks}-week rotation`} · {r.shifts.length}{" "}
                  shift{r.shifts.length === 1 ? "" : "s"}
                </span>
                <span className="muted">
                  {r.shifts
                    .map(
                      (s) =>
                        `${r.rotationWeeks > 1 ? `W${s.week} ` : ""}${DAYS[s.weekday - 1]!.slice(0, 3)} ${s.start}–${s.end}`,
                    )
                    .join(", ")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <form className="card wt-section" onSubmit={send(true)} noValidate aria-labelledby="new-roster">
        <h2 id="new-roster">Set the roster from a date</h2>
        <p className="muted">
          Times are wall-clock times in {location.timezone}. The new roster replaces this practitioner’s roster here
          from its first day; one in force then ends the day before.
        </p>
        <input type="hidden" {...register("location")} />
        <div className="wt-row">
          <Field id="validFrom" label="First day" error={errors.validFrom?.message}>
            <input
              id="validFrom"
              type="date"
              className="input"
              {...aria(errors.validFrom?.message, "validFrom")}
              {...register("validFrom")}
            />
          </Field>
          <Field id="validTo" label="Last day (optional)" error={errors.validTo?.message}>
            <input
              id="validTo"
              type="date"
              className="input"
              {...aria(errors.validTo?.message, "validTo")}
              {...register("validTo", { setValueAs: (v: string | null) => (v ? v : null) })}
            />
          </Field>
          <Field id="rotationWeeks" label="Rotation" error={errors.rotationWeeks?.message}>
            <select id="rotationWeeks" className="select" {...register("rotationWeeks", { valueAsNumber: true })}>
              <option value={1}>Every week</option>
              <option value={2}>2-week rotation</option>
              <option value={3}>3-week rotation</option>
              <option value={4}>4-week rotation</option>
            </select>
          </Field>
        </div>

        <h3 className="wt-subhead">Shifts</h3>
        {shifts.fields.length === 0 ? (
          <p className="empty">No shifts: saving this would leave no working time here from the first day.</p>
        ) : null}
        {shifts.fields.map((field, i) => (
          <ShiftFields
            key={field.id}
            index={i}
            rotationWeeks={rotationWeeks}
            register={register}
            control={control}
            errors={errors}
            onRemove={() => shifts.remove(i)}
          />
        ))}
        <div className="wt-actions">
          <button
            type="button"
            className="button button--ghost"
            onClick={() =>
              shifts.append({ week: 1, weekday: 1, start: "09:00", end: "17:00", breaks: [], service: null })
            }
          >
            Add a shift
          </button>
          <button type="submit" className="button" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Working…" : "Preview"}
          </button>
        </div>
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        {saved ? (
          <p className="alert alert--ok" role="status">
            {saved}
          </p>
        ) : null}
      </form>

      {preview && fresh ? (
        <section className="card wt-section" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          {preview.preview ? (
            <>
              <p className="muted">
                {preview.preview.service
                  ? `Times a patient could book for ${preview.preview.service}, ${dayLabel(preview.preview.from)} to ${dayLabel(preview.preview.to)} (existing bookings taken out).`
                  : "No one-to-one service of this practitioner is offered here, so there are no bookable times to show."}
              </p>
              <ul className="wt-preview" aria-label="Bookable times by day">
                {preview.preview.days.map((d) => (
                  <li key={d.date}>
                    <strong>{dayLabel(d.date)}</strong>
                    {d.times.length === 0 ? (
                      <span className="muted">Not bookable</span>
                    ) : (
                      <span>
                        {d.times.length} times, {d.times[0]}–{d.times[d.times.length - 1]}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <ClashList clashes={preview.clashes} title="Appointments outside the new roster" />
          {preview.clashes.length ? (
            <label className="wt-confirm">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              Save anyway and flag these {preview.clashes.length} appointment(s) for reception to move
            </label>
          ) : null}
          <div className="wt-actions">
            <button
              type="button"
              className="button"
              disabled={formState.isSubmitting || (preview.clashes.length > 0 && !confirmed)}
              onClick={send(false)}
            >
              Save roster
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}

function aria(error: string | undefined, id: string) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
  } as const;
}

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function ShiftFields({
  index: i,
  rotationWeeks,
  register,
  control,
  errors,
  onRemove,
}: {
  index: number;
  rotationWeeks: number;
  register: UseFormRegister<SetRosterInput>;
  control: Control<SetRosterInput, unknown, SetRosterValues>;
  errors: FieldErrors<SetRosterInput>;
  onRemove: () => void;
}) {
  const breaks = useFieldArray({ control, name: `shifts.${i}.breaks` });
  const e = errors.shifts?.[i];
  const id = (f: string) => `shift-${i}-${f}`;
  return (
    <fieldset className="wt-shift">
      <legend>Shift {i + 1}</legend>
      <div className="wt-row">
        {rotationWeeks > 1 ? (
          <Field id={id("week")} label="Week" error={e?.week?.message}>
            <select id={id("week")} className="select" {...register(`shifts.${i}.week`, { valueAsNumber: true })}>
              {Array.from({ length: rotationWeeks }, (_, w) => (
                <option key={w + 1} value={w + 1}>
                  Week {w + 1}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <input type="hidden" value={1} {...register(`shifts.${i}.week`, { valueAsNumber: true })} />
        )}
        <Field id={id("weekday")} label="Day" error={e?.weekday?.message}>
          <select id={id("weekday")} className="select" {...register(`shifts.${i}.weekday`, { valueAsNumber: true })}>
            {DAYS.map((d, k) => (
              <option key={d} value={k + 1}>
                {d}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id("start")} label="Starts" error={e?.start?.message}>
          <input
            id={id("start")}
            type="time"
            className="input"
            {...aria(e?.start?.message, id("start"))}
            {...register(`shifts.${i}.start`)}
          />
        </Field>
        <Field id={id("end")} label="Ends" error={e?.end?.message}>
          <input
            id={id("end")}
            type="time"
            className="input"
            {...aria(e?.end?.message, id("end"))}
            {...register(`shifts.${i}.end`)}
          />
        </Field>
      </div>
      <div className="wt-breaks">
        {breaks.fields.map((b, k) => {
          const be = e?.breaks?.[k];
          const bid = (f: string) => id(`break-${k}-${f}`);
          return (
            <div className="wt-row" key={b.id}>
              <Field id={bid("start")} label={`Break ${k + 1} starts`} error={be?.start?.message}>
                <input
                  id={bid("start")}
                  type="time"
                  className="input"
                  {...aria(be?.start?.message, bid("start"))}
                  {...register(`shifts.${i}.breaks.${k}.start`)}
                />
              </Field>
              <Field id={bid("end")} label={`Break ${k + 1} ends`} error={be?.end?.message}>
                <input
                  id={bid("end")}
                  type="time"
                  className="input"
                  {...aria(be?.end?.message, bid("end"))}
                  {...register(`shifts.${i}.breaks.${k}.end`)}
                />
              </Field>
              <button type="button" className="button button--ghost button--small" onClick={() => breaks.remove(k)}>
                Remove break {k + 1}
              </button>
            </div>
          );
        })}
        <div className="wt-actions">
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => breaks.append({ start: "12:30", end: "13:00" })}
          >
            Add a break to shift {i + 1}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={onRemove}>
            Remove shift {i + 1}
          </button>
        </div>
      </div>
    </fieldset>
  );
}
