import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, intakeResponses, patients } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { Conflict, NotFound } from "@/lib/errors";
import type { EnqueueOptions } from "@/lib/notifications/enqueue";
import { enqueueResentEmail, queuedForBooking } from "@/lib/notifications/resend";
import { type BookingLink, rotateBookingLinks } from "@/lib/scheduling/rotate-booking-links";
import { type ResendInput, resendSchema, uuidSchema } from "./reception-schemas";
import { FRONT_DESK, requireRole } from "./staff-access";

export interface ResendResult {
  kind: ResendInput["kind"];
  /** Links that had to be issued anew (the old ones had already been sent and are kept nowhere): they stop working. */
  rotated: BookingLink[];
}

/**
 * Reception resends an upcoming appointment's confirmation, or its intake link, through the email queue. The links
 * come from the booking's queued emails, where they are kept sealed; when none holds one (the reminders have gone, or
 * the patient had no email when booked), a new link is issued in the same transaction and the old one stops working.
 * Audited, without the links.
 */
export async function resendAppointmentEmail(
  db: Db,
  actor: Actor,
  id: string,
  rawInput: unknown,
  opts: EnqueueOptions & { now?: Date } = {},
): Promise<ResendResult> {
  const staff = await requireRole(db, actor, FRONT_DESK, "appointments.resend");
  const { kind } = resendSchema.parse(rawInput);
  if (!uuidSchema.safeParse(id).success) throw new NotFound("We could not find that appointment.");
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    // the row lock makes two resends at once queue one after the other (never two rotations crossing)
    const [a] = await tx
      .select({
        startsAt: appointments.startsAt,
        status: appointments.status,
        patientId: patients.id,
        email: patients.email,
      })
      .from(appointments)
      .innerJoin(patients, eq(patients.id, appointments.patientId))
      .where(eq(appointments.id, id))
      .for("update", { of: appointments });
    if (!a) throw new NotFound("We could not find that appointment.");
    if (a.status !== "booked" || a.startsAt <= now)
      throw new Conflict("Emails can only be resent for an upcoming appointment that is still booked.");
    if (!a.email) throw new Conflict("This patient has no email address. Add one to their details first.");
    const [done] = await tx
      .select({ id: intakeResponses.id })
      .from(intakeResponses)
      .where(and(eq(intakeResponses.appointmentId, id), eq(intakeResponses.status, "completed")))
      .limit(1);
    if (kind === "intake" && done) throw new Conflict("The patient has already completed the intake form.");
    const queued = await queuedForBooking(tx, id, opts);
    if (!queued) throw new Conflict("Emails cannot be sent from this server right now. Please try again later.");

    const needed: BookingLink[] = kind === "intake" ? ["intake"] : done ? ["manage"] : ["manage", "intake"];
    const rotated = needed.filter((l) => !(l === "manage" ? queued.links.manageUrl : queued.links.intakeUrl));
    const links = { ...queued.links, ...(await rotateBookingLinks(tx, id, rotated)) };
    await enqueueResentEmail(tx, queued, { appointmentId: id, kind, links, startsAt: a.startsAt, now });
    await recordAudit(tx, staff, {
      action: "appointments.resend",
      entityType: "appointment",
      entityId: id,
      patientId: a.patientId,
      detail: { kind, rotated },
    });
    return { kind, rotated };
  });
}
