import "server-only";
import { and, desc, eq, isNotNull, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db, Tx } from "@/db/client";
import { intakeResponses, staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth";
import type { Answers } from "@/lib/intake/questionnaire";
import { summarizeIntake, type IntakeSummary } from "@/lib/intake/summary";
import { listAnswers, type AnswerLine } from "./intake-answer-list";
import { appointmentForIntakeAccess, type IntakeAppointmentRow } from "./intake-permission";

export interface IntakeVersionDto {
  version: number;
  status: "in-progress" | "completed";
  submittedAt: string | null;
  reviewedAt: string | null;
}

export interface StaffIntakeDto {
  appointment: {
    id: string;
    start: string;
    end: string;
    status: string;
    service: string;
    location: string;
    online: boolean;
    timezone: string;
    practitioner: string;
    needsCall: boolean;
    patient: { id: string; name: string; dateOfBirth: string | null; age: number | null };
  };
  /** The latest completed version; null until the patient has sent the form. */
  intake: {
    id: string;
    version: number;
    submittedAt: string;
    route: string | null;
    needsCall: boolean;
    reviewedAt: string | null;
    reviewedBy: string | null;
    summary: IntakeSummary;
    answers: Answers;
    answerList: AnswerLine[];
  } | null;
  /** True while the patient has a newer draft open than the version shown. */
  draftInProgress: boolean;
  versions: IntakeVersionDto[];
}

/** Null when unknown: no date of birth (a phone booking) or none that makes sense. */
function ageAt(dateOfBirth: string | null, at: Date, zone: string): number | null {
  if (!dateOfBirth) return null;
  const years = Math.floor(
    DateTime.fromJSDate(at, { zone }).diff(DateTime.fromISO(dateOfBirth, { zone }), "years").years,
  );
  return Number.isFinite(years) && years >= 0 ? years : null;
}

/** The patient's previous sent answers before this one, for a summary stored without its comparison. */
async function previousAnswers(tx: Tx, patientId: string, before: Date) {
  const [row] = await tx
    .select({ answers: intakeResponses.answers, submittedAt: intakeResponses.submittedAt })
    .from(intakeResponses)
    .where(
      and(
        eq(intakeResponses.patientId, patientId),
        eq(intakeResponses.status, "completed"),
        isNotNull(intakeResponses.submittedAt),
        lt(intakeResponses.submittedAt, before),
      ),
    )
    .orderBy(desc(intakeResponses.submittedAt))
    .limit(1);
  return row?.submittedAt ? { answers: row.answers as Answers, submittedAt: row.submittedAt.toISOString() } : undefined;
}

function appointmentDto(a: IntakeAppointmentRow): StaffIntakeDto["appointment"] {
  return {
    id: a.id,
    start: a.startsAt.toISOString(),
    end: a.endsAt.toISOString(),
    status: a.status,
    service: a.service,
    location: a.location.name,
    online: a.location.online,
    timezone: a.location.timezone,
    practitioner: a.practitioner,
    needsCall: a.needsCall,
    patient: {
      id: a.patientId,
      name: `${a.patient.firstName} ${a.patient.lastName}`,
      dateOfBirth: a.patient.dateOfBirth,
      age: ageAt(a.patient.dateOfBirth, a.startsAt, a.location.timezone),
    },
  };
}

/**
 * The intake summary and answers of one appointment, for its practitioner or an admin. Every read
 * writes an "intake.read" audit row in the same transaction; anyone else is refused, and that is audited too.
 */
export async function getIntakeForStaff(db: Db, actor: StaffActor, appointmentId: string): Promise<StaffIntakeDto> {
  const appointment = await appointmentForIntakeAccess(db, actor, appointmentId, "intake.read");
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ r: intakeResponses, reviewer: staffUsers.name })
      .from(intakeResponses)
      .leftJoin(staffUsers, eq(staffUsers.id, intakeResponses.reviewedByUserId))
      .where(eq(intakeResponses.appointmentId, appointment.id))
      .orderBy(desc(intakeResponses.version));
    const latest = rows.find((x) => x.r.status === "completed" && x.r.submittedAt);
    let intake: StaffIntakeDto["intake"] = null;
    if (latest) {
      const r = latest.r;
      const answers = r.answers as Answers;
      // Summaries are stored at submission; one missing (older data) is worked out again the same way.
      const summary =
        (r.summary as IntakeSummary | null) ??
        summarizeIntake(answers, {
          age: ageAt(appointment.patient.dateOfBirth, r.submittedAt!, appointment.location.timezone) ?? undefined,
          previous: await previousAnswers(tx, appointment.patientId, r.submittedAt!),
        });
      intake = {
        id: r.id,
        version: r.version,
        submittedAt: r.submittedAt!.toISOString(),
        route: r.route,
        needsCall: r.needsCall,
        reviewedAt: r.reviewedAt?.toISOString() ?? null,
        reviewedBy: latest.reviewer ?? null,
        summary,
        answers,
        answerList: listAnswers(answers),
      };
    }
    await recordAudit(tx, actor, {
      action: "intake.read",
      entityType: "appointment",
      entityId: appointment.id,
      patientId: appointment.patientId,
      detail: { version: intake?.version ?? null },
    });
    return {
      appointment: appointmentDto(appointment),
      intake,
      draftInProgress: rows[0]?.r.status === "in-progress",
      versions: rows.map(({ r }) => ({
        version: r.version,
        status: r.status,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        reviewedAt: r.reviewedAt?.toISOString() ?? null,
      })),
    };
  });
}
