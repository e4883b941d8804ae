import "server-only";
import Holidays from "date-holidays";

export interface HolidayRegion {
  code: string;
  label: string;
}

let cached: readonly HolidayRegion[] | undefined;

/** Every Australian state and territory, and New Zealand, as the installed date-holidays library names them. */
export function holidayRegions(): readonly HolidayRegion[] {
  if (cached) return cached;
  const hd = new Holidays();
  const au = Object.entries(hd.getStates("AU") ?? {})
    .map(([code, label]) => ({ code: `AU-${code}`, label: String(label) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const nz = hd.getCountries().NZ ? [{ code: "NZ", label: "New Zealand" }] : [];
  cached = [...au, ...nz];
  return cached;
}

export function isHolidayRegion(code: string): boolean {
  return holidayRegions().some((r) => r.code === code);
}
