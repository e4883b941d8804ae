import { z } from "zod";

/**
 * The wait list's own queue in pg-boss: making offers, expiring them, housekeeping. Its emails go through the
 * patient-email queue (lib/notifications), like every other patient email.
 */
export const WAITLIST_QUEUE = "waitlist";

const instant = z.string().datetime({ offset: true });
/** Time that may suit waiting entries: a cancelled or moved appointment's, or working time added back. */
const freedJob = z.object({
  kind: z.literal("freed"),
  locationId: z.string().uuid(),
  /** null: every practitioner at the location */
  practitionerId: z.string().uuid().nullable(),
  start: instant,
  end: instant,
  /** The freed appointment's service and start: offered as it was when the service is the same. */
  serviceId: z.string().uuid().optional(),
  preferredStart: instant.optional(),
});
/** Offers of a time whose hold ran out: expire them, then offer the time to the next entries. */
const expireJob = z.object({ kind: z.literal("expire"), locationId: z.string().uuid() });
/** A patient booked: their entries for that service leave the list. */
const bookedJob = z.object({ kind: z.literal("booked"), appointmentId: z.string().uuid() });

export const waitlistJobSchema = z.discriminatedUnion("kind", [freedJob, expireJob, bookedJob]);
export type WaitlistJob = z.infer<typeof waitlistJobSchema>;
export type FreedJob = z.infer<typeof freedJob>;
