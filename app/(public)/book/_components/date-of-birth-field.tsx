"use client";
import { type Control, useController } from "react-hook-form";
import { type DateParts, joinDateParts, partsFromPastedDate, splitDateParts } from "@/lib/scheduling/date-of-birth";
import type { PatientDetails } from "@/lib/scheduling/schemas";
import { FieldError } from "./text-field";

const PARTS = [
  { key: "day", label: "Day", autoComplete: "bday-day", maxLength: 2 },
  { key: "month", label: "Month", autoComplete: "bday-month", maxLength: 2 },
  { key: "year", label: "Year", autoComplete: "bday-year", maxLength: 4 },
] as const;

/**
 * Date of birth as three number boxes, day, month and year: the order Australians write it, whatever the phone's or
 * browser's own date format, and no calendar to scroll back decades through. The form keeps them joined (see
 * date-of-birth.ts); the form schema turns them into YYYY-MM-DD. A whole date pasted into any box fills all three.
 */
export function DateOfBirthField({
  id,
  control,
  error,
}: {
  id: string;
  control: Control<PatientDetails>;
  error?: string;
}) {
  const { field } = useController({ name: "dateOfBirth", control });
  const parts = splitDateParts(field.value ?? "");
  const set = (key: keyof DateParts, value: string) =>
    field.onChange(joinDateParts({ ...parts, [key]: value.replace(/\D/g, "") }));
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="field" aria-describedby={describedBy}>
      <legend>Date of birth</legend>
      <p id={`${id}-hint`} className="hint">
        For example, 27 3 1985
      </p>
      <div className="date-parts">
        {PARTS.map(({ key, label, autoComplete, maxLength }, i) => (
          <div key={key} className={`date-parts__part date-parts__part--${key}`}>
            <label htmlFor={`${id}-${key}`}>{label}</label>
            <input
              id={`${id}-${key}`}
              ref={i === 0 ? field.ref : undefined}
              className="input"
              inputMode="numeric"
              autoComplete={autoComplete}
              maxLength={maxLength}
              value={parts[key]}
              onChange={(e) => set(key, e.target.value)}
              onPaste={(e) => {
                const pasted = partsFromPastedDate(e.clipboardData.getData("text"));
                if (!pasted) return;
                e.preventDefault();
                field.onChange(joinDateParts(pasted));
              }}
              onBlur={field.onBlur}
              aria-invalid={error ? true : undefined}
            />
          </div>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
