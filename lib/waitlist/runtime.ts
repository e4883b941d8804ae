import "server-only";
import type { DbHandle } from "@/db/client";
import { activeQueue } from "@/lib/notifications/queue";
import { runsWorkerInApp } from "@/lib/notifications/runtime";
import { offerFreedTimeThrough, startWaitlistWorker } from "./worker";

type Global = typeof globalThis & { __clinicWaitlistStarting?: Promise<void> };

/**
 * Called once at server start, after the notification queue is open: subscribes the wait list to booking events (its
 * jobs queue in each change's transaction). The queue is worked where the emails are sent: in this process when it
 * sends them (the embedded database, `NOTIFICATIONS_WORKER=in-app`), else by `npm run worker` (lib/worker-process.ts).
 */
export function startWaitlist(handle: DbHandle): Promise<void> {
  const g = globalThis as Global;
  g.__clinicWaitlistStarting ??= (async () => {
    const queue = activeQueue();
    if (!queue) return;
    await offerFreedTimeThrough(queue);
    if (runsWorkerInApp(handle.kind)) await startWaitlistWorker(queue, { name: `waitlist-${process.pid}` });
  })().catch((error: unknown) => {
    g.__clinicWaitlistStarting = undefined;
    throw error;
  });
  return g.__clinicWaitlistStarting;
}
