import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments, patients } from "@/db/schema";
import { env } from "@/lib/env";
import { logInfo } from "@/lib/log";
import {
  EMAIL_QUEUE,
  type EmailJob,
  REMINDER_KINDS,
  REMINDER_LEAD_HOURS,
  type SealedLinks,
  sealedLinksSchema,
  type WaitlistEmailJob,
} from "./jobs";
import { type AppointmentEvent, type BookingEvent, setBookingEventListener } from "@/lib/scheduling/booking-events";
import { activeQueue, inTransaction, type NotificationQueue, setActiveQueue } from "./queue";
import { seal, unseal } from "./secrets";

export interface EnqueueOptions {
  now?: Date;
  /** Defaults to the queue this process opened at start. */
  queue?: NotificationQueue;
}

const HOUR = 3600_000;
let warned = false;

export function queueOrNothing(opts: EnqueueOptions): NotificationQueue | undefined {
  const queue = opts.queue ?? activeQueue();
  if (!queue && !warned) {
    warned = true;
    logInfo("notifications", "No notification queue is open in this process; booking emails are not sent.");
  }
  return queue;
}

/**
 * Makes `queue` the one this process's booking emails go into, and subscribes to scheduling's booking events;
 * `undefined` stops both.
 */
export function sendBookingEmailsThrough(queue: NotificationQueue | undefined): void {
  setActiveQueue(queue);
  setBookingEventListener(
    "notifications",
    queue ? (tx, events) => enqueueBookingNotifications(tx, events, queue) : undefined,
  );
}

/**
 * Queues the emails booking changes cause, inside the caller's transaction: the jobs commit with the
 * bookings or not at all. Scheduling calls it (through its booking events) after the changes and their audit rows.
 * One statement writes the jobs of every change.
 */
async function enqueueBookingNotifications(tx: Tx, events: BookingEvent[], queue: NotificationQueue): Promise<void> {
  const changes = events.filter((event): event is AppointmentEvent => event.kind !== "time-freed");
  const jobs = (await Promise.all(changes.map((event) => jobsFor(tx, event, queue)))).flat();
  if (jobs.length > 0) await queue.boss.insert(EMAIL_QUEUE, jobs, { db: inTransaction(tx) });
}

/** The email jobs one change causes; withdraws the reminders of the time it replaces. */
async function jobsFor(tx: Tx, event: AppointmentEvent, queue: NotificationQueue) {
  const { boss } = queue;
  const db = inTransaction(tx);
  const appt =
    event.startsAt && event.kind !== "cancelled" && event.patientHasEmail !== undefined
      ? { startsAt: event.startsAt, status: "booked" as const, email: event.patientHasEmail ? "known" : null }
      : (
          await tx
            .select({ startsAt: appointments.startsAt, status: appointments.status, email: patients.email })
            .from(appointments)
            .innerJoin(patients, eq(patients.id, appointments.patientId))
            .where(eq(appointments.id, event.appointmentId))
        )[0];
  if (!appt) throw new Error("enqueueBookingNotifications: no such appointment");
  // A patient booked by phone without an email gets none (the booking dialog says so); a booking event for them
  // queues nothing (a move or cancellation still withdraws reminders queued while they had an address).
  const emailable = appt.email !== null;

  let links: SealedLinks = {};
  if (event.kind !== "booked") {
    // Reminders for the old time are withdrawn; the links they carry are kept for the emails that follow,
    // because a move or cancellation by staff has no token to hand.
    const pending = await boss.findJobs<EmailJob>(EMAIL_QUEUE, { key: event.appointmentId, queued: true, db });
    for (const job of pending) {
      if ("sealed" in job.data && job.data.sealed) links = { ...links, ...readLinks(job.data.sealed) };
    }
    const stale = pending.filter((j) => REMINDER_KINDS.has(j.data.kind)).map((j) => j.id);
    if (stale.length) await boss.cancel(EMAIL_QUEUE, stale, { db });
  }
  if (event.manageUrl) links.manageUrl = event.manageUrl;
  if (event.intakeUrl) links.intakeUrl = event.intakeUrl;
  const sealed = links.manageUrl || links.intakeUrl ? seal(links) : undefined;

  if (!emailable) return [];
  const first = { booked: "confirmation", moved: "changed", cancelled: "cancelled" } as const;
  const jobs: { data: EmailJob; startAfter?: Date }[] = [
    {
      data: {
        kind: first[event.kind],
        appointmentId: event.appointmentId,
        sealed: event.kind === "cancelled" ? undefined : sealed,
      },
    },
  ];
  if (event.kind !== "cancelled" && appt.status === "booked") {
    for (const kind of ["reminder", "intake-reminder"] as const) {
      const due = new Date(appt.startsAt.getTime() - REMINDER_LEAD_HOURS[kind] * HOUR);
      // a booking made inside the lead time gets no reminder: the confirmation has just said it all
      if (due > event.now)
        jobs.push({
          data: { kind, appointmentId: event.appointmentId, expectedStart: appt.startsAt.toISOString(), sealed },
          startAfter: due,
        });
    }
  }
  return jobs.map((j) => ({ ...j, singletonKey: event.appointmentId }));
}

