// Finding 9: the intake's save and submit actions took 25 versions in 2 seconds. Now limited per link and per client.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { intakeResponses } from "@/db/schema";
import {
  INTAKE_SAVES_PER_TOKEN_PER_MINUTE,
  INTAKE_SUBMITS_PER_TOKEN_PER_MINUTE,
  intakeWritesPerClientPerMinute,
} from "@/lib/intake/intake-rate-limits";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { listAvailability } from "@/lib/scheduling/list-availability";
import { bookingBody, createMiniClinic, patientDetails } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";

let handle: DbHandle;
let db: Db;
let address = "203.0.113.9";
vi.mock("@/lib/db", () => ({ getDb: async () => db }));
// as lib/http/server.mjs vouches for the socket's address (a forged X-Forwarded-For beside it is ignored)
process.env.CLINIC_PEER_KEY = "test-peer-key";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-clinic-peer": `test-peer-key|${address}`, "x-forwarded-for": "198.51.100.1" }),
}));
const { saveIntakeDraftAction, submitIntakeAction } = await import("./actions");

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  slots = [];
  await createMiniClinic(db);
});
afterEach(async () => handle.close());

let slots: { start: string; practitioner: string }[] = [];
/** A fresh booking a few days from now (the form is open for future visits only), and its intake link. */
async function intakeToken(): Promise<string> {
  const now = new Date();
  if (slots.length === 0) {
    const day = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    slots = (
      await listAvailability(db, { location: "test-clinic", service: "physio-initial", from: day(3), to: day(12) }, now)
    ).slots
      // on the hour only: 45-minute visits that never overlap one another
      .filter((s) => s.start.slice(14, 16) === "00");
  }
  const slot = slots.shift()!;
  const body = await bookAppointment(
    db,
    { kind: "anonymous" },
    bookingBody({ practitioner: slot.practitioner, start: slot.start, patient: patientDetails() }),
    { now },
  );
  return body.intakeUrl.split("/").pop()!;
}

/** The limits count in one-minute windows: start a test early in one, so that its requests all fall in it. */
async function freshWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 35_000) await new Promise((r) => setTimeout(r, left + 50));
}

describe(`intake actions are rate limited (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("refuses saves past the limit for one link, with a 429-style result, and keeps the versions few", async () => {
    const token = await intakeToken();
    await freshWindow();
    const results = [];
    for (let i = 0; i < INTAKE_SAVES_PER_TOKEN_PER_MINUTE + 5; i++)
      results.push(await saveIntakeDraftAction(token, { consent: true, "pain-now": i % 11 }));
    expect(results.filter((r) => r.ok)).toHaveLength(INTAKE_SAVES_PER_TOKEN_PER_MINUTE);
    expect(results.at(-1)).toMatchObject({ ok: false, code: "rate_limited" });
    const submits = [];
    for (let i = 0; i < INTAKE_SUBMITS_PER_TOKEN_PER_MINUTE + 2; i++) submits.push(await submitIntakeAction(token, {}));
    // the first few are refused for missing answers (a 422), the rest for the rate
    expect(
      submits.slice(0, INTAKE_SUBMITS_PER_TOKEN_PER_MINUTE).every((r) => !r.ok && r.code === "validation_failed"),
    ).toBe(true);
    expect(submits.at(-1)).toMatchObject({ ok: false, code: "rate_limited" });
    expect((await db.select().from(intakeResponses)).length).toBeLessThanOrEqual(1);
  });

  it("refuses one client writing to many links past its own limit", async () => {
    const INTAKE_WRITES_PER_CLIENT_PER_MINUTE = intakeWritesPerClientPerMinute();
    address = "203.0.113.10";
    // five links, each kept under its own limit: only the client's limit can refuse
    const tokens = [];
    for (let i = 0; i < 5; i++) tokens.push(await intakeToken());
    await freshWindow();
    const perLink = Math.ceil((INTAKE_WRITES_PER_CLIENT_PER_MINUTE + 5) / tokens.length);
    expect(perLink).toBeLessThanOrEqual(INTAKE_SAVES_PER_TOKEN_PER_MINUTE);
    const results = [];
    for (let i = 0; i < INTAKE_WRITES_PER_CLIENT_PER_MINUTE + 5; i++)
      results.push(await saveIntakeDraftAction(tokens[i % tokens.length]!, { consent: true, "pain-now": i % 11 }));
    expect(results.filter((r) => r.ok)).toHaveLength(INTAKE_WRITES_PER_CLIENT_PER_MINUTE);
    expect(results.at(-1)).toMatchObject({ ok: false, code: "rate_limited" });
    // another address is not affected
    address = "203.0.113.11";
    expect((await saveIntakeDraftAction(tokens[0]!, { consent: true })).ok).toBe(true);
  });
});
