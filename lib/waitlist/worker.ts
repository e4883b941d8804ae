import "server-only";
import type { JobResult } from "pg-boss";
import { logError, logInfo } from "@/lib/log";
import type { NotificationQueue } from "@/lib/notifications/queue";
import { setBookingEventListener } from "@/lib/scheduling/booking-events";
import { leaveAfterBooking } from "./booked-elsewhere";
import { expireOffers } from "./expire-offers";
import { WAITLIST_QUEUE, waitlistJobSchema, type WaitlistJob } from "./jobs";
import { enqueueWaitlistWork } from "./listener";
import { freedFromJob, offerFreedTime, type OfferSettings } from "./make-offers";
import { createWaitlistQueue, setWaitlistQueue } from "./queue";

export interface WaitlistWorkerOptions {
  pollingIntervalSeconds?: number;
  name?: string;
  settings?: OfferSettings;
  onDone?: (job: WaitlistJob, outcome: unknown) => void;
}

export interface WaitlistWorker {
  stop(): Promise<void>;
}

/**
 * Subscribes the wait list to scheduling's booking events (its jobs queue in the transaction of each change) and
 * makes `queue` the one they go into; `undefined` stops both.
 */
export async function offerFreedTimeThrough(queue: NotificationQueue | undefined): Promise<void> {
  if (queue) await createWaitlistQueue(queue);
  setWaitlistQueue(queue);
  setBookingEventListener("waitlist", queue ? enqueueWaitlistWork : undefined);
}

/** Runs one job; a throw is retried by pg-boss with backoff. */
export async function runWaitlistJob(queue: NotificationQueue, data: unknown, settings?: OfferSettings) {
  const job = waitlistJobSchema.parse(data);
  const db = queue.db;
  switch (job.kind) {
    case "freed":
      return { offers: await offerFreedTime(db, freedFromJob(job), new Date(), settings) };
    case "expire":
      return { offers: await expireOffers(db, job.locationId, new Date(), settings) };
    case "booked":
      return { left: await leaveAfterBooking(db, job.appointmentId) };
  }
}

/**
 * Works the wait list's queue: pg-boss hands each job to one worker (SKIP LOCKED), across processes. Every app
 * process runs one, and so does `npm run worker` (lib/worker-process.ts).
 */
export async function startWaitlistWorker(
  queue: NotificationQueue,
  opts: WaitlistWorkerOptions = {},
): Promise<WaitlistWorker> {
  const name = opts.name ?? `waitlist-${process.pid}`;
  const workId = await queue.boss.work<unknown>(
    WAITLIST_QUEUE,
    {
      batchSize: 1,
      localConcurrency: 1,
      pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2,
      perJobResults: true,
    },
    async (jobs) => {
      const results: JobResult[] = [];
      for (const job of jobs) {
        try {
          const outcome = await runWaitlistJob(queue, job.data, opts.settings);
          logInfo("waitlist", "job done", { job: job.id, kind: (job.data as WaitlistJob).kind, worker: name });
          opts.onDone?.(job.data as WaitlistJob, outcome);
          results.push({ id: job.id, status: "completed", output: outcome });
        } catch (error) {
          logError("waitlist.job", error);
          results.push({
            id: job.id,
            status: "failed",
            output: { message: String((error as Error)?.message ?? error).slice(0, 300) },
          });
        }
      }
      return results;
    },
  );
  return {
    async stop() {
      await queue.boss.offWork(WAITLIST_QUEUE, { id: workId, wait: true });
    },
  };
}
