import "server-only";
import { activeQueue } from "@/lib/notifications/queue";
import { startWaitlistWorker } from "./worker";
import { offerFreedTimeThrough } from "./worker";

type Global = typeof globalThis & { __clinicWaitlistStarting?: Promise<void> };

/**
 * Called once at server start, after the notification queue is open: subscribes the wait list to booking events
 * and works its queue in this process (offers are light; every app process takes a share, one job each).
 */
export function startWaitlist(): Promise<void> {
  const g = globalThis as Global;
  g.__clinicWaitlistStarting ??= (async () => {
    const queue = activeQueue();
    if (!queue) return;
    await offerFreedTimeThrough(queue);
    await startWaitlistWorker(queue, { name: `waitlist-${process.pid}` });
  })().catch((error: unknown) => {
    g.__clinicWaitlistStarting = undefined;
    throw error;
  });
  return g.__clinicWaitlistStarting;
}
