import "server-only";
import type { Db } from "@/db/client";
import { EMAIL_DEAD_LETTER_QUEUE, EMAIL_QUEUE, emailJobSchema } from "./jobs";
import { activeQueue, inTransaction, type NotificationQueue } from "./queue";

export interface DeadLetter {
  id: string;
  kind: string;
  appointmentId: string | null;
  /** When the last attempt failed and the email was given up on. */
  failedAt: Date;
  attempts: number;
  /** The last error, as the mail server or network put it; never the message content. */
  error: string;
}

function queueFor(opts: { queue?: NotificationQueue }): NotificationQueue {
  const queue = opts.queue ?? activeQueue();
  if (!queue) throw new Error("The notification queue is not open in this process.");
  return queue;
}

/** Emails that failed every retry, newest first, for the admins' notifications page. */
export async function listDeadLetters(
  db: Db,
  opts: { queue?: NotificationQueue; limit?: number } = {},
): Promise<DeadLetter[]> {
  const { boss } = queueFor(opts);
  const jobs = await boss.findJobs<unknown>(EMAIL_DEAD_LETTER_QUEUE, {
    queued: true,
    db: inTransaction(db),
    limit: opts.limit ?? 200,
  });
  return jobs
    .map((job) => {
      const data = emailJobSchema.safeParse(job.data);
      const output = (job.sourceOutput ?? job.output ?? {}) as { message?: string };
      return {
        id: job.id,
        kind: data.success ? data.data.kind : "unknown",
        appointmentId: data.success && "appointmentId" in data.data ? data.data.appointmentId : null,
        failedAt: new Date(job.createdOn),
        attempts: (job.sourceRetryCount ?? 0) + 1,
        error: typeof output.message === "string" ? output.message : "Unknown error",
      };
    })
    .sort((a, b) => b.failedAt.getTime() - a.failedAt.getTime());
}

/** Puts a dead-lettered email back on the queue, e.g. after the mail settings were fixed. */
export async function retryDeadLetter(db: Db, id: string, opts: { queue?: NotificationQueue } = {}): Promise<boolean> {
  const { boss } = queueFor(opts);
  const moved = await boss.redrive(EMAIL_DEAD_LETTER_QUEUE, {
    ids: [id],
    destination: EMAIL_QUEUE,
    db: inTransaction(db),
  });
  return moved > 0;
}
