import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { intakeResponses, staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth";
import { Conflict } from "@/lib/errors";
import { appointmentForIntakeAccess } from "./intake-permission";

export interface IntakeReviewed {
  appointmentId: string;
  version: number;
  reviewedAt: string;
  reviewedBy: string;
  /** False when this version had been marked reviewed already; the first review stands. */
  changed: boolean;
}

/** Marks the latest sent version as read before the visit, by the appointment's practitioner or an admin. */
export async function markIntakeReviewed(
  db: Db,
  actor: StaffActor,
  appointmentId: string,
  opts: { now?: Date } = {},
): Promise<IntakeReviewed> {
  const appointment = await appointmentForIntakeAccess(db, actor, appointmentId, "intake.review");
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select({
        id: intakeResponses.id,
        version: intakeResponses.version,
        reviewedAt: intakeResponses.reviewedAt,
        reviewedBy: intakeResponses.reviewedByUserId,
      })
      .from(intakeResponses)
      .where(and(eq(intakeResponses.appointmentId, appointment.id), eq(intakeResponses.status, "completed")))
      .orderBy(desc(intakeResponses.version))
      .limit(1)
      .for("update");
    if (!latest) throw new Conflict("The patient has not sent their intake yet, so there is nothing to mark reviewed.");
    if (latest.reviewedAt) {
      const [first] = latest.reviewedBy
        ? await tx.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, latest.reviewedBy))
        : [];
      return {
        appointmentId: appointment.id,
        version: latest.version,
        reviewedAt: latest.reviewedAt.toISOString(),
        reviewedBy: first?.name ?? "",
        changed: false,
      };
    }
    await tx
      .update(intakeResponses)
      .set({ reviewedAt: now, reviewedByUserId: actor.userId })
      .where(eq(intakeResponses.id, latest.id));
    await recordAudit(tx, actor, {
      action: "intake.review",
      entityType: "intake_response",
      entityId: latest.id,
      patientId: appointment.patientId,
      detail: { appointmentId: appointment.id, version: latest.version },
    });
    return {
      appointmentId: appointment.id,
      version: latest.version,
      reviewedAt: now.toISOString(),
      reviewedBy: actor.name,
      changed: true,
    };
  });
}
