// Shared set-up for the notification integration tests: a fresh database with the mini clinic, the queue
// with short retries, a real SMTP server, and bookings made against the real clock (the queue runs on it).
import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db, DbHandle } from "@/db/client";
import { rowsOf } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { createMiniClinic, patientDetails } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import { EMAIL_QUEUE } from "../jobs";
import { smtpMailer } from "../mailer";
import { sendBookingEmailsThrough } from "../enqueue";
import { type NotificationQueue, openNotificationQueue, type OpenQueueOptions } from "../queue";
import { type EmailWorker, startEmailWorker, type WorkerOptions } from "../worker";
import { type SmtpSink, startSmtpSink } from "./smtp-sink";

export const FAST = { retryLimit: 3, retryDelaySeconds: 1, retryDelayMaxSeconds: 2, expireInSeconds: 30 };
export const anon = { kind: "anonymous" } as const;
export const tokenOf = (url: string) => url.split("/").pop()!;

export interface Harness {
  handle: DbHandle & { url?: string };
  db: Db;
  queue: NotificationQueue;
  sink: SmtpSink;
  workers: EmailWorker[];
  startWorker(opts?: WorkerOptions & { queue?: NotificationQueue }): Promise<EmailWorker>;
  /** Another pg-boss instance on the same database: its own pool on Postgres, as a second process has. */
  openSecondQueue(): Promise<NotificationQueue>;
  close(): Promise<void>;
}

export async function createHarness(opts: OpenQueueOptions = {}): Promise<Harness> {
  const handle = await createTestDb();
  await createMiniClinic(handle.db);
  const target = { db: handle.db, kind: handle.kind, url: handle.url };
  const queue = await openNotificationQueue(target, { ...opts, settings: { ...FAST, ...opts.settings } });
  sendBookingEmailsThrough(queue);
  const sink = await startSmtpSink();
  const queues = [queue];
  const workers: EmailWorker[] = [];
  return {
    handle,
    db: handle.db,
    queue,
    sink,
    workers,
    async startWorker(opts = {}) {
      const w = await startEmailWorker(opts.queue ?? queue, {
        mailer: smtpMailer(sink.url),
        pollingIntervalSeconds: 0.5,
        ...opts,
      });
      workers.push(w);
      return w;
    },
    async openSecondQueue() {
      const q = await openNotificationQueue(target, { settings: FAST });
      queues.push(q);
      return q;
    },
    async close() {
      for (const w of workers) await w.stop();
      sendBookingEmailsThrough(undefined);
      for (const q of queues) await q.close();
      await sink.stop();
      await handle.close();
    },
  };
}

/** Books the first free weekday morning at least `daysAhead` days from now, by the real clock. */
export async function bookAhead(db: Db, daysAhead = 5, over: Record<string, unknown> = {}) {
  const now = new Date();
  for (let d = daysAhead; d < daysAhead + 30; d++) {
    const day = DateTime.now().setZone("Australia/Sydney").plus({ days: d });
    if (day.weekday > 5) continue;
    const start = day.set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    try {
      const body = await bookAppointment(
        db,
        anon,
        {
          service: "physio-initial",
          location: "test-clinic",
          practitioner: "amy",
          start: start.toISO(),
          patient: patientDetails(),
          ...over,
        },
        { now },
      );
      return { ...body, start: start.toJSDate() };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  throw new Error("No bookable weekday found");
}

/** Time passes for the queue: the appointment's deferred emails of this kind become due now. */
export async function makeDue(db: Db, appointmentId: string, kind: string): Promise<number> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(
      sql`update pgboss.job set start_after = now() where name = ${EMAIL_QUEUE} and singleton_key = ${appointmentId} and state = 'created' and data->>'kind' = ${kind} returning id`,
    ),
  );
  return rows.length;
}

export async function jobsOf(db: Db, appointmentId: string) {
  return rowsOf<{ kind: string; state: string; data: string; retry_count: number }>(
    await db.execute(
      sql`select data->>'kind' as kind, state::text as state, data::text as data, retry_count from pgboss.job where name = ${EMAIL_QUEUE} and singleton_key = ${appointmentId} order by created_on`,
    ),
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
