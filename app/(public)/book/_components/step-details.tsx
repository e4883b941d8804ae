"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { patientDetailsFormSchema, type PatientDetails } from "@/lib/scheduling/schemas";
import { DateOfBirthField } from "./date-of-birth-field";
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
  const { register, control, handleSubmit, setError, getValues, setFocus, formState } = useForm<PatientDetails>({
    resolver: zodResolver(patientDetailsFormSchema),
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

  // Unmounting (Back, or a step change) keeps the draft in the flow; once submitted, the flow holds the checked details.
  const submitted = useRef(false);
  useEffect(
    () => () => {
      if (!submitted.current) onDraft(getValues());
    },
    [getValues, onDraft],
  );

  const field = (name: FieldName, label: string, input: React.InputHTMLAttributes<HTMLInputElement>, hint?: string) => (
    <TextField
      id={`patient-${name}`}
      label={label}
      hint={hint}
      error={formState.errors[name]?.message}
      input={input}
      registration={register(name)}
    />
  );

  return (
    <>
      <StepHeading focus={focus}>Your details</StepHeading>
      <p className="step__note">
        So the clinic can confirm your booking and send your intake form. We never share them.
      </p>
      <form
        className="details-form"
        noValidate
        onSubmit={(event) =>
          handleSubmit((checked) => {
            submitted.current = true;
            onSubmit(checked);
          })(event)
        }
        aria-labelledby="step-title"
      >
        <div className="field-row">
          {field("firstName", "First name", { autoComplete: "given-name" })}
          {field("lastName", "Last name", { autoComplete: "family-name" })}
        </div>
        {field(
          "email",
          "Email",
          { type: "email", autoComplete: "email", inputMode: "email", spellCheck: false },
          "Your confirmation and manage link go here.",
        )}
        {field(
          "phone",
          "Mobile phone",
          { type: "tel", autoComplete: "tel", inputMode: "tel" },
          "In case the clinic needs to reach you about your visit.",
        )}
        <DateOfBirthField id="patient-dateOfBirth" control={control} error={formState.errors.dateOfBirth?.message} />
        <div className="step__actions">
          <button type="submit" className="button button--large">
            Review booking
          </button>
        </div>
      </form>
    </>
  );
}
