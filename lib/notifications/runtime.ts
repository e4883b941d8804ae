import "server-only";
import type { DbHandle } from "@/db/client";
import { env } from "@/lib/env";
import { logInfo } from "@/lib/log";
import { sendBookingEmailsThrough } from "./enqueue";
import { activeQueue, openNotificationQueue } from "./queue";
import { type EmailWorker, startEmailWorker } from "./worker";

type Global = typeof globalThis & { __clinicNotificationsStarting?: Promise<void>; __clinicEmailWorker?: EmailWorker };

/** Whether this app process works the email queue itself, or leaves it to `npm run worker`. */
export function runsWorkerInApp(kind: DbHandle["kind"]): boolean {
  if (env.NOTIFICATIONS_WORKER === "off") return false;
  // the embedded database belongs to one process, so there the app must do the sending
  return env.NOTIFICATIONS_WORKER === "in-app" || kind === "pglite";
}

/** Called once at server start (instrumentation.ts): opens the queue the booking verbs enqueue into. */
export function startNotifications(handle: DbHandle): Promise<void> {
  const g = globalThis as Global;
  g.__clinicNotificationsStarting ??= (async () => {
    if (activeQueue()) return;
    const inApp = runsWorkerInApp(handle.kind);
    const queue = await openNotificationQueue(
      { db: handle.db, kind: handle.kind, url: env.DATABASE_URL },
      { supervise: inApp },
    );
    sendBookingEmailsThrough(queue);
    if (inApp) g.__clinicEmailWorker = await startEmailWorker(queue, { name: `app-${process.pid}` });
    logInfo("notifications", "queue open", {
      worker: inApp ? "in-app" : "separate",
      mail: env.SMTP_URL ? "smtp" : "outbox",
    });
  })().catch((error: unknown) => {
    g.__clinicNotificationsStarting = undefined;
    throw error;
  });
  return g.__clinicNotificationsStarting;
}
