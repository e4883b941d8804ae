// Inputs of the practitioner's day and week and of the audit log filters; the pages parse their
// search parameters with these same schemas.
import { DateTime } from "luxon";
import { z } from "zod";
import { addDays, isoWeekday, localDateOf } from "@/lib/scheduling/local-time";
import { MAX_DATE, MIN_DATE } from "@/lib/scheduling/schemas";
import { lineString } from "@/lib/validation/text";

/** Every clinic location is in Sydney; the practitioner's day is a Sydney day. */
export const CLINIC_ZONE = "Australia/Sydney";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-01")
  .refine((d) => DateTime.fromISO(d, { zone: CLINIC_ZONE }).isValid, "That is not a real date")
  .refine((d) => d >= MIN_DATE && d <= MAX_DATE, `Use a date from ${MIN_DATE} to ${MAX_DATE}`);

/** Blank form fields arrive as "": treat them as not given. */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const MAX_RANGE_DAYS = 14;

export const myAppointmentsRangeSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((r) => r.to >= r.from, { message: "The end date must not be before the start", path: ["to"] })
  .refine((r) => DateTime.fromISO(r.to).diff(DateTime.fromISO(r.from), "days").days < MAX_RANGE_DAYS, {
    message: `Choose at most ${MAX_RANGE_DAYS} days`,
    path: ["to"],
  });
export type MyAppointmentsRange = z.infer<typeof myAppointmentsRangeSchema>;

export const AUDIT_OUTCOMES = ["ok", "denied", "failed"] as const;
export const AUDIT_PAGE_SIZE = 25;

export const auditFilterSchema = z.object({
  person: optional(lineString().trim().max(100, "Keep it under 100 characters")),
  patient: optional(lineString().trim().max(100, "Keep it under 100 characters")),
  from: optional(isoDate),
  to: optional(isoDate),
  action: optional(
    lineString()
      .trim()
      .regex(/^[a-z][a-z0-9.-]{0,59}$/, "Choose an action from the list"),
  ),
  outcome: optional(z.enum(AUDIT_OUTCOMES)),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;
export type ParsedAuditFilter = z.infer<typeof auditFilterSchema>;

/** Today's date in the clinic's zone, as YYYY-MM-DD. */
export function clinicToday(now: Date = new Date()): string {
  return localDateOf(now, CLINIC_ZONE);
}

/** `asked` when it is a real YYYY-MM-DD date, else `fallback`. */
export function validDateOr(asked: string | undefined, fallback: string): string {
  return asked !== undefined && isoDate.safeParse(asked).success ? asked : fallback;
}

/** Monday of the week holding `date`. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}
