import "server-only";
import type { Tx } from "@/db/client";
import { EMAIL_QUEUE, type EmailJob, REMINDER_LEAD_HOURS, type SealedLinks } from "./jobs";
import { type EnqueueOptions, queueOrNothing, readLinks } from "./enqueue";
import { inTransaction, type NotificationQueue } from "./queue";
import { seal } from "./secrets";

const HOUR = 3600_000;

/** What the queue holds for one booking: the secret links sealed in its queued emails, and their kinds. */
export interface QueuedForBooking {
  queue: NotificationQueue;
  links: SealedLinks;
  kinds: Set<string>;
}

/**
 * The booking's links as its queued emails carry them (nowhere else keeps them: only their hashes are stored).
 * Null when this process has no queue open, so nothing can be sent.
 */
export async function queuedForBooking(
  tx: Tx,
  appointmentId: string,
  opts: EnqueueOptions = {},
): Promise<QueuedForBooking | null> {
  const queue = queueOrNothing(opts);
  if (!queue) return null;
  const pending = await queue.boss.findJobs<EmailJob>(EMAIL_QUEUE, {
    key: appointmentId,
    queued: true,
    db: inTransaction(tx),
  });
  let links: SealedLinks = {};
  for (const job of pending) {
    if ("sealed" in job.data && job.data.sealed) links = { ...links, ...readLinks(job.data.sealed) };
  }
  return { queue, links, kinds: new Set(pending.map((j) => j.data.kind)) };
}

/**
 * Queues a resent confirmation (with its reminders, when none are queued: a patient whose email was added after a
 * phone booking had none) or the intake link (as an intake reminder), in the caller's transaction.
 */
export async function enqueueResentEmail(
  tx: Tx,
  queued: QueuedForBooking,
  r: { appointmentId: string; kind: "confirmation" | "intake"; links: SealedLinks; startsAt: Date; now: Date },
): Promise<void> {
  const sealed = seal(r.links);
  const base = { appointmentId: r.appointmentId, sealed };
  const jobs: { data: EmailJob; startAfter?: Date; singletonKey: string }[] = [];
  if (r.kind === "intake") {
    jobs.push({
      data: { kind: "intake-reminder", ...base, expectedStart: r.startsAt.toISOString() },
      singletonKey: r.appointmentId,
    });
  } else {
    jobs.push({ data: { kind: "confirmation", ...base }, singletonKey: r.appointmentId });
    for (const kind of ["reminder", "intake-reminder"] as const) {
      const due = new Date(r.startsAt.getTime() - REMINDER_LEAD_HOURS[kind] * HOUR);
      if (due > r.now && !queued.kinds.has(kind))
        jobs.push({
          data: { kind, ...base, expectedStart: r.startsAt.toISOString() },
          startAfter: due,
          singletonKey: r.appointmentId,
        });
    }
  }
  await queued.queue.boss.insert(EMAIL_QUEUE, jobs, { db: inTransaction(tx) });
}
