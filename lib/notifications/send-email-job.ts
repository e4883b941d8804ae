import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, intakeResponses, locations, staffUsers } from "@/db/schema";
import { env } from "@/lib/env";
import { type BookingDetail, loadBookingDetail } from "@/lib/scheduling/booking-dto";
import { changeableOnline } from "@/lib/scheduling/cancellation-policy";
import { readClinicIdentity, senderOf } from "@/lib/setup/clinic-identity";
import type { ClinicIdentityDto } from "@/lib/setup/setup-types";
import { clinicOf, groupClinic } from "./clinic";
import { buildBookingIcs, calendarSequence } from "./ics";
import {
  type AppointmentEmailJob,
  emailJobSchema,
  type SealedLinks,
  sealedContactSchema,
  sealedLinksSchema,
  type StaffAlertJob,
  sealedResetSchema,
  sealedInvitationSchema,
} from "./jobs";
import type { RenderedEmail } from "./layout";
import { mailDomain, type Mailer, type OutgoingEmail } from "./mailer";
import { unseal } from "./secrets";
import * as t from "./templates";
import { sendWaitlistJoinedEmail, sendWaitlistOfferEmail } from "./waitlist-emails";

/** A job that can never succeed (unreadable payload, an address the server refuses): no point retrying. */
export class PermanentFailure extends Error {
  override name = "PermanentFailure";
}

export type JobOutcome = { sent: true; kind: string } | { sent: false; kind: string; reason: string };

/**
 * Sends the email one job asks for, from the booking as it is now. A job that has gone stale (the
 * appointment was cancelled or moved after it was queued) sends nothing.
 */
export async function sendEmailJob(
  db: Db,
  job: { id: string; data: unknown },
  mailer: Mailer,
  now = new Date(),
): Promise<JobOutcome> {
  const parsed = emailJobSchema.safeParse(job.data);
  if (!parsed.success) throw new PermanentFailure("The job's data is not a known email.");
  const data = parsed.data;
  const messageId = `<${job.id}@${mailDomain()}>`;
  // the group's identity as the admin last saved it, read per email so a change applies from the next one
  const identity = await readClinicIdentity(db);
  const from = senderOf(identity);

  if (data.kind === "call-us") {
    const contact = sealedContactSchema.parse(openSealed(data.sealed));
    const [loc] = data.locationSlug
      ? await db.select().from(locations).where(eq(locations.slug, data.locationSlug))
      : [];
    const clinic = loc ? clinicOf(loc, identity) : groupClinic(identity);
    await deliver(mailer, {
      from,
      to: contact.email,
      messageId,
      kind: data.kind,
      ...t.callUsEmail({ firstName: contact.firstName, clinic }),
    });
    return { sent: true, kind: data.kind };
  }

  if (data.kind === "staff-alert") return sendStaffAlert(db, data, mailer, messageId, identity);
  if (data.kind === "waitlist-joined" || data.kind === "waitlist-offer") {
    const send = (email: OutgoingEmail) => deliver(mailer, email);
    const outcome =
      data.kind === "waitlist-joined"
        ? await sendWaitlistJoinedEmail(db, data.entryId, identity, from, send)
        : await sendWaitlistOfferEmail(db, data.offerId, identity, from, send);
    return outcome.sent ? { sent: true, kind: data.kind } : { sent: false, kind: data.kind, reason: outcome.reason };
  }
  if (data.kind === "staff-password-reset") {
    const reset = sealedResetSchema.parse(openSealed(data.sealed));
    await deliver(mailer, {
      from,
      to: reset.email,
      messageId,
      kind: data.kind,
      ...t.staffPasswordResetEmail({ name: reset.name, resetUrl: reset.resetUrl, clinic: groupClinic(identity) }),
    });
    return { sent: true, kind: data.kind };
  }

  if (data.kind === "staff-invitation") {
    const invite = sealedInvitationSchema.parse(openSealed(data.sealed));
    await deliver(mailer, {
      to: invite.email,
      messageId,
      kind: data.kind,
      ...t.staffInvitationEmail({ name: invite.name, inviteUrl: invite.inviteUrl, clinic: groupClinic() }),
    });
    return { sent: true, kind: data.kind };
  }

  const detail = await loadBookingDetail(db, data.appointmentId);
  if (!detail) return { sent: false, kind: data.kind, reason: "appointment not found" };
  // reception may have removed the address since the job was queued (or booked by phone without one)
  if (!detail.patient.email) return { sent: false, kind: data.kind, reason: "patient has no email" };
  const to = detail.patient.email;
  const stale = await staleReason(db, data, detail, now);
  if (stale) return { sent: false, kind: data.kind, reason: stale };

  const links: SealedLinks = data.sealed ? sealedLinksSchema.parse(openSealed(data.sealed)) : {};
  const intakeOpen =
    data.kind === "confirmation" || data.kind === "reminder" || data.kind === "intake-reminder"
      ? !(await intakeCompleted(db, detail.a.id))
      : false;
  const view: t.AppointmentView = {
    firstName: detail.patient.firstName,
    serviceName: detail.service.name,
    practitionerName: detail.practitioner.name,
    start: detail.a.startsAt,
    timezone: detail.location.timezone,
    clinic: clinicOf(detail.location, identity),
    manageUrl: data.kind === "cancelled" ? undefined : links.manageUrl,
    intakeUrl: intakeOpen ? links.intakeUrl : undefined,
    bookUrl: new URL("/book", identity.publicBaseUrl).toString(),
    policy: {
      windowHours: detail.service.cancellationWindowHours,
      changeable: changeableOnline(detail.a.startsAt, detail.service.cancellationWindowHours, now),
    },
  };
  const rendered: RenderedEmail = {
    confirmation: t.confirmationEmail,
    changed: t.changedEmail,
    cancelled: t.cancelledEmail,
    reminder: t.reminderEmail,
    "intake-reminder": t.intakeReminderEmail,
  }[data.kind](view);
  const withCalendar = data.kind === "confirmation" || data.kind === "changed" || data.kind === "cancelled";
  const attachments = withCalendar
    ? [
        {
          filename: "appointment.ics",
          contentType: `text/calendar; charset=utf-8; method=${data.kind === "cancelled" ? "CANCEL" : "PUBLISH"}`,
          content: buildBookingIcs(detail, {
            sequence: await calendarSequence(db, detail),
            uidDomain: mailDomain(),
            organizerEmail: identity.senderEmail,
            group: identity,
          }),
        },
      ]
    : undefined;
  await deliver(mailer, { from, to, messageId, kind: data.kind, attachments, ...rendered });
  return { sent: true, kind: data.kind };
}

