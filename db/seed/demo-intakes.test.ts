import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import type { IntakeSummary } from "@/lib/intake/summary";
import { createTestDb } from "@/lib/testing/test-db";
import * as s from "../schema";
import { seedDemo } from "./demo";

let handle: DbHandle;
const NOW = new Date("2026-11-30T08:00:00+11:00");

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemo(handle.db, { password: "demo-password-1", now: NOW });
}, 300_000);
afterAll(async () => handle.close());

describe("demo intakes", () => {
  it("gives upcoming appointments completed intakes: a red flag to call about, one for exercise physiology, and a change since last time", async () => {
    const rows = await handle.db
      .select({
        r: s.intakeResponses,
        a: { status: s.appointments.status, startsAt: s.appointments.startsAt, needsCall: s.appointments.needsCall },
      })
      .from(s.intakeResponses)
      .innerJoin(s.appointments, eq(s.appointments.id, s.intakeResponses.appointmentId));
    const upcoming = rows.filter((x) => x.a.startsAt > NOW);
    expect(upcoming.length).toBeGreaterThanOrEqual(5);
    expect(rows.every((x) => x.r.status === "completed" && x.r.response !== null)).toBe(true);

    const flagged = upcoming.find((x) => x.r.route === "emergency");
    expect(flagged?.a.needsCall).toBe(true);
    expect(flagged?.r.needsCall).toBe(true);
    expect(upcoming.some((x) => x.r.route === "exercise-physiology" && !x.a.needsCall)).toBe(true);

    const withChange = upcoming.map((x) => x.r.summary as IntakeSummary).find((sum) => sum.sincePrevious !== null);
    expect(withChange?.sincePrevious?.painNow).toEqual({ before: 6, now: 3, change: -3 });
    expect(rows.some((x) => x.a.startsAt < NOW)).toBe(true); // the earlier form belongs to a past visit
  });
});
