import "server-only";
import type { Db, Tx } from "@/db/client";
import { inTransaction, type NotificationQueue } from "@/lib/notifications/queue";
import { WAITLIST_QUEUE, type WaitlistJob } from "./jobs";

// The queue the wait list's jobs go into: the app's pg-boss (lib/notifications/queue.ts), its own queue name.
type Global = typeof globalThis & { __clinicWaitlistQueue?: NotificationQueue };

export function setWaitlistQueue(queue: NotificationQueue | undefined): void {
  (globalThis as Global).__clinicWaitlistQueue = queue;
}

export function waitlistQueue(): NotificationQueue | undefined {
  return (globalThis as Global).__clinicWaitlistQueue;
}

export async function createWaitlistQueue(queue: NotificationQueue): Promise<void> {
  const options = { retryLimit: 8, retryDelay: 5, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 120 };
  await queue.boss.createQueue(WAITLIST_QUEUE, options);
  await queue.boss.updateQueue(WAITLIST_QUEUE, options);
}

export interface WaitlistJobInsert {
  data: WaitlistJob;
  startAfter?: Date;
}

/** Adds jobs inside the caller's transaction: they commit with the change that caused them, or not at all. */
export async function enqueueWaitlistJobs(tx: Db | Tx, jobs: WaitlistJobInsert[]): Promise<void> {
  const queue = waitlistQueue();
  if (!queue || jobs.length === 0) return;
  await queue.boss.insert(WAITLIST_QUEUE, jobs, { db: inTransaction(tx) });
}
