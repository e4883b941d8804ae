// `npm run worker`: sends patient emails from the queue, as many processes as you like, against Postgres.
import { openPostgres } from "@/db/client";
import { env } from "@/lib/env";
import { logError, logInfo } from "@/lib/log";
import { sendBookingEmailsThrough } from "./enqueue";
import { openNotificationQueue } from "./queue";
import { startEmailWorker } from "./worker";

async function main(): Promise<void> {
  if (!env.DATABASE_URL) {
    console.error(
      "The embedded database belongs to the app process, which sends the emails itself. Set DATABASE_URL to run separate workers.",
    );
    process.exit(1);
  }
  const handle = openPostgres(env.DATABASE_URL, 4, { appRole: env.DATABASE_APP_ROLE });
  // every 15 s: a killed worker's emails are retried within a heartbeat and this, and a backlog is noticed as soon
  const queue = await openNotificationQueue(
    { db: handle.db, kind: "postgres", url: env.DATABASE_URL },
    { supervise: true, superviseIntervalSeconds: 15 },
  );
  sendBookingEmailsThrough(queue);
  const worker = await startEmailWorker(queue, { name: `worker-${process.pid}` });
  logInfo("notifications", "worker started", { worker: worker.name, mail: env.SMTP_URL ? "smtp" : "outbox" });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // finish the email in hand, then let go of the queue
    await worker.stop();
    await queue.close();
    await handle.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  logError("notifications.worker", error);
  process.exit(1);
});
