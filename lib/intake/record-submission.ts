import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db, Tx } from "@/db/client";
import { appointments, intakeResponses } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { questionnaireUrl, toQuestionnaireResponse } from "./fhir";
import { QUESTIONNAIRE_VERSION, type Answers } from "./questionnaire";
import { needsCall, summarizeIntake, type IntakeSummary } from "./summary";

export interface SubmissionTarget {
  appointmentId: string;
  patientId: string;
  /** YYYY-MM-DD, as the database returns a `date`; null when reception booked without it (age unknown). */
  dateOfBirth: string | null;
  timezone: string;
}

export interface RecordedSubmission {
  id: string;
  version: number;
  submittedAt: Date;
  summary: IntakeSummary;
  needsCall: boolean;
}

/** Whole years on `now`'s date in the clinic's zone; undefined when the date of birth is unknown. */
export function ageOn(dateOfBirth: string | null, now: Date, timezone: string): number | undefined {
  if (!dateOfBirth) return undefined;
  const born = DateTime.fromISO(dateOfBirth, { zone: timezone });
  if (!born.isValid) return undefined;
  const years = Math.floor(DateTime.fromJSDate(now, { zone: timezone }).startOf("day").diff(born, "years").years);
  return years >= 0 ? years : undefined;
}

/** The patient's last sent answers on any appointment, for "change since last time". */
async function previousSubmission(tx: Tx | Db, patientId: string) {
  const [row] = await tx
    .select({ answers: intakeResponses.answers, submittedAt: intakeResponses.submittedAt })
    .from(intakeResponses)
    .where(
      and(
        eq(intakeResponses.patientId, patientId),
        eq(intakeResponses.status, "completed"),
        isNotNull(intakeResponses.submittedAt),
      ),
    )
    .orderBy(desc(intakeResponses.submittedAt))
    .limit(1);
  return row?.submittedAt ? { answers: row.answers as Answers, submittedAt: row.submittedAt.toISOString() } : undefined;
}

/**
 * Stores validated, pruned answers as a completed version: the open draft becomes it, or a new
 * version follows the last sent one (a sent version is never changed). Raises "needs a call"
 * on the appointment and writes the audit row. Call inside a transaction holding the appointment.
 */
export async function recordSubmission(
  tx: Tx | Db,
  actor: Actor,
  target: SubmissionTarget,
  answers: Answers,
  now: Date,
): Promise<RecordedSubmission> {
  const previous = await previousSubmission(tx, target.patientId);
  const summary = summarizeIntake(answers, { age: ageOn(target.dateOfBirth, now, target.timezone), previous });
  const call = needsCall(summary);

  const [latest] = await tx
    .select({ id: intakeResponses.id, version: intakeResponses.version, status: intakeResponses.status })
    .from(intakeResponses)
    .where(eq(intakeResponses.appointmentId, target.appointmentId))
    .orderBy(desc(intakeResponses.version))
    .limit(1);
  const draft = latest?.status === "in-progress" ? latest : null;
  const id = draft?.id ?? randomUUID();
  const version = draft?.version ?? (latest?.version ?? 0) + 1;
  const response = toQuestionnaireResponse(answers, {
    id,
    questionnaireUrl: questionnaireUrl(new URL("/fhir", env.PUBLIC_BASE_URL).toString()),
    version: QUESTIONNAIRE_VERSION,
    status: "completed",
    authored: now.toISOString(),
  });
  const values = {
    status: "completed" as const,
    questionnaireVersion: QUESTIONNAIRE_VERSION,
    answers,
    response,
    summary,
    route: summary.triage.route,
    needsCall: call,
    updatedAt: now,
    submittedAt: now,
  };
  if (draft) await tx.update(intakeResponses).set(values).where(eq(intakeResponses.id, draft.id));
  else
    await tx.insert(intakeResponses).values({
      id,
      appointmentId: target.appointmentId,
      patientId: target.patientId,
      version,
      startedAt: now,
      ...values,
    });

  // Only ever raised here: reception clears it once they have called.
  if (call)
    await tx
      .update(appointments)
      .set({ needsCall: true, updatedAt: now })
      .where(eq(appointments.id, target.appointmentId));
  // No answers, route or flags in the audit row: it is read more widely than the intake.
  await recordAudit(tx, actor, {
    action: "intake.submit",
    entityType: "intake_response",
    entityId: id,
    patientId: target.patientId,
    detail: { appointmentId: target.appointmentId, version, questionnaireVersion: QUESTIONNAIRE_VERSION },
  });
  return { id, version, submittedAt: now, summary, needsCall: call };
}
