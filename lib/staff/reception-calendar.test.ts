import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { appointments, auditLog, intakeResponses, leave } from "@/db/schema";
import { Forbidden, NotFound } from "@/lib/errors";
import { TEST_NOW, type MiniClinic } from "@/lib/testing/factories";
import { getDayBoard } from "./get-day-board";
import { getPractitionerWeek } from "./get-practitioner-week";
import { listDayAppointments } from "./list-day-appointments";
import { markPatientCalled } from "./mark-patient-called";
import { bookOnline, errorOf, setUpReceptionTests, type TestStaff } from "./testing/reception";

let db: Db;
let clinic: MiniClinic;
let reception: TestStaff;
let amy: TestStaff;
setUpReceptionTests((t) => ({ db, clinic, reception, amy } = t));

const DAY = { location: "test-clinic", date: "2026-12-01" };

describe("listDayAppointments", () => {
  it("gives reception every appointment at the location that local day, in the api.md shape", async () => {
    const a = await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00", { firstName: "Zoe", lastName: "Quill" });
    await bookOnline(db, "bob", "2026-12-01T10:00:00+11:00");
    await bookOnline(db, "bob", "2026-12-02T10:00:00+11:00"); // another day
    const { appointments: list } = await listDayAppointments(db, reception, DAY);
    expect(list).toHaveLength(2);
    expect(list[0]).toEqual({
      id: a,
      start: "2026-12-01T09:00:00+11:00",
      end: "2026-12-01T09:45:00+11:00",
      status: "booked",
      service: "physio-initial",
      location: "test-clinic",
      practitioner: "amy",
      patient: { id: expect.any(String), name: "Zoe Quill" },
      intake: { status: "not-started", route: null, needsCall: false },
    });
  });

  it("shows a practitioner only their own appointments", async () => {
    await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00");
    await bookOnline(db, "bob", "2026-12-01T09:00:00+11:00");
    const { appointments: list } = await listDayAppointments(db, amy, DAY);
    expect(list.map((x) => x.practitioner)).toEqual(["amy"]);
  });

  it("reports intake progress, route and the call flag, never answers", async () => {
    const a = await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00");
    const b = await bookOnline(db, "bob", "2026-12-01T09:00:00+11:00");
    const [row] = await db.select().from(appointments).where(eq(appointments.id, a));
    const [rowB] = await db.select().from(appointments).where(eq(appointments.id, b));
    await db.insert(intakeResponses).values({
      appointmentId: b,
      patientId: rowB!.patientId,
      version: 1,
      questionnaireVersion: "1",
      answers: { pain: 3 },
    });
    await db.insert(intakeResponses).values({
      appointmentId: a,
      patientId: row!.patientId,
      version: 1,
      status: "completed",
      questionnaireVersion: "1",
      answers: { pain: 9 },
      route: "exercise-physiology",
      needsCall: true,
      submittedAt: TEST_NOW,
    });
    const { appointments: list } = await listDayAppointments(db, reception, DAY);
    const byId = new Map(list.map((x) => [x.id, x]));
    expect(byId.get(a)!.intake).toEqual({ status: "completed", route: "exercise-physiology", needsCall: true });
    expect(byId.get(b)!.intake).toEqual({ status: "in-progress", route: null, needsCall: false });
    expect(JSON.stringify(list)).not.toContain("pain");

    await markPatientCalled(db, reception, a, {}, TEST_NOW);
    const after = await listDayAppointments(db, reception, DAY);
    expect(after.appointments.find((x) => x.id === a)!.intake.needsCall).toBe(false);
  });

  it("refuses patients and unknown locations", async () => {
    expect(await errorOf(listDayAppointments(db, { kind: "anonymous" }, DAY))).toBeInstanceOf(Forbidden);
    expect(await errorOf(listDayAppointments(db, reception, { ...DAY, location: "nowhere" }))).toBeInstanceOf(NotFound);
  });
});

describe("getDayBoard", () => {
  it("draws a column per rostered practitioner with hours, breaks and leave", async () => {
    await db.insert(leave).values({
      practitionerId: clinic.practitionerIds.bob,
      startsAt: new Date("2026-12-01T14:00:00+11:00"),
      endsAt: new Date("2026-12-03T00:00:00+11:00"),
    });
    await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00");
    const board = await getDayBoard(db, reception, DAY);
    expect(board.columns.map((c) => c.practitioner)).toEqual(["amy", "bob"]);
    const [a, b] = board.columns;
    expect(a!.working.map((w) => [w.start, w.end, w.label])).toEqual([
      [540, 1020, undefined],
      [1050, 1105, "Pilates"],
    ]);
    expect(a!.breaks).toEqual([{ start: 750, end: 795, label: "Break" }]);
    expect(a!.appointments).toHaveLength(1);
    expect(b!.away).toEqual([{ start: 840, end: 1440, label: "Leave" }]);
    expect(board.services.map((s) => s.slug)).toContain("physio-initial");
  });

  it("marks a public holiday closed and is for reception and admins only", async () => {
    const christmas = await getDayBoard(db, reception, { location: "test-clinic", date: "2026-12-25" });
    expect(christmas.closed).toBe("Public holiday");
    expect(christmas.columns).toEqual([]);
    expect(await errorOf(getDayBoard(db, amy, DAY))).toBeInstanceOf(Forbidden);
    const [denied] = await db.select().from(auditLog).where(eq(auditLog.action, "access.denied"));
    expect(denied).toMatchObject({ actorUserId: amy.userId, outcome: "denied", entityId: "calendar.day" });
  });
});

describe("getPractitionerWeek", () => {
  it("shows one practitioner's Monday-to-Friday; practitioners may only see their own", async () => {
    await bookOnline(db, "amy", "2026-12-02T11:00:00+11:00");
    const week = await getPractitionerWeek(db, reception, { practitioner: "amy", date: "2026-12-02" });
    expect(week.from).toBe("2026-11-30");
    expect(week.columns.map((c) => c.date)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
    ]);
    expect(week.columns[2]!.appointments).toHaveLength(1);
    expect(week.columns[1]!.working.map((w) => [w.start, w.end])).toEqual([
      [540, 1020],
      [1050, 1105],
    ]);
    expect((await getPractitionerWeek(db, amy, { practitioner: "amy", date: "2026-12-02" })).columns).toHaveLength(5);
    expect(await errorOf(getPractitionerWeek(db, amy, { practitioner: "bob", date: "2026-12-02" }))).toBeInstanceOf(
      Forbidden,
    );
  });
});
