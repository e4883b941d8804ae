"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type Control, useForm } from "react-hook-form";
import { ApiError } from "@/lib/http/api-fetch";
import type { PatientDetails } from "@/lib/scheduling/schemas";
import { joinWaitlistFormSchema, type JoinWaitlistForm as FormValues, PARTS_OF_DAY } from "@/lib/waitlist/schemas";
import { DateOfBirthField } from "../../../book/_components/date-of-birth-field";
import { TextField } from "../../../book/_components/text-field";
import { callApi, sameSitePath } from "../../../_components/public-api";
import { addDays, dateKey } from "../../../_components/time-format";

interface Props {
  location: { slug: string; name: string; timezone: string };
  service: { slug: string; name: string };
  practitioner: { slug: string; name: string } | null;
  triage?: string;
}

const PART_LABEL = { morning: "Morning (before 12)", afternoon: "Afternoon (12 to 5)", evening: "Evening (from 5)" };
type Joined = { entry: { id: string }; manageUrl: string };
const FORM_FIELDS = new Set<string>(joinWaitlistFormSchema.keyof().options);

/** The join form: dates, parts of the day and the booking form's own details fields and schema. */
export function JoinWaitlistForm({ location, service, practitioner, triage }: Props) {
  const router = useRouter();
  const today = dateKey(new Date(), location.timezone);
  const [anyone, setAnyone] = useState(practitioner === null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<FormValues>({
    resolver: zodResolver(joinWaitlistFormSchema),
    defaultValues: {
      firstName: "",
      lastName: "",
      email: "",
      phone: "",
      dateOfBirth: "",
      earliest: today,
      latest: addDays(today, 14),
      partsOfDay: [],
    },
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const errors = formState.errors;

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const body = {
      service: service.slug,
      location: location.slug,
      practitioner: anyone ? null : practitioner?.slug,
      earliest: v.earliest,
      latest: v.latest,
      partsOfDay: v.partsOfDay,
      patient: {
        firstName: v.firstName,
        lastName: v.lastName,
        email: v.email,
        phone: v.phone,
        dateOfBirth: v.dateOfBirth,
      },
      triage,
    };
    try {
      const joined = await callApi<Joined>("/api/v1/waitlist", { method: "POST", json: body });
      router.push(`${sameSitePath(joined.manageUrl)}?joined=1`);
    } catch (e) {
      if (!(e instanceof ApiError)) return setFormError("That didn't work. Please try again.");
      // a field the form shows gets its message beside it; anything else (the triage) is said above the form
      const fields = Object.entries(e.fields).map(([path, message]) => [path.replace(/^patient\./, ""), message]);
      const shown = fields.filter(([name]) => FORM_FIELDS.has(name!));
      for (const [name, message] of shown) setError(name as keyof FormValues, { type: "server", message });
      if (shown.length < fields.length || fields.length === 0) setFormError(e.message);
    }
  });

  const field = (name: keyof PatientDetails, label: string, input: React.InputHTMLAttributes<HTMLInputElement>) => (
    <TextField
      id={`wl-${name}`}
      label={label}
      error={errors[name]?.message}
      input={input}
      registration={register(name)}
    />
  );

  return (
    <section className="card step" aria-labelledby="join-form-title">
      <h2 id="join-form-title" className="step__title">
        {service.name} at {location.name}
      </h2>
      <p className="step__note">
        When a time that suits you frees up, we&apos;ll email you an offer. It&apos;s held for you for a short while;
        the first person to book it gets it.
      </p>
      {formError ? (
        <div className="alert alert--warn" role="alert">
          {formError}
        </div>
      ) : null}
      <form className="details-form" noValidate onSubmit={submit} aria-labelledby="join-form-title">
        {practitioner ? (
          <fieldset className="field">
            <legend>Who with</legend>
            <label className="check">
              <input type="radio" name="who" checked={!anyone} onChange={() => setAnyone(false)} /> Only{" "}
              {practitioner.name}
            </label>
            <label className="check">
              <input type="radio" name="who" checked={anyone} onChange={() => setAnyone(true)} /> Any practitioner
            </label>
          </fieldset>
        ) : null}
        <div className="field-row">
          <TextField
            id="wl-earliest"
            label="Earliest date"
            error={errors.earliest?.message}
            input={{ type: "date", min: today }}
            registration={register("earliest")}
          />
          <TextField
            id="wl-latest"
            label="Latest date"
            error={errors.latest?.message}
            input={{ type: "date", min: today, max: addDays(today, 90) }}
            registration={register("latest")}
          />
        </div>
        <fieldset className="field" aria-describedby="wl-parts-hint">
          <legend>Times of day</legend>
          <p id="wl-parts-hint" className="hint">
            Leave all unticked if any time suits.
          </p>
          {PARTS_OF_DAY.map((p) => (
            <label key={p} className="check">
              <input type="checkbox" value={p} {...register("partsOfDay")} /> {PART_LABEL[p]}
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          {field("firstName", "First name", { autoComplete: "given-name" })}
          {field("lastName", "Last name", { autoComplete: "family-name" })}
        </div>
        {field("email", "Email", { type: "email", autoComplete: "email", inputMode: "email", spellCheck: false })}
        {field("phone", "Mobile phone", { type: "tel", autoComplete: "tel", inputMode: "tel" })}
        <DateOfBirthField
          id="wl-dateOfBirth"
          control={control as unknown as Control<PatientDetails>}
          error={errors.dateOfBirth?.message}
        />
        <div className="step__actions">
          <button type="submit" className="button button--large" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Joining…" : "Join the wait list"}
          </button>
        </div>
      </form>
    </section>
  );
}
