import "server-only";
import { sendBookingEmailsThrough } from "@/lib/notifications/enqueue";
import type { Mailer } from "@/lib/notifications/mailer";
import { openNotificationQueue, type OpenQueueOptions, type QueueTarget } from "@/lib/notifications/queue";
import { startEmailWorker } from "@/lib/notifications/worker";
import { offerFreedTimeThrough, startWaitlistWorker } from "@/lib/waitlist/worker";

// What `npm run worker` (lib/notifications/worker-main.ts) runs, composed here because it spans two domains: the
// patient-email queue and the wait list's queue (offers, their expiry, housekeeping). An app process runs the same
// two through instrumentation.ts; a deployment with separate workers needs neither in the app.

export interface WorkerProcessOptions extends OpenQueueOptions {
  name?: string;
  /** Defaults to SMTP_URL, or the development outbox. */
  mailer?: Mailer;
  pollingIntervalSeconds?: number;
}

export interface WorkerProcess {
  name: string;
  stop(): Promise<void>;
}

export async function startWorkerProcess(target: QueueTarget, opts: WorkerProcessOptions = {}): Promise<WorkerProcess> {
  const { name = `worker-${process.pid}`, mailer, pollingIntervalSeconds, ...queueOptions } = opts;
  const queue = await openNotificationQueue(target, { supervise: true, ...queueOptions });
  // the jobs these workers cause (an offer's email, an offer's expiry) go into the same queue
  sendBookingEmailsThrough(queue);
  await offerFreedTimeThrough(queue);
  const email = await startEmailWorker(queue, { name, mailer, pollingIntervalSeconds });
  const waitlist = await startWaitlistWorker(queue, { name: `${name}-waitlist`, pollingIntervalSeconds });
  return {
    name,
    async stop() {
      // finish the jobs in hand, then let go of the queue
      await waitlist.stop();
      await email.stop();
      await queue.close();
    },
  };
}
