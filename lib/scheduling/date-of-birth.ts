// The booking form asks for a date of birth as three boxes, day, month and year (the order Australians write it, whatever
// the browser's own locale), and keeps them joined as "year-month-day" exactly as typed, so a half-typed date survives
// going back a step. This turns that into an ISO date, or says in words what is missing or wrong.

export type DateParts = { day: string; month: string; year: string };

/** The three boxes, joined as the form keeps them: "" when all are empty, else "year-month-day" as typed. */
export function joinDateParts({ day, month, year }: DateParts): string {
  return day === "" && month === "" && year === "" ? "" : `${year}-${month}-${day}`;
}

/** The three boxes from the form's value (also reads a plain ISO date, as a draft or the server may hold). */
export function splitDateParts(value: string): DateParts {
  const [year = "", month = "", day = ""] = value.split("-");
  return { day, month, year };
}

/** A whole date pasted into one box ("15/6/1988", "15.06.1988", "15 6 1988", or ISO "1988-06-15"), as the three boxes. */
export function partsFromPastedDate(text: string): DateParts | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return { day: iso[3]!, month: iso[2]!, year: iso[1]! };
  const dmy = /^(\d{1,2})[/. -]+(\d{1,2})[/. -]+(\d{4})$/.exec(t);
  return dmy ? { day: dmy[1]!, month: dmy[2]!, year: dmy[3]! } : null;
}

/** The date of birth the boxes hold, as YYYY-MM-DD, or a message for the patient. `now` bounds it: not in the future. */
export function dateOfBirthFromParts(value: string, now: Date = new Date()): { date: string } | { error: string } {
  const split = splitDateParts(value);
  const parts: DateParts = { day: split.day.trim(), month: split.month.trim(), year: split.year.trim() };
  const { day, month, year } = parts;
  const missing = (["day", "month", "year"] as const).filter((k) => !parts[k]);
  if (missing.length === 3) return { error: "Enter your date of birth" };
  if (missing.length > 0) return { error: `Your date of birth must include a ${missing.join(" and a ")}` };
  if (![day, month, year].every((p) => /^\d+$/.test(p))) return { error: "Use numbers only, like 27 3 1985" };
  if (year.length !== 4) return { error: "The year must have 4 numbers, like 1985" };
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const t = Date.parse(`${date}T00:00:00Z`);
  if (day.length > 2 || month.length > 2 || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) {
    return { error: "Your date of birth must be a real date" };
  }
  if (t > now.getTime()) return { error: "Your date of birth must be in the past" };
  if (year < "1900") return { error: "The year must be 1900 or later" };
  return { date };
}

const LONG_DATE = new Intl.DateTimeFormat("en-AU", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
/** A date of birth (YYYY-MM-DD) in words, "7 February 1990": no doubt which number is the day. */
export const formatDateOfBirth = (date: string) => LONG_DATE.format(new Date(`${date}T00:00:00Z`));
