import { z } from "zod";

/** One queue for every patient email; a job that fails all its retries moves to the dead-letter queue. */
export const EMAIL_QUEUE = "patient-email";
export const EMAIL_DEAD_LETTER_QUEUE = "patient-email-dead";

export const EMAIL_KINDS = [
  "confirmation",
  "changed",
  "cancelled",
  "reminder",
  "intake-reminder",
  "call-us",
  "staff-alert",
  "staff-password-reset",
  "staff-invitation",
  "waitlist-joined",
  "waitlist-offer",
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** What is sealed inside a job: links with secret tokens and, for call-us, contact details. */
export const sealedLinksSchema = z.object({
  manageUrl: z.string().url().optional(),
  intakeUrl: z.string().url().optional(),
});
export type SealedLinks = z.infer<typeof sealedLinksSchema>;
export const sealedContactSchema = z.object({ email: z.string().email(), firstName: z.string().min(1) });
export type SealedContact = z.infer<typeof sealedContactSchema>;
/** A staff member's password-reset link: sealed, since the link is as good as the password until it is used. */
export const sealedResetSchema = z.object({
  email: z.string().email(),
  name: z.string().min(1),
  resetUrl: z.string().url(),
});
export type SealedReset = z.infer<typeof sealedResetSchema>;
/** An invitation to set a first password: sealed for the same reason. */
export const sealedInvitationSchema = z.object({
  email: z.string().email(),
  name: z.string().min(1),
  inviteUrl: z.string().url(),
});
export type SealedInvitation = z.infer<typeof sealedInvitationSchema>;

// Job data in the clear holds only ids, the kind and the expected start: nothing clinical, no tokens.
const appointmentJob = z.object({
  kind: z.enum(["confirmation", "changed", "cancelled", "reminder", "intake-reminder"]),
  appointmentId: z.string().uuid(),
  /** For reminders: the start the job was scheduled for; a moved appointment makes the job stale. */
  expectedStart: z.string().datetime({ offset: true }).optional(),
  sealed: z.string().optional(),
});
const callUsJob = z.object({ kind: z.literal("call-us"), locationSlug: z.string().optional(), sealed: z.string() });
/** To staff, not the patient: an intake asks for a call. Says only that, with a link into the dashboard. */
const staffAlertJob = z.object({
  kind: z.literal("staff-alert"),
  appointmentId: z.string().uuid(),
  audience: z.enum(["practitioner", "reception"]),
});
export type StaffAlertJob = z.infer<typeof staffAlertJob>;

const staffResetJob = z.object({ kind: z.literal("staff-password-reset"), sealed: z.string() });
const staffInvitationJob = z.object({ kind: z.literal("staff-invitation"), sealed: z.string() });
/**
 * Wait-list emails: ids only. The entry or offer row says what and to whom; the manage link is read sealed from the
 * entry. An offer's job is queued in the transaction that made the offer (lib/waitlist/make-offers.ts).
 */
const waitlistJoinedJob = z.object({ kind: z.literal("waitlist-joined"), entryId: z.string().uuid() });
const waitlistOfferJob = z.object({ kind: z.literal("waitlist-offer"), offerId: z.string().uuid() });
export type WaitlistEmailJob = z.infer<typeof waitlistJoinedJob> | z.infer<typeof waitlistOfferJob>;

export const emailJobSchema = z.discriminatedUnion("kind", [
  appointmentJob,
  callUsJob,
  staffAlertJob,
  staffResetJob,
  staffInvitationJob,
  waitlistJoinedJob,
  waitlistOfferJob,
]);
export type EmailJob = z.infer<typeof emailJobSchema>;
export type AppointmentEmailJob = z.infer<typeof appointmentJob>;

export const REMINDER_KINDS = new Set<EmailKind>(["reminder", "intake-reminder"]);
export const REMINDER_LEAD_HOURS = { reminder: 24, "intake-reminder": 48 } as const;
