import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { intakeResponses } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { appointmentForIntakeToken, assertIntakeOpen, latestIntakeResponse } from "./intake-access";
import { QUESTIONNAIRE_VERSION } from "./questionnaire";
import { answersSchema, zodErrorToFieldErrors } from "./schemas";

export const INTAKE_NOT_FOUND = "We could not find that form. Check the link in your confirmation email.";

export interface DraftSaved {
  version: number;
  savedAt: string;
}

/**
 * Saves the answers so far. Partial answers are fine; answers to questions now hidden are kept,
 * so switching an answer back brings them back. After a sent version, the draft is a new version.
 */
export async function saveIntakeDraft(
  db: Db,
  token: string,
  rawAnswers: unknown,
  opts: { now?: Date } = {},
): Promise<DraftSaved> {
  const parsed = answersSchema.safeParse(rawAnswers);
  if (!parsed.success) throw new ValidationFailed(zodErrorToFieldErrors(parsed.error), "Some answers need checking.");
  const answers = parsed.data;
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    // The lock serialises saves for one appointment, so two tabs cannot both open version N+1.
    const a = await appointmentForIntakeToken(tx, token, { lock: true });
    if (!a) throw new NotFound(INTAKE_NOT_FOUND);
    assertIntakeOpen(a, now);
    const latest = await latestIntakeResponse(tx, a.id);
    if (latest?.status === "in-progress") {
      await tx
        .update(intakeResponses)
        .set({ answers, questionnaireVersion: QUESTIONNAIRE_VERSION, updatedAt: now })
        .where(eq(intakeResponses.id, latest.id));
      return { version: latest.version, savedAt: now.toISOString() };
    }
    const version = (latest?.version ?? 0) + 1;
    const [row] = await tx
      .insert(intakeResponses)
      .values({
        appointmentId: a.id,
        patientId: a.patientId,
        version,
        status: "in-progress",
        questionnaireVersion: QUESTIONNAIRE_VERSION,
        answers,
        startedAt: now,
        updatedAt: now,
      })
      .returning({ id: intakeResponses.id });
    // Once per version, not per autosave: enough to see when a patient started or reopened the form.
    await recordAudit(
      tx,
      { kind: "patient", appointmentId: a.id },
      {
        action: "intake.start",
        entityType: "intake_response",
        entityId: row!.id,
        patientId: a.patientId,
        detail: { appointmentId: a.id, version },
      },
    );
    return { version, savedAt: now.toISOString() };
  });
}
