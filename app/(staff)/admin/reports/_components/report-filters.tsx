import Link from "next/link";
import { PRESET_LABEL, RANGE_PRESETS, type RangePreset } from "@/lib/reports/report-range";

export type FilterErrors = Partial<Record<"from" | "to" | "location" | "practitioner", string>>;

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
    <div className="field filter__field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

const invalid = (id: string, error?: string) =>
  error ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};

/** A plain GET form: the report lives in the address, so it can be bookmarked, shared and reloaded. */
export function ReportFilters({
  preset,
  values,
  errors,
  locations,
  practitioners,
}: {
  preset: RangePreset;
  values: { from: string; to: string; location: string; practitioner: string };
  errors: FilterErrors;
  locations: { slug: string; name: string }[];
  practitioners: { slug: string; name: string }[];
}) {
  return (
    <form method="get" className="panel filter report-filters" aria-labelledby="report-filter-title">
      <h2 id="report-filter-title" className="panel__title">
        Report filters
      </h2>
      <div className="filter__grid">
        <Field id="r-range" label="Range">
          <select id="r-range" name="range" className="select" defaultValue={preset}>
            {RANGE_PRESETS.map((p) => (
              <option key={p} value={p}>
                {PRESET_LABEL[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="r-from" label="From" error={errors.from}>
          <input
            id="r-from"
            name="from"
            type="date"
            className="input"
            defaultValue={values.from}
            {...invalid("r-from", errors.from)}
          />
        </Field>
        <Field id="r-to" label="To" error={errors.to}>
          <input
            id="r-to"
            name="to"
            type="date"
            className="input"
            defaultValue={values.to}
            {...invalid("r-to", errors.to)}
          />
        </Field>
        <Field id="r-location" label="Location" error={errors.location}>
          <select
            id="r-location"
            name="location"
            className="select"
            defaultValue={values.location}
            {...invalid("r-location", errors.location)}
          >
            <option value="">All locations</option>
            {locations.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="r-practitioner" label="Practitioner" error={errors.practitioner}>
          <select
            id="r-practitioner"
            name="practitioner"
            className="select"
            defaultValue={values.practitioner}
            {...invalid("r-practitioner", errors.practitioner)}
          >
            <option value="">All practitioners</option>
            {practitioners.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="hint report-filters__hint">
        From and To apply when the range is “Custom dates”. Dates are each location’s own calendar dates.
      </p>
      <div className="filter__actions">
        <button type="submit" className="button button--small">
          Show report
        </button>
        <Link href="/admin/reports" className="button button--small button--ghost">
          Reset
        </Link>
      </div>
    </form>
  );
}
