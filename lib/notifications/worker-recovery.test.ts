import { afterEach, describe, expect, it } from "vitest";
import { enqueueCallUsEmail } from "./enqueue";
import { EMAIL_QUEUE } from "./jobs";
import { bookAhead, createHarness, type Harness, sleep } from "./testing/harness";

// How the queue recovers from a worker that dies, and how fast a worker works through a backlog: what
// `npm run drill:faults` found with real processes, here in one process with a supervisor that looks every second.
let h: Harness | undefined;
afterEach(async () => h?.close());

describe(`email worker recovery (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("sends again, about a heartbeat later, an email whose worker died holding it (not after the 5-minute expiry)", async () => {
    h = await createHarness({ settings: { heartbeatSeconds: 10, expireInSeconds: 300 }, superviseIntervalSeconds: 1 });
    const booked = await bookAhead(h.db);
    // a worker that claimed the confirmation and was killed: claimed, never completed, no heartbeat after the claim
    const [claimed] = await h.queue.boss.fetch(EMAIL_QUEUE);
    expect(claimed).toBeDefined();
    await h.startWorker();
    // a heartbeat (10 s), the supervisor's next look and the retry delay: well inside a minute on a busy machine
    const [mail] = await h.sink.waitFor(1, 60_000);
    expect(mail!.messageId).toBe(`<${claimed!.id}@demo.clinic>`);
    expect(mail!.text).toContain(booked.manageUrl);
  }, 90_000);

  it("works through a backlog without waiting a polling interval between emails", async () => {
    h = await createHarness({ superviseIntervalSeconds: 1 });
    for (let i = 0; i < 12; i++)
      await enqueueCallUsEmail(h.db, { email: `backlog${i}@example.com`, firstName: "Bo" }, { queue: h.queue });
    await sleep(3000); // the supervisor has counted the backlog
    // one fetch per slot per 20 s interval would take two minutes for these twelve
    await h.startWorker({ pollingIntervalSeconds: 20, concurrency: 2 });
    const mails = await h.sink.waitFor(12, 25_000);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(12);
  });
});
