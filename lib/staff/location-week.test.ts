import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { appointments, auditLog, intakeResponses } from "@/db/schema";
import { Forbidden, NotFound } from "@/lib/errors";
import { TEST_NOW } from "@/lib/testing/factories";
import { cancelByStaff } from "./cancel-by-staff";
import { getDaySheet } from "./get-day-sheet";
import { getLocationWeek } from "./get-location-week";
import { bookOnline, errorOf, setUpReceptionTests, type TestStaff } from "./testing/reception";

let db: Db;
let reception: TestStaff;
let amy: TestStaff;
setUpReceptionTests((t) => ({ db, reception, amy } = t));

describe("getLocationWeek", () => {
  it("gives a row per practitioner and a cell per local day, Monday to Sunday in the location's zone", async () => {
    // 9:00 on a Monday in Sydney is still Sunday in UTC: it belongs to this week's Monday, and next Monday's to next week
    await bookOnline(db, "amy", "2026-12-07T09:00:00+11:00", { firstName: "Mona", lastName: "Day" });
    await bookOnline(db, "bob", "2026-12-11T16:00:00+11:00", { firstName: "Fred", lastName: "Late" });
    await bookOnline(db, "amy", "2026-12-14T09:00:00+11:00", { firstName: "Next", lastName: "Week" });
    const board = await getLocationWeek(db, reception, { location: "test-clinic", date: "2026-12-09" });
    expect([board.from, board.to, board.timezone]).toEqual(["2026-12-07", "2026-12-13", "Australia/Sydney"]);
    expect(board.days.map((d) => d.date)).toEqual([
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
      "2026-12-10",
      "2026-12-11",
    ]);
    expect(board.rows.map((r) => r.practitioner.name)).toEqual(["Amy Adams", "Bob Brown"]);
    const [amyRow, bobRow] = board.rows;
    expect(amyRow!.cells.map((c) => c.appointments.map((a) => a.patient.name))).toEqual([["Mona Day"], [], [], [], []]);
    expect(amyRow!.cells[0]!.appointments[0]!.start).toBe("2026-12-07T09:00:00+11:00");
    expect(bobRow!.cells[4]!.appointments.map((a) => a.patient.name)).toEqual(["Fred Late"]);
    // Amy's Tuesday has her Pilates class after the day's hours
    expect(amyRow!.cells[1]!.working.map((w) => [w.start, w.end])).toEqual([
      [540, 1020],
      [1050, 1105],
    ]);
    expect(board.practitioners.map((p) => p.slug)).toEqual(["amy", "bob"]);
    expect(board.services.map((s) => s.slug)).toContain("physio-initial");
  });

  it("marks closed days and lists cancellations apart from the cells", async () => {
    const a = await bookOnline(db, "bob", "2026-12-22T10:00:00+11:00");
    await cancelByStaff(db, reception, a, { reason: "Rang to cancel" }, TEST_NOW);
    const board = await getLocationWeek(db, reception, { location: "test-clinic", date: "2026-12-25" });
    expect(board.days.find((d) => d.date === "2026-12-25")!.closed).toBe("Public holiday");
    expect(board.rows[0]!.cells.find((c) => c.date === "2026-12-25")!.working).toEqual([]);
    expect(board.cancelled.map((x) => x.id)).toEqual([a]);
    expect(board.rows.flatMap((r) => r.cells.flatMap((c) => c.appointments))).toEqual([]);
  });

  it("is for reception and admins: a practitioner is refused, and the refusal audited", async () => {
    const q = { location: "test-clinic", date: "2026-12-09" };
    expect(await errorOf(getLocationWeek(db, amy, q))).toBeInstanceOf(Forbidden);
    expect(await errorOf(getLocationWeek(db, { kind: "anonymous" }, q))).toBeInstanceOf(Forbidden);
    const [denied] = await db.select().from(auditLog).where(eq(auditLog.action, "access.denied"));
    expect(denied).toMatchObject({ actorUserId: amy.userId, entityId: "calendar.location-week" });
    expect(await errorOf(getLocationWeek(db, reception, { ...q, location: "nowhere" }))).toBeInstanceOf(NotFound);
  });
});

describe("getDaySheet", () => {
  it("lists every appointment of the day with phone, status and the call flag, never intake answers", async () => {
    const a = await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00", { firstName: "Zoe", lastName: "Quill" });
    const b = await bookOnline(db, "bob", "2026-12-01T10:00:00+11:00", { firstName: "Ben", lastName: "Gone" });
    await bookOnline(db, "bob", "2026-12-02T10:00:00+11:00"); // another day
    await cancelByStaff(db, reception, b, { reason: "Rang to cancel" }, TEST_NOW);
    const [row] = await db.select().from(appointments).where(eq(appointments.id, a));
    await db.insert(intakeResponses).values({
      appointmentId: a,
      patientId: row!.patientId,
      version: 1,
      status: "completed",
      questionnaireVersion: "1",
      answers: { saddleNumbness: "yes" },
      route: "urgent-care",
      needsCall: true,
      submittedAt: TEST_NOW,
    });
    const sheet = await getDaySheet(db, reception, { location: "test-clinic", date: "2026-12-01" });
    expect(sheet).toMatchObject({ kind: "location", title: "Test Clinic", date: "2026-12-01" });
    expect(
      sheet.rows.map((r) => [r.start.slice(11, 16), r.patientName, r.practitionerName, r.status, r.needsCall]),
    ).toEqual([
      ["09:00", "Zoe Quill", "Amy Adams", "booked", true],
      ["10:00", "Ben Gone", "Bob Brown", "cancelled", false],
    ]);
    expect(sheet.rows[0]!.patientPhone).toBeTruthy();
    expect(JSON.stringify(sheet)).not.toMatch(/saddle|urgent-care/i);
  });

  it("prints one practitioner's day; a practitioner may print only their own and no location's", async () => {
    await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00");
    await bookOnline(db, "bob", "2026-12-01T09:00:00+11:00");
    const own = await getDaySheet(db, amy, { practitioner: "amy", date: "2026-12-01" });
    expect(own.rows.map((r) => r.practitionerName)).toEqual(["Amy Adams"]);
    expect((await getDaySheet(db, reception, { practitioner: "bob", date: "2026-12-01" })).title).toBe("Bob Brown");
    expect(await errorOf(getDaySheet(db, amy, { practitioner: "bob", date: "2026-12-01" }))).toBeInstanceOf(Forbidden);
    expect(await errorOf(getDaySheet(db, amy, { location: "test-clinic", date: "2026-12-01" }))).toBeInstanceOf(
      Forbidden,
    );
    expect(
      await errorOf(getDaySheet(db, reception, { location: "test-clinic", practitioner: "amy", date: "2026-12-01" })),
    ).toBeInstanceOf(ZodError);
  });
});
