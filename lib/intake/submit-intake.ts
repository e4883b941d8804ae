import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import { enqueueStaffAlerts } from "@/lib/notifications/enqueue";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { appointmentForIntakeToken, assertIntakeOpen } from "./intake-access";
import { toIntakeOutcome, type IntakeOutcome } from "./intake-outcome";
import { recordSubmission } from "./record-submission";
import { INTAKE_NOT_FOUND } from "./save-intake-draft";
import { intakeSubmissionSchema, zodErrorToFieldErrors } from "./schemas";

export interface IntakeSubmitted extends IntakeOutcome {
  status: "completed";
  version: number;
  submittedAt: string;
}

/**
 * Sends the finished form: every shown, required question answered (errors keyed by linkId),
 * answers to hidden questions dropped, stored as a new completed version with its summary.
 */
export async function submitIntake(
  db: Db,
  token: string,
  rawAnswers: unknown,
  opts: { now?: Date } = {},
): Promise<IntakeSubmitted> {
  const parsed = intakeSubmissionSchema.safeParse(rawAnswers);
  if (!parsed.success)
    throw new ValidationFailed(
      zodErrorToFieldErrors(parsed.error),
      "Some answers need checking before you send the form.",
    );
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const a = await appointmentForIntakeToken(tx, token, { lock: true });
    if (!a) throw new NotFound(INTAKE_NOT_FOUND);
    assertIntakeOpen(a, now);
    const target = {
      appointmentId: a.id,
      patientId: a.patientId,
      dateOfBirth: a.patient.dateOfBirth,
      timezone: a.location.timezone,
    };
    const [before] = await tx
      .select({ needsCall: appointments.needsCall })
      .from(appointments)
      .where(eq(appointments.id, a.id));
    const saved = await recordSubmission(tx, { kind: "patient", appointmentId: a.id }, target, parsed.data, now);
    // A flag newly raised reaches a person today, whatever the appointment's date: one email each, not one per version.
    if (saved.needsCall && !before?.needsCall) await enqueueStaffAlerts(tx, a.id);
    return {
      status: "completed" as const,
      version: saved.version,
      submittedAt: saved.submittedAt.toISOString(),
      ...toIntakeOutcome(saved.summary),
    };
  });
}
