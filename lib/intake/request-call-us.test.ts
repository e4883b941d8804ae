import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { Conflict, NotFound, RateLimited, ValidationFailed } from "@/lib/errors";
import { createHarness, type Harness } from "@/lib/notifications/testing/harness";
import { requestCallUs } from "./request-call-us";
import { runTriage } from "./run-triage";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => h.close());

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );
const emergency = { answers: { region: "buttock", "rf-saddle-numbness": true } };
const routine = { answers: { region: "buttock" } };

describe(`"please call us" after a red flag stops booking (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("sends the email once, to the address given, with the clinic's phone and no reason", async () => {
    const t = await runTriage(h.db, emergency);
    expect(t.route).toBe("emergency");
    expect(
      await requestCallUs(h.db, t.id, { firstName: "Zoe", email: "Zoe@Example.com", location: "test-clinic" }),
    ).toEqual({ requested: true });
    await h.startWorker();
    const [mail] = await h.sink.waitFor(1);
    expect(Array.isArray(mail!.to) ? "" : mail!.to?.text).toBe("zoe@example.com");
    expect(mail!.text).toContain("(02) 9999 0000");
    expect(mail!.text).not.toMatch(/flag|saddle|numb|triage|emergency/i);
    // a second request for the same answers is refused, and no second email goes
    expect(await errorOf(requestCallUs(h.db, t.id, { firstName: "Zoe", email: "zoe@example.com" }))).toBeInstanceOf(
      Conflict,
    );
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, t.id));
    expect(audit.map((a) => a.action)).toEqual(["triage.call-us"]);
    expect(JSON.stringify(audit)).not.toContain("zoe@");
  });

  it("refuses answers that do not stop booking, unknown triages, and bad details, without sending anything", async () => {
    const ok = await runTriage(h.db, routine);
    expect(ok.route).not.toMatch(/emergency|urgent-care/);
    expect(await errorOf(requestCallUs(h.db, ok.id, { firstName: "Ann", email: "ann@example.com" }))).toBeInstanceOf(
      Conflict,
    );
    expect(
      await errorOf(
        requestCallUs(h.db, "00000000-0000-4000-8000-000000000000", { firstName: "Ann", email: "ann@example.com" }),
      ),
    ).toBeInstanceOf(NotFound);
    expect(
      await errorOf(requestCallUs(h.db, "not-an-id", { firstName: "Ann", email: "ann@example.com" })),
    ).toBeInstanceOf(NotFound);
    const t = await runTriage(h.db, emergency);
    expect(((await errorOf(requestCallUs(h.db, t.id, { firstName: "", email: "nope" }))) as Error).name).toBe(
      "ZodError",
    );
    expect(
      await errorOf(requestCallUs(h.db, t.id, { firstName: "Ann", email: "ann@example.com", location: "atlantis" })),
    ).toBeInstanceOf(ValidationFailed);
    // the refused attempts did not use up the one request
    expect(await requestCallUs(h.db, t.id, { firstName: "Ann", email: "ann@example.com" })).toEqual({
      requested: true,
    });
  });

  it("sends one inbox at most three a day, however many stopped triages ask", async () => {
    for (let i = 0; i < 3; i++) {
      const t = await runTriage(h.db, emergency);
      expect(
        await requestCallUs(h.db, t.id, { firstName: "Zoe", email: i === 1 ? "ZOE@example.com" : "zoe@example.com" }),
      ).toEqual({ requested: true });
    }
    const fourth = await runTriage(h.db, emergency);
    expect(
      await errorOf(requestCallUs(h.db, fourth.id, { firstName: "Zoe", email: "zoe@example.com" })),
    ).toBeInstanceOf(RateLimited);
    // a +tag is the same inbox (finding 9)
    expect(
      await errorOf(requestCallUs(h.db, fourth.id, { firstName: "Zoe", email: "Zoe+again@example.com" })),
    ).toBeInstanceOf(RateLimited);
    // another address is not affected
    expect(await requestCallUs(h.db, fourth.id, { firstName: "Ann", email: "ann@example.com" })).toEqual({
      requested: true,
    });
  });
});
