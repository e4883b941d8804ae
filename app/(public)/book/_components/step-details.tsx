"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { patientDetailsSchema, type PatientDetails } from "@/lib/scheduling/schemas";
import { StepHeading } from "./step-heading";
import { TextField } from "./text-field";

const EMPTY: PatientDetails = { firstName: "", lastName: "", email: "", phone: "", dateOfBirth: "" };
type FieldName = keyof PatientDetails;

interface Props {
  details: PatientDetails | null;
  /** Messages the server gave for fields, keyed by field name ("email", not "patient.email"). */
  serverErrors: Partial<Record<FieldName, string>>;
  focus: boolean;
  onSubmit: (details: PatientDetails) => void;
  /** Keeps what was typed when the patient steps back. */
  onDraft: (details: PatientDetails) => void;
}

export function StepDetails({ details, serverErrors, focus, onSubmit, onDraft }: Props) {
  const { register, handleSubmit, setError, getValues, setFocus, formState } = useForm<PatientDetails>({
    resolver: zodResolver(patientDetailsSchema),
    defaultValues: details ?? EMPTY,
    // Validate on submit, then as they type: checking on blur would shift the button away mid-tap.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });

  useEffect(() => {
    const entries = Object.entries(serverErrors) as [FieldName, string][];
    for (const [name, message] of entries) setError(name, { type: "server", message });
    if (entries[0]) setFocus(entries[0][0]);
  }, [serverErrors, setError, setFocus]);

  // Unmounting (Back, or a step change) keeps the draft in the flow.
  useEffect(() => () => onDraft(getValues()), [getValues, onDraft]);

  const today = new Date().toISOString().slice(0, 10);
  const field = (name: FieldName, label: string, input: React.InputHTMLAttributes<HTMLInputElement>, hint?: string) => (
    <TextField id={`patient-${name}`} label={label} hint={hint} error={formState.errors[name]?.message} input={input} registration={register(name)} />
  );

  return (
    <>
      <StepHeading focus={focus}>Your details</StepHeading>
      <p className="step__note">So the clinic can confirm your booking and send your intake form. We never share them.</p>
      <form className="details-form" noValidate onSubmit={handleSubmit(onSubmit)} aria-labelledby="step-title">
        <div className="field-row">
          {field("firstName", "First name", { autoComplete: "given-name" })}
          {field("lastName", "Last name", { autoComplete: "family-name" })}
        </div>
        {field("email", "Email", { type: "email", autoComplete: "email", inputMode: "email", spellCheck: false }, "Your confirmation and manage link go here.")}
        {field("phone", "Mobile phone", { type: "tel", autoComplete: "tel", inputMode: "tel" }, "In case the clinic needs to reach you about your visit.")}
        {field("dateOfBirth", "Date of birth", { type: "date", autoComplete: "bday", max: today, min: "1900-01-01" })}
        <div className="step__actions">
          <button type="submit" className="button button--large">
            Review booking
          </button>
        </div>
      </form>
    </>
  );
}
