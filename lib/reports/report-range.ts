// The page's range presets, as local dates. Pure, so the filter form and its tests share it.
import { addDays, isoWeekday } from "@/lib/scheduling/local-time";

export const RANGE_PRESETS = ["this-week", "last-week", "this-month", "last-month", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const PRESET_LABEL: Record<RangePreset, string> = {
  "this-week": "This week",
  "last-week": "Last week",
  "this-month": "This month",
  "last-month": "Last month",
  custom: "Custom dates",
};

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, "0");

/** Monday to Sunday, or the first to the last of the month, around `today` (a local date). */
export function presetRange(preset: Exclude<RangePreset, "custom">, today: string): { from: string; to: string } {
  const monday = addDays(today, 1 - isoWeekday(today));
  if (preset === "this-week") return { from: monday, to: addDays(monday, 6) };
  if (preset === "last-week") return { from: addDays(monday, -7), to: addDays(monday, -1) };
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  if (preset === "last-month") {
    month -= 1;
    if (month === 0) [year, month] = [year - 1, 12];
  }
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}` };
}