async function sendStaffAlert(
  db: Db,
  data: StaffAlertJob,
  mailer: Mailer,
  messageId: string,
  identity: ClinicIdentityDto,
): Promise<JobOutcome> {
  const [appt] = await db
    .select({ practitionerId: appointments.practitionerId })
    .from(appointments)
    .where(eq(appointments.id, data.appointmentId));
  if (!appt) return { sent: false, kind: data.kind, reason: "appointment not found" };
  let to: string | undefined = env.CLINIC_RECEPTION_EMAIL;
  let path = "/needs-a-call";
  if (data.audience === "practitioner") {
    const [user] = await db
      .select({ email: staffUsers.email })
      .from(staffUsers)
      .where(and(eq(staffUsers.practitionerId, appt.practitionerId), isNull(staffUsers.disabledAt)));
    to = user?.email;
    path = `/appointments/${data.appointmentId}/intake`;
  }
  if (!to) return { sent: false, kind: data.kind, reason: `no ${data.audience} address` };
  const rendered = t.staffAlertEmail({
    audience: data.audience,
    href: new URL(path, identity.publicBaseUrl).toString(),
    clinic: groupClinic(identity),
  });
  await deliver(mailer, { from: senderOf(identity), to, messageId, kind: data.kind, ...rendered });
  return { sent: true, kind: data.kind };
}

async function staleReason(
  db: Db,
  data: AppointmentEmailJob,
  detail: BookingDetail,
  now: Date,
): Promise<string | null> {
  const status = detail.a.status;
  switch (data.kind) {
    case "confirmation":
    case "changed":
      return status === "cancelled" ? "appointment cancelled" : null;
    case "cancelled":
      return status === "cancelled" ? null : "appointment not cancelled";
    case "reminder":
    case "intake-reminder":
      if (status !== "booked") return `appointment ${status}`;
      if (data.expectedStart && Date.parse(data.expectedStart) !== detail.a.startsAt.getTime())
        return "appointment moved";
      if (detail.a.startsAt <= now) return "appointment already started";
      if (data.kind === "intake-reminder" && (await intakeCompleted(db, detail.a.id))) return "intake completed";
      return null;
  }
}

async function intakeCompleted(db: Db, appointmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: intakeResponses.id })
    .from(intakeResponses)
    .where(and(eq(intakeResponses.appointmentId, appointmentId), eq(intakeResponses.status, "completed")))
    .limit(1);
  return rows.length > 0;
}

function openSealed(sealed: string): unknown {
  try {
    return unseal(sealed);
  } catch {
    throw new PermanentFailure("The job's sealed links cannot be opened (was the notifications key changed?).");
  }
}

async function deliver(mailer: Mailer, email: OutgoingEmail): Promise<void> {
  try {
    await mailer.send(email);
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    // 550-554 is the server's final word on this message (no such mailbox, refused); 4xx, network and
    // login errors may pass once the outage or the settings are fixed, so those are retried
    if (code && code >= 550 && code <= 554)
      throw new PermanentFailure(`The mail server refused the message (${code}).`);
    throw error;
  }
}
