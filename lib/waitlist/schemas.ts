import { z } from "zod";
import {
  localDateSchema,
  patientDetailsFormSchema,
  patientDetailsSchema,
  slugSchema,
  staffPatientDetailsSchema,
} from "@/lib/scheduling/schemas";

export const PARTS_OF_DAY = ["morning", "afternoon", "evening"] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

// One schema, two uses: the join form's zodResolver and the API parse with these.
const waitlistFields = {
  service: slugSchema,
  location: slugSchema,
  practitioner: slugSchema.nullish().transform((v) => v ?? null),
  earliest: localDateSchema,
  latest: localDateSchema,
  partsOfDay: z
    .array(z.enum(PARTS_OF_DAY, "Choose morning, afternoon or evening"))
    .max(3)
    .optional()
    .transform((v) => [...new Set(v ?? [])]),
};
const datesInOrder = (w: { earliest: string; latest: string }) => w.latest >= w.earliest;
const datesMessage = { path: ["latest"], message: "The latest date must be on or after the earliest" };

export const joinWaitlistSchema = z
  .object({
    ...waitlistFields,
    patient: patientDetailsSchema,
    triage: z.string().uuid("Not a known triage").optional(),
  })
  .refine(datesInOrder, datesMessage);
export type JoinWaitlistInput = z.infer<typeof joinWaitlistSchema>;
/**
 * The join form: the booking form's own details schema (date of birth in three boxes) with the wait list's dates and
 * parts of the day; the page sends the API's body built from it, which the API parses with joinWaitlistSchema.
 */
export const joinWaitlistFormSchema = patientDetailsFormSchema
  .extend({ earliest: localDateSchema, latest: localDateSchema, partsOfDay: z.array(z.enum(PARTS_OF_DAY)) })
  .refine(datesInOrder, datesMessage);
export type JoinWaitlistForm = z.input<typeof joinWaitlistFormSchema>;

/** Reception adds a patient who rang: a name and a phone number are enough, as for a phone booking. */
export const staffAddToWaitlistSchema = z
  .object({ ...waitlistFields, patient: staffPatientDetailsSchema, urgent: z.boolean().optional() })
  .refine(datesInOrder, datesMessage);
export type StaffAddToWaitlistInput = z.infer<typeof staffAddToWaitlistSchema>;
export type StaffAddToWaitlistForm = z.input<typeof staffAddToWaitlistSchema>;

export const markUrgentSchema = z.object({ urgent: z.boolean() });
export const offerByHandSchema = z.object({
  start: z.string().datetime({ offset: true, message: "Use an ISO 8601 time with an offset" }),
  practitioner: slugSchema,
});
