import Link from "next/link";
import { AUDIT_OUTCOMES, type ParsedAuditFilter } from "@/lib/staff/practice-schemas";
import { OUTCOME_LABEL } from "./audit-table";

type Errors = Partial<Record<"person" | "patient" | "from" | "to" | "action" | "outcome", string>>;

function Field({
  id,
  label,
  hint,
  error,
  wide,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className={`field filter__field ${wide ? "filter__field--wide" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

const described = (id: string, hint: boolean, error: string | undefined) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

/** A plain GET form: the filter lives in the address, so a filtered view can be shared and bookmarked. */
export function AuditFilters({
  values,
  raw,
  actions,
  errors,
}: {
  values: ParsedAuditFilter;
  raw: Record<string, string | undefined>;
  actions: string[];
  errors: Errors;
}) {
  const v = (k: keyof Errors) => (errors[k] ? raw[k] : values[k]) ?? "";
  return (
    <form method="get" className="panel filter" aria-labelledby="filter-title">
      <h2 id="filter-title" className="panel__title">
        Filter
      </h2>
      <div className="filter__grid">
        <Field id="f-person" label="Person" hint="Name or email of who acted" error={errors.person} wide>
          <input
            id="f-person"
            name="person"
            className="input"
            defaultValue={v("person")}
            aria-describedby={described("f-person", true, errors.person)}
            aria-invalid={errors.person ? true : undefined}
          />
        </Field>
        <Field id="f-patient" label="Patient" hint="Patient’s name or ID" error={errors.patient} wide>
          <input
            id="f-patient"
            name="patient"
            className="input"
            defaultValue={v("patient")}
            aria-describedby={described("f-patient", true, errors.patient)}
            aria-invalid={errors.patient ? true : undefined}
          />
        </Field>
        <Field id="f-from" label="From" error={errors.from}>
          <input
            id="f-from"
            name="from"
            type="date"
            className="input"
            defaultValue={v("from")}
            aria-describedby={described("f-from", false, errors.from)}
            aria-invalid={errors.from ? true : undefined}
          />
        </Field>
        <Field id="f-to" label="To" error={errors.to}>
          <input
            id="f-to"
            name="to"
            type="date"
            className="input"
            defaultValue={v("to")}
            aria-describedby={described("f-to", false, errors.to)}
            aria-invalid={errors.to ? true : undefined}
          />
        </Field>
        <Field id="f-action" label="Action" error={errors.action}>
          <select id="f-action" name="action" className="select" defaultValue={v("action")}>
            <option value="">Any action</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-outcome" label="Outcome" error={errors.outcome}>
          <select id="f-outcome" name="outcome" className="select" defaultValue={v("outcome")}>
            <option value="">Any outcome</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABEL[o]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="filter__actions">
        <button type="submit" className="button button--small">
          Apply filters
        </button>
        <Link href="/admin/audit" className="button button--small button--ghost">
          Clear
        </Link>
      </div>
    </form>
  );
}
