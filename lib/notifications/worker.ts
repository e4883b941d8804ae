import "server-only";
import type { JobResult } from "pg-boss";
import { logError, logInfo } from "@/lib/log";
import { EMAIL_QUEUE } from "./jobs";
import { defaultMailer, type Mailer } from "./mailer";
import type { NotificationQueue } from "./queue";
import { type JobOutcome, PermanentFailure, sendEmailJob } from "./send-email-job";

export interface WorkerOptions {
  mailer?: Mailer;
  /** How often an idle worker looks for due jobs (pg-boss allows 0.5 s at least). */
  pollingIntervalSeconds?: number;
  /** Emails sent at once by this worker. */
  concurrency?: number;
  /** Called after each job, for logs and tests. */
  onOutcome?: (outcome: JobOutcome & { jobId: string; worker: string }) => void;
  name?: string;
}

export interface EmailWorker {
  name: string;
  stop(): Promise<void>;
}

/**
 * Works the email queue. pg-boss hands each job to exactly one worker (SKIP LOCKED), across any number
 * of processes; a job that throws is retried with backoff, and after its last retry it moves to the
 * dead-letter queue that admins see.
 */
export async function startEmailWorker(queue: NotificationQueue, opts: WorkerOptions = {}): Promise<EmailWorker> {
  const mailer = opts.mailer ?? defaultMailer();
  const name = opts.name ?? `email-worker-${process.pid}`;
  const workId = await queue.boss.work<unknown>(
    EMAIL_QUEUE,
    // One job per fetch, so each email is marked sent as soon as it is (a crash re-sends at most the ones in hand).
    // pg-boss waits a whole polling interval after every fetch, which made a worker send one email per interval per
    // slot (1 a second) however long the backlog; with a backlog it now fetches again at once until it is empty.
    {
      batchSize: 1,
      localConcurrency: opts.concurrency ?? 2,
      pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2,
      burstWhenReadyExceeds: 1,
      perJobResults: true,
    },
    async (jobs) => {
      const results: JobResult[] = [];
      for (const job of jobs) {
        try {
          const outcome = await sendEmailJob(queue.db, job, mailer);
          // logs carry the kind and ids only: no address, no content
          logInfo("notifications", outcome.sent ? "email sent" : "email skipped", {
            job: job.id,
            kind: outcome.kind,
            ...(outcome.sent ? {} : { reason: outcome.reason }),
            worker: name,
          });
          opts.onOutcome?.({ ...outcome, jobId: job.id, worker: name });
          results.push({ id: job.id, status: "completed", output: outcome });
        } catch (error) {
          logError("notifications.send", error);
          const message = String((error as Error)?.message ?? error).slice(0, 300);
          results.push({
            id: job.id,
            status: error instanceof PermanentFailure ? "deadletter" : "failed",
            output: { message, retry: job.retryCount },
          });
        }
      }
      return results;
    },
  );
  return {
    name,
    async stop() {
      await queue.boss.offWork(EMAIL_QUEUE, { id: workId, wait: true });
      mailer.close();
    },
  };
}
