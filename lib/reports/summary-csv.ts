// The per-practitioner rows as CSV (RFC 4180 quoting, LF line ends), the header line exactly as spec/api.md gives it.
import { CSV_HEADER, type PractitionerRow } from "./schemas";

/** Quotes a field that needs it, and defuses one a spreadsheet would run as a formula. */
function field(value: string | number): string {
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function practitionersCsv(rows: readonly PractitionerRow[]): string {
  const lines = rows.map((r) =>
    [r.practitioner, r.availableMinutes, r.bookedMinutes, r.ratio, r.attended, r.noShow, r.cancelled]
      .map(field)
      .join(","),
  );
  return [CSV_HEADER, ...lines].join("\n") + "\n";
}

/** Any table as CSV, for the page's other downloads. */
export function tableCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((r) => r.map(field).join(",")).join("\n") + "\n";
}
