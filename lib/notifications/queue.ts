import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { fromDrizzle, fromPglite, PgBoss } from "pg-boss";
import type { Db, Tx } from "@/db/client";
import { logError } from "@/lib/log";
import { EMAIL_DEAD_LETTER_QUEUE, EMAIL_QUEUE } from "./jobs";

export interface QueueSettings {
  /** Attempts after the first before a job is dead-lettered. */
  retryLimit: number;
  /** First retry delay; each later one roughly doubles (pg-boss backoff with jitter) up to the max. */
  retryDelaySeconds: number;
  retryDelayMaxSeconds: number;
  /** How long a claimed job may run before another worker may take it again (a job that hangs). */
  expireInSeconds: number;
  /**
   * A working worker refreshes its claim every half of this; a claim not refreshed for this long (a worker that
   * was killed or lost its host) is failed and retried at the supervisor's next pass, instead of after expireInSeconds.
   */
  heartbeatSeconds: number;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  retryLimit: 8,
  retryDelaySeconds: 30,
  retryDelayMaxSeconds: 3600,
  expireInSeconds: 300,
  heartbeatSeconds: 30,
};
const DAY = 24 * 3600;

/** Where the queue lives: the app's own database. Postgres needs its URL, because pg-boss keeps its own pool there. */
export interface QueueTarget {
  db: Db;
  kind: "postgres" | "pglite";
  url?: string;
}

export interface NotificationQueue {
  boss: PgBoss;
  db: Db;
  close(): Promise<void>;
}

export interface OpenQueueOptions {
  settings?: Partial<QueueSettings>;
  /** Only a worker supervises (expires stuck jobs, cleans up); a process that only enqueues does not. */
  supervise?: boolean;
  poolSize?: number;
  /** How often a supervising process looks for expired and abandoned jobs and counts the backlog (pg-boss default 60 s). */
  superviseIntervalSeconds?: number;
}

/** Starts pg-boss on the app's database, installing or migrating its schema (`pgboss`) and the email queues. */
export async function openNotificationQueue(
  target: QueueTarget,
  opts: OpenQueueOptions = {},
): Promise<NotificationQueue> {
  const settings = { ...DEFAULT_QUEUE_SETTINGS, ...opts.settings };
  const every = opts.superviseIntervalSeconds;
  // the queue's backlog figures, which a worker reads to decide to burst, are refreshed at the same pace
  const interval = every
    ? { superviseIntervalSeconds: every, monitorIntervalSeconds: every, queueCacheIntervalSeconds: every }
    : {};
  const common = {
    schema: "pgboss",
    schedule: false,
    supervise: opts.supervise ?? true,
    migrate: true,
    monitorVacuum: false,
    ...interval,
  } as const;
  let boss: PgBoss;
  if (target.kind === "pglite") {
    // the embedded database has one connection: pg-boss shares the app's PGlite instance
    const client = (target.db as unknown as { $client: PGlite }).$client;
    boss = new PgBoss({ ...common, backend: "pglite", db: fromPglite(client) });
  } else {
    if (!target.url) throw new Error("The notification queue needs the Postgres URL.");
    boss = new PgBoss({ ...common, connectionString: target.url, max: opts.poolSize ?? 4 });
  }
  boss.on("error", (error) => logError("notifications.queue", error));
  await boss.start();
  await boss.createQueue(EMAIL_DEAD_LETTER_QUEUE, { retentionSeconds: 60 * DAY, deleteAfterSeconds: 7 * DAY });
  const queueOptions = {
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: settings.retryDelayMaxSeconds,
    expireInSeconds: settings.expireInSeconds,
    heartbeatSeconds: settings.heartbeatSeconds,
    // a reminder may wait eight weeks before it is due; retention counts from its start time
    retentionSeconds: 14 * DAY,
    // sent jobs are kept one day for troubleshooting, then deleted with their sealed payload
    deleteAfterSeconds: DAY,
    deadLetter: EMAIL_DEAD_LETTER_QUEUE,
  };
  await boss.createQueue(EMAIL_QUEUE, queueOptions);
  // a queue made by an earlier start keeps its options unless they are brought up to date
  await boss.updateQueue(EMAIL_QUEUE, queueOptions);
  return {
    boss,
    db: target.db,
    close: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}

/** pg-boss statements that run inside the caller's drizzle transaction, so a job commits or rolls back with it. */
export function inTransaction(tx: Db | Tx) {
  return fromDrizzle(tx as unknown as Parameters<typeof fromDrizzle>[0], sql);
}

// The queue this process enqueues into. The app and the worker command open it at start; a process that
// never did (seed scripts, other domains' tests) sends no email.
type Global = typeof globalThis & { __clinicNotificationQueue?: NotificationQueue };

export function setActiveQueue(queue: NotificationQueue | undefined): void {
  (globalThis as Global).__clinicNotificationQueue = queue;
}

export function activeQueue(): NotificationQueue | undefined {
  return (globalThis as Global).__clinicNotificationQueue;
}
