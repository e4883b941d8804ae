// `npm run worker`: sends patient emails and works the wait list's queue (offers, their expiry), as many processes
// as you like, against Postgres. What it starts is composed in lib/worker-process.ts.
import { openPostgres } from "@/db/client";
import { env } from "@/lib/env";
import { logError, logInfo } from "@/lib/log";
import { startWorkerProcess } from "@/lib/worker-process";

async function main(): Promise<void> {
  if (!env.DATABASE_URL) {
    console.error(
      "The embedded database belongs to the app process, which sends the emails itself. Set DATABASE_URL to run separate workers.",
    );
    process.exit(1);
  }
  const handle = openPostgres(env.DATABASE_URL, 4, { appRole: env.DATABASE_APP_ROLE });
  // every 15 s: a killed worker's emails are retried within a heartbeat and this, and a backlog is noticed as soon
  const worker = await startWorkerProcess(
    { db: handle.db, kind: "postgres", url: env.DATABASE_URL },
    { superviseIntervalSeconds: 15 },
  );
  logInfo("notifications", "worker started", {
    worker: worker.name,
    mail: env.SMTP_URL ? "smtp" : "outbox",
    queues: "patient-email, waitlist",
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
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