export function readLinks(sealed: string): SealedLinks {
  try {
    return sealedLinksSchema.parse(unseal(sealed));
  } catch {
    return {};
  }
}

/**
 * "An intake needs your attention": to the treating practitioner and, when the clinic has one, the reception address,
 * queued in the transaction that stored the flagged answers. No name, answers or flags: only a link to sign in to.
 */
export async function enqueueStaffAlerts(tx: Db | Tx, appointmentId: string, opts: EnqueueOptions = {}): Promise<void> {
  const queue = queueOrNothing(opts);
  if (!queue) return;
  const audiences = env.CLINIC_RECEPTION_EMAIL ? (["practitioner", "reception"] as const) : (["practitioner"] as const);
  const jobs = audiences.map((audience) => ({
    data: { kind: "staff-alert", appointmentId, audience } satisfies EmailJob,
  }));
  await queue.boss.insert(EMAIL_QUEUE, jobs, { db: inTransaction(tx) });
}

/**
 * "Please call us": for a patient whose answers stopped an online booking midway. The email says only
 * that the clinic would like to talk before booking, never why.
 */
export async function enqueueCallUsEmail(
  db: Db | Tx,
  contact: { email: string; firstName: string; location?: string },
  opts: EnqueueOptions = {},
): Promise<void> {
  const queue = queueOrNothing(opts);
  if (!queue) return;
  const sealed = seal({ email: contact.email.trim().toLowerCase(), firstName: contact.firstName.trim() });
  await queue.boss.send(EMAIL_QUEUE, { kind: "call-us", locationSlug: contact.location, sealed } satisfies EmailJob, {
    db: inTransaction(db),
  });
}

/** A staff password-reset link, sealed in the job; sent by the same workers as the patient emails. */
export async function enqueueStaffPasswordResetEmail(
  db: Db | Tx,
  to: { email: string; name: string; resetUrl: string },
  opts: EnqueueOptions = {},
): Promise<void> {
  const queue = queueOrNothing(opts);
  if (!queue) return;
  await queue.boss.send(EMAIL_QUEUE, { kind: "staff-password-reset", sealed: seal(to) } satisfies EmailJob, {
    db: inTransaction(db),
  });
}

/** An invitation to set a first password, sealed in the job; queued in the transaction that creates the account. */
export async function enqueueStaffInvitationEmail(
  db: Db | Tx,
  to: { email: string; name: string; inviteUrl: string },
  opts: EnqueueOptions = {},
): Promise<void> {
  const queue = queueOrNothing(opts);
  if (!queue) return;
  await queue.boss.send(EMAIL_QUEUE, { kind: "staff-invitation", sealed: seal(to) } satisfies EmailJob, {
    db: inTransaction(db),
  });
}

/**
 * Wait-list emails (joined, an offer), queued inside the wait list's own transaction: an offer and its email commit
 * together or not at all, and a job per offer means one email per offer.
 */
export async function enqueueWaitlistEmails(
  tx: Db | Tx,
  jobs: WaitlistEmailJob[],
  opts: EnqueueOptions = {},
): Promise<void> {
  const queue = queueOrNothing(opts);
  if (!queue || jobs.length === 0) return;
  await queue.boss.insert(
    EMAIL_QUEUE,
    jobs.map((data) => ({ data: data satisfies EmailJob })),
    { db: inTransaction(tx) },
  );
}
