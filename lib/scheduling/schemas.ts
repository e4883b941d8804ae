import { z } from "zod";
import { lineString, multilineString, PERSON_NAME } from "@/lib/validation/text";
import { dateOfBirthFromParts } from "./date-of-birth";

// One schema, two uses: the booking form's zodResolver and the API both parse with these (the form reads its date of
// birth from three boxes, so it has its own schema for that one field, patientDetailsFormSchema).
export const slugSchema = lineString()
  .trim()
  .min(1, "Required")
  .max(80, "Too long")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Not a known identifier");
// The dates the clinic deals in, births to bookings: a day or two past either end (time zones, buffers) still
// fits Postgres and JavaScript, where a year-9999 date plus one day used to reach the database as "+010000" (a 500).
export const MIN_DATE = "1900-01-01";
export const MAX_DATE = "2199-12-31";
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "Not a real date",
  )
  .refine((d) => d >= MIN_DATE && d <= MAX_DATE, `Use a date from ${MIN_DATE} to ${MAX_DATE}`);
export const offsetDateTimeSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    "Use an ISO 8601 time with an offset, e.g. 2026-12-01T09:00:00+11:00",
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), "Not a real time")
  .refine(
    (s) => s.slice(0, 10) >= MIN_DATE && s.slice(0, 10) <= MAX_DATE,
    `Use a time from ${MIN_DATE} to ${MAX_DATE}`,
  );

// api.md: 1 to 80 characters of letters (any script), spaces, hyphens, apostrophes and full stops. `whose` is "your"
// on the patient's own forms and "the patient's" on staff forms.
const nameSchema = (label: string, whose = "your") => {
  const Whose = whose[0]!.toUpperCase() + whose.slice(1);
  return z
    .string()
    .trim()
    .min(1, `Enter ${whose} ${label}`)
    .max(80, `${Whose} ${label} is too long`)
    .regex(PERSON_NAME, `${Whose} ${label} can only have letters, spaces, hyphens (-), apostrophes (') and full stops`);
};
const emailSchema = lineString()
  .trim()
  .toLowerCase()
  .max(254, "That email is too long")
  .email("Enter a valid email, like name@example.com");
const phoneSchema = lineString()
  .trim()
  .min(1, "Enter a phone number")
  .max(20, "That phone number is too long")
  .regex(/^\+?[0-9 ()-]{8,20}$/, "Enter a phone number, like 0412 345 678");
const dateOfBirthSchema = (message: string) =>
  z
    .string()
    .min(1, message)
    .pipe(localDateSchema)
    .refine((d) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      return t <= Date.now() && t >= Date.parse("1900-01-01T00:00:00Z");
    }, message);

export const patientDetailsSchema = z.object({
  firstName: nameSchema("first name"),
  lastName: nameSchema("last name"),
  email: emailSchema,
  phone: phoneSchema,
  dateOfBirth: dateOfBirthSchema("Enter your date of birth"),
});
export type PatientDetails = z.infer<typeof patientDetailsSchema>;

/** A blank box (or null, from the API) is "not given": the value leaves the schema as undefined. */
const optional = <T extends z.ZodType<string, string>>(schema: T) =>
  z
    .string()
    .nullish()
    .transform((v) => (v?.trim() ? v : undefined))
    .pipe(schema.optional());

/**
 * A patient's details as staff take them over the phone: a name and a phone number are enough; email and date of
 * birth when the caller gives them (no email, no emails sent). Staff-facing messages ("the patient's"). The reception
 * booking dialog, the patient edit form and the staff API all parse with this one.
 */
export const staffPatientDetailsSchema = z.object({
  firstName: nameSchema("first name", "the patient's"),
  lastName: nameSchema("last name", "the patient's"),
  email: optional(emailSchema),
  phone: phoneSchema,
  dateOfBirth: optional(dateOfBirthSchema("Enter the patient's date of birth, or leave it blank")),
});
export type StaffPatientDetails = z.infer<typeof staffPatientDetailsSchema>;
/** What the staff form holds before parsing: blank boxes are empty strings. */
export type StaffPatientDetailsForm = z.input<typeof staffPatientDetailsSchema>;

/**
 * The booking form's details. The date of birth is typed into three boxes (day, month, year; see date-of-birth.ts)
 * and leaves the form as YYYY-MM-DD, the value the API takes; its messages name the box to fix.
 */
export const patientDetailsFormSchema = patientDetailsSchema.extend({
  dateOfBirth: z.string().transform((value, ctx) => {
    const read = dateOfBirthFromParts(value);
    if ("date" in read) return read.date;
    ctx.addIssue({ code: "custom", message: read.error });
    return z.NEVER;
  }),
});

/** Printable ASCII, one line: a directory's correlation handle, stored as given and shown to staff in reports. */
const referralHandle = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "Leave it out, or give a value")
    .max(max, `Use at most ${max} characters`)
    .regex(/^[\x20-\x7E]+$/, "Use printable characters only");
/**
 * Where a directory's deep link came from (SMART Scheduling Links): its `source` parameter (who referred the patient)
 * and `booking-referral` (their reference for this booking). Either is optional; the booking's source is "referral".
 */
export const referralSchema = z.object({
  source: referralHandle(100).optional(),
  bookingReferral: referralHandle(200).optional(),
});
export type Referral = z.infer<typeof referralSchema>;

export const createBookingSchema = z.object({
  service: slugSchema,
  location: slugSchema,
  practitioner: slugSchema.optional(),
  start: offsetDateTimeSchema,
  patient: patientDetailsSchema,
  triage: z.string().uuid("Not a known triage").optional(),
  notes: multilineString().max(1000, "Keep notes to 1000 characters").optional(),
  referral: referralSchema.optional(),
});
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

export const cancelBookingSchema = z.object({
  reason: multilineString().trim().max(500, "Keep the reason to 500 characters").optional(),
});
/** The front desk always says why it cancels. */
export const staffCancelSchema = z.object({
  reason: multilineString()
    .trim()
    .min(1, "Enter a reason for cancelling")
    .max(500, "Keep the reason to 500 characters"),
});
export type StaffCancelInput = z.infer<typeof staffCancelSchema>;
/** A move, by the patient or the front desk: the new start, and (staff only, in effect) another practitioner. */
export const rescheduleBookingSchema = z.object({ start: offsetDateTimeSchema, practitioner: slugSchema.optional() });
export type RescheduleInput = z.infer<typeof rescheduleBookingSchema>;

export const availabilityQuerySchema = z
  .object({
    location: slugSchema,
    service: slugSchema,
    from: localDateSchema,
    to: localDateSchema,
    practitioner: slugSchema.optional(),
  })
  .refine((q) => q.to >= q.from, { path: ["to"], message: "`to` must be on or after `from`" })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 30, {
    path: ["to"],
    message: "Ask for at most 31 days at a time",
  });
