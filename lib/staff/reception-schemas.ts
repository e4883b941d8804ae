import { z } from "zod";
import { lineString, multilineString } from "@/lib/validation/text";
import { localDateSchema, offsetDateTimeSchema, slugSchema, staffPatientDetailsSchema } from "@/lib/scheduling/schemas";

// The changes every booker makes share the scheduling schemas; the reception dialogs take them from here too.
export { staffCancelSchema, type StaffCancelInput } from "@/lib/scheduling/schemas";

// One schema, two uses: the reception dialogs' zodResolver and the staff API routes parse with these.

import type { AppointmentStatus } from "@/db/schema/types";
export type { AppointmentStatus };
export const STATUS_CHANGES = ["arrived", "no-show", "completed"] as const;
export type StatusChange = (typeof STATUS_CHANGES)[number];

/** Which status each change may start from: booked → arrived → completed, booked → no-show. */
export const ALLOWED_FROM: Record<StatusChange, AppointmentStatus> = {
  arrived: "booked",
  "no-show": "booked",
  completed: "arrived",
};

export const uuidSchema = z.string().uuid("Not a known id");
/** Any 8-4-4-4-12 hex id, as Postgres reads a uuid: looser than uuidSchema, which also checks the RFC version and variant. */
export const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const dayQuerySchema = z.object({ location: slugSchema, date: localDateSchema });
export type DayQuery = z.infer<typeof dayQuerySchema>;

export const weekQuerySchema = z.object({ practitioner: slugSchema, date: localDateSchema });
export type WeekQuery = z.infer<typeof weekQuerySchema>;

/** A location's week (Monday to Sunday around `date`). */
export const locationWeekQuerySchema = dayQuerySchema;

/** A printed day sheet: one location's day, or one practitioner's. */
export const daySheetQuerySchema = z
  .object({ location: slugSchema.optional(), practitioner: slugSchema.optional(), date: localDateSchema })
  .refine((q) => !!q.location !== !!q.practitioner, {
    path: ["location"],
    message: "Choose a location or a practitioner",
  });
export type DaySheetQuery = z.infer<typeof daySheetQuerySchema>;

export const statusChangeSchema = z.object({
  status: z.enum(STATUS_CHANGES, { message: "Choose arrived, no-show or completed" }),
});

/** Recording a call-back: what came of it, in a few words (read by staff only). */
export const calledSchema = z.object({
  note: z.string().trim().max(500, "Keep the note to 500 characters").optional(),
});
export type CalledInput = z.infer<typeof calledSchema>;

/**
 * A phone booking: an existing patient by id, or a new one's details: name and phone are enough, email and date of
 * birth optional (with both, matched to a patient of record by them).
 */
export const staffBookingSchema = z
  .object({
    service: slugSchema,
    location: slugSchema,
    practitioner: slugSchema.optional(),
    start: offsetDateTimeSchema,
    patientId: uuidSchema.optional(),
    patient: staffPatientDetailsSchema.optional(),
    notes: multilineString().trim().max(1000, "Keep notes to 1000 characters").optional(),
  })
  .refine((b) => (b.patientId ? !b.patient : !!b.patient), {
    path: ["patient"],
    message: "Choose an existing patient or enter a new one",
  });
export type StaffBookingInput = z.infer<typeof staffBookingSchema>;

export const staffAvailabilitySchema = z.object({
  location: slugSchema,
  service: slugSchema,
  date: localDateSchema,
  practitioner: slugSchema.optional(),
  /** The appointment being moved: its own time does not count as taken. */
  exclude: uuidSchema.optional(),
});
export type StaffAvailabilityQuery = z.infer<typeof staffAvailabilitySchema>;

export const patientSearchSchema = z.object({
  q: lineString().trim().min(2, "Type at least 2 characters").max(100, "Keep the search to 100 characters"),
});

/** Merge one patient record into another: every appointment and intake of `patientId` moves to `into`, which is kept. */
export const mergePatientsSchema = z
  .object({ patientId: uuidSchema, into: uuidSchema })
  .refine((m) => m.patientId !== m.into, { path: ["into"], message: "Choose a different record to keep" });
export type MergePatientsInput = z.infer<typeof mergePatientsSchema>;

/**
 * A patient's contact details as reception edits them (the patient page's form and PATCH /api/v1/staff/patients/{id}):
 * the whole record each time; a blank email or date of birth clears it.
 */
export const patientContactSchema = staffPatientDetailsSchema;
export type PatientContactInput = z.input<typeof patientContactSchema>;
export type PatientContact = z.output<typeof patientContactSchema>;

export const RESEND_KINDS = ["confirmation", "intake"] as const;
/** Resending an upcoming appointment's confirmation or its intake link (POST .../appointments/{id}/resend). */
export const resendSchema = z.object({
  kind: z.enum(RESEND_KINDS, { message: "Choose the confirmation or the intake link" }),
});
export type ResendInput = z.infer<typeof resendSchema>;
