import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { appointments, auditLog, rosterEntries } from "@/db/schema";
import { Forbidden, fieldErrors, NotFound, ValidationFailed } from "@/lib/errors";
import { setBookingEventListener, type BookingEvent } from "@/lib/scheduling/booking-events";
import { listAvailability } from "@/lib/scheduling/list-availability";
import { cancelByStaff } from "@/lib/staff/cancel-by-staff";
import { countNeedsMoving, listNeedsMoving } from "@/lib/staff/list-needs-moving";
import { moveByStaff } from "@/lib/staff/move-by-staff";
import { addStaff, bookOnline, errorOf, setUpReceptionTests, type TestStaff } from "@/lib/staff/testing/reception";
import { TEST_NOW } from "@/lib/testing/factories";
import { addClosure } from "./add-closure";
import { addLeave } from "./add-leave";
import { deleteClosure } from "./delete-closure";
import { deleteLeave } from "./delete-leave";
import { listHolidays } from "./list-holidays";
import { listRosters } from "./list-rosters";
import { setOpenDay } from "./set-open-day";
import { setRoster } from "./set-roster";

let db: Db;
let reception: TestStaff;
let amy: TestStaff;
let admin: TestStaff;
setUpReceptionTests((t) => ({ db, reception, amy } = t));
beforeEach(async () => {
  admin = await addStaff(db, "admin", "Clinic Manager");
});

let events: BookingEvent[] = [];
beforeEach(() => {
  events = [];
  setBookingEventListener("test", async (_tx, e) => void events.push(...e));
});
afterEach(() => setBookingEventListener("test", undefined));

const now = { now: TEST_NOW };
const weekdays = (start: string, end: string, breaks: { start: string; end: string }[] = []) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end, breaks }));
const flagged = async (id: string) =>
  (await db.select({ f: appointments.needsMovingSince }).from(appointments).where(eq(appointments.id, id)))[0]!.f !==
  null;
const auditOf = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action));
const fieldsOf = (e: unknown) => (e instanceof ZodError ? fieldErrors(e.issues) : (e as ValidationFailed).fields);
const freed = () => events.filter((e) => e.kind === "time-freed");

describe("who may change working time", () => {
  it("refuses reception and practitioners with 403 (audited) on every verb", async () => {
    for (const who of [reception, amy]) {
      const tries = [
        () => setRoster(db, who, "amy", { location: "test-clinic", validFrom: "2026-12-07", shifts: [] }, now),
        () => listRosters(db, who, "amy", { location: "test-clinic" }, TEST_NOW),
        () => addLeave(db, who, "amy", { start: "2026-12-01", end: "2026-12-01" }, now),
        () => deleteLeave(db, who, "3f0c1c9e-0000-4000-8000-000000000000", now),
        () => addClosure(db, who, "test-clinic", { from: "2026-12-01", to: "2026-12-01", reason: "Floods" }, now),
        () => deleteClosure(db, who, "3f0c1c9e-0000-4000-8000-000000000000", now),
        () => setOpenDay(db, who, "test-clinic", "2026-12-25", true, now),
        () => listHolidays(db, who, "test-clinic", now),
      ];
      for (const t of tries) expect(await errorOf(t())).toBeInstanceOf(Forbidden);
    }
    expect((await auditOf("access.denied")).length).toBeGreaterThanOrEqual(16);
  });

  it("answers 404 for an unknown practitioner, location, leave or closure", async () => {
    const missing = "3f0c1c9e-0000-4000-8000-000000000000";
    for (const t of [
      () => setRoster(db, admin, "nobody", { location: "test-clinic", validFrom: "2026-12-07", shifts: [] }, now),
      () => addLeave(db, admin, "nobody", { start: "2026-12-01", end: "2026-12-01" }, now),
      () => deleteLeave(db, admin, missing, now),
      () => deleteLeave(db, admin, "not-a-uuid", now),
      () => addClosure(db, admin, "nowhere", { from: "2026-12-01", to: "2026-12-01", reason: "Floods" }, now),
      () => deleteClosure(db, admin, missing, now),
      () => setOpenDay(db, admin, "nowhere", "2026-12-25", true, now),
    ])
      expect(await errorOf(t())).toBeInstanceOf(NotFound);
  });
});

describe("setRoster", () => {
  it("422 with a field for each kind of bad input", async () => {
    const bad = async (body: Record<string, unknown>) =>
      fieldsOf(
        await errorOf(setRoster(db, admin, "amy", { location: "test-clinic", validFrom: "2026-12-07", ...body }, now)),
      );
    expect(
      await bad({ shifts: [{ week: 3, weekday: 1, start: "09:00", end: "17:00" }], rotationWeeks: 2 }),
    ).toHaveProperty(["shifts.0.week"]);
    expect(await bad({ shifts: [{ weekday: 8, start: "09:00", end: "17:00" }] })).toHaveProperty(["shifts.0.weekday"]);
    expect(await bad({ shifts: [{ weekday: 1, start: "17:00", end: "09:00" }] })).toHaveProperty(["shifts.0.end"]);
    expect(await bad({ shifts: [{ weekday: 1, start: "9am", end: "17:00" }] })).toHaveProperty(["shifts.0.start"]);
    expect(
      await bad({ shifts: [{ weekday: 1, start: "09:00", end: "12:00", breaks: [{ start: "11:30", end: "12:30" }] }] }),
    ).toHaveProperty(["shifts.0.breaks.0.start"]);
    expect(await bad({ rotationWeeks: 5, shifts: [] })).toHaveProperty(["rotationWeeks"]);
    expect(await bad({ validFrom: "2026-02-30", shifts: [] })).toHaveProperty(["validFrom"]);
    expect(await bad({ validTo: "2026-12-01", shifts: [] })).toHaveProperty(["validTo"]);
    expect(await bad({ location: "nowhere", shifts: [] })).toHaveProperty(["location"]);
    expect(
      await bad({ shifts: [{ weekday: 1, start: "09:00", end: "12:00", service: "no-such-class" }] }),
    ).toHaveProperty(["shifts.0.service"]);
  });

  it("replaces the roster from validFrom: the earlier one ends the day before, with an audit row and a time-freed event", async () => {
    const res = await setRoster(
      db,
      admin,
      "amy",
      {
        location: "test-clinic",
        validFrom: "2026-12-09",
        rotationWeeks: 2,
        shifts: [
          { week: 1, weekday: 3, start: "08:00", end: "16:00", breaks: [{ start: "12:00", end: "12:30" }] },
          { week: 2, weekday: 1, start: "13:00", end: "19:00" },
        ],
      },
      now,
    );
    expect(res.roster).toMatchObject({ validFrom: "2026-12-09", validTo: null, rotationWeeks: 2 });
    expect(res.roster.shifts).toHaveLength(2);
    expect(res.clashes).toEqual([]);
    const { rosters } = await listRosters(db, admin, "amy", { location: "test-clinic" }, TEST_NOW);
    expect(rosters.map((r) => [r.validFrom, r.validTo, r.rotationWeeks])).toEqual([
      ["2026-01-01", "2026-12-08", 1],
      ["2026-12-09", null, 2],
    ]);
    const [audit] = await auditOf("setup.roster.set");
    expect(audit!.actorUserId).toBe(admin.userId);
    expect(audit!.detail).toMatchObject({ before: [{ validFrom: "2026-01-01" }], after: expect.any(Array) });
    expect(freed()).toHaveLength(1);

    // Week 1 is 7-13 December: Wednesday the 9th works 08:00 on; Monday the 14th (week 2) from 13:00 only.
    const slots = async (date: string) =>
      (
        await listAvailability(
          db,
          { location: "test-clinic", service: "physio-initial", practitioner: "amy", from: date, to: date },
          TEST_NOW,
        )
      ).slots.map((s) => s.start.slice(11, 16));
    expect((await slots("2026-12-09"))[0]).toBe("08:00");
    expect(await slots("2026-12-09")).not.toContain("12:00");
    expect((await slots("2026-12-14"))[0]).toBe("13:00");
    expect(await slots("2026-12-16")).toEqual([]); // Wednesday of week 2
    expect((await slots("2026-12-08"))[0]).toBe("09:00"); // the old roster, to its last day
  });

  it("returns the bookings it leaves outside working time as clashes, flags them and keeps them booked", async () => {
    const early = await bookOnline(db, "amy", "2026-12-08T09:00:00+11:00");
    const late = await bookOnline(db, "amy", "2026-12-08T15:00:00+11:00");
    const body = { location: "test-clinic", validFrom: "2026-12-07", shifts: weekdays("12:00", "17:00") };
    const preview = await setRoster(db, admin, "amy", body, { ...now, dryRun: true });
    expect(preview.clashes.map((c) => c.id)).toEqual([early]);
    expect(preview.preview!.days).toHaveLength(7);
    expect(preview.preview!.days[1]!.times).toContain("12:00");
    expect(await flagged(early)).toBe(false); // a dry run changes nothing, and tells no listener
    expect(freed()).toEqual([]);
    expect(await db.select().from(rosterEntries).where(eq(rosterEntries.validFrom, "2026-12-07"))).toEqual([]);

    const res = await setRoster(db, admin, "amy", body, now);
    expect(res.clashes).toEqual([
      expect.objectContaining({ id: early, status: "booked", practitioner: "amy", start: "2026-12-08T09:00:00+11:00" }),
    ]);
    expect(await flagged(early)).toBe(true);
    expect(await flagged(late)).toBe(false);
    // reception sees it flagged, and counted, until it is moved or cancelled
    expect(await countNeedsMoving(db)).toBe(1);
    expect((await listNeedsMoving(db, reception)).map((a) => [a.id, a.needsMoving])).toEqual([[early, true]]);
    expect(await errorOf(listNeedsMoving(db, amy))).toBeInstanceOf(Forbidden);
    // widening again clears the flag
    await setRoster(db, admin, "amy", { ...body, shifts: weekdays("09:00", "17:00") }, now);
    expect(await flagged(early)).toBe(false);
  });
});

describe("leave", () => {
  it("whole-day leave: 201 shape, clashes flagged, deletion clears them and frees the time", async () => {
    const a = await bookOnline(db, "amy", "2026-12-02T10:00:00+11:00");
    const b = await bookOnline(db, "bob", "2026-12-02T10:00:00+11:00");
    const res = await addLeave(db, admin, "amy", { start: "2026-12-02", end: "2026-12-03", reason: "Conference" }, now);
    expect(res.leave).toMatchObject({
      practitioner: "amy",
      startsOn: "2026-12-02",
      endsOn: "2026-12-03",
      start: "2026-12-02T00:00:00+11:00",
      end: "2026-12-04T00:00:00+11:00",
      reason: "Conference",
    });
    expect(res.clashes.map((c) => c.id)).toEqual([a]);
    expect([await flagged(a), await flagged(b)]).toEqual([true, false]);
    const [audit] = await auditOf("setup.leave.add");
    expect(audit!.detail).toMatchObject({ before: null, after: { id: res.leave.id } });
    expect(freed()).toEqual([]);

    await deleteLeave(db, admin, res.leave.id, now);
    expect(await flagged(a)).toBe(false);
    expect(freed()).toEqual([
      expect.objectContaining({ practitionerId: expect.any(String), start: new Date("2026-12-01T13:00:00Z") }),
    ]);
    expect(await auditOf("setup.leave.delete")).toHaveLength(1);
    expect(await errorOf(deleteLeave(db, admin, res.leave.id, now))).toBeInstanceOf(NotFound);
  });

  it("leave between instants catches only the bookings it overlaps; bad input is 422 with fields", async () => {
    const a = await bookOnline(db, "amy", "2026-12-02T10:00:00+11:00");
    const c = await bookOnline(db, "amy", "2026-12-02T14:00:00+11:00");
    const res = await addLeave(
      db,
      admin,
      "amy",
      { start: "2026-12-02T10:30:00+11:00", end: "2026-12-02T12:00:00+11:00" },
      now,
    );
    expect(res.clashes.map((x) => x.id)).toEqual([a]);
    expect(await flagged(c)).toBe(false);
    const bad = async (body: unknown) => fieldsOf(await errorOf(addLeave(db, admin, "amy", body, now)));
    expect(await bad({ start: "2026-12-02", end: "2026-12-01" })).toHaveProperty(["end"]);
    expect(await bad({ start: "2026-12-02", end: "2026-12-02T10:00:00+11:00" })).toHaveProperty(["end"]);
    expect(await bad({ start: "tomorrow", end: "2026-12-02" })).toHaveProperty(["start"]);
  });

  it("a moved or cancelled booking stops needing a move", async () => {
    const a = await bookOnline(db, "amy", "2026-12-02T10:00:00+11:00");
    const b = await bookOnline(db, "amy", "2026-12-02T14:00:00+11:00");
    await addLeave(db, admin, "amy", { start: "2026-12-02", end: "2026-12-02" }, now);
    await moveByStaff(db, reception, a, { start: "2026-12-03T10:00:00+11:00" }, TEST_NOW);
    await cancelByStaff(db, reception, b, { reason: "Practitioner away" }, TEST_NOW);
    expect(await flagged(a)).toBe(false);
    expect(await countNeedsMoving(db)).toBe(0); // b is cancelled, a moved
    const [row] = await db
      .select()
      .from(appointments)
      .where(and(eq(appointments.id, b)));
    expect(row!.status).toBe("cancelled");
  });
});

describe("closures and holidays", () => {
  it("a closure flags the day's bookings at that location; removing it clears them and frees the day", async () => {
    const a = await bookOnline(db, "amy", "2026-12-04T10:00:00+11:00");
    const b = await bookOnline(db, "bob", "2026-12-04T11:00:00+11:00");
    const res = await addClosure(
      db,
      admin,
      "test-clinic",
      { from: "2026-12-04", to: "2026-12-04", reason: "Floods" },
      now,
    );
    expect(res.closure).toMatchObject({
      location: "test-clinic",
      from: "2026-12-04",
      to: "2026-12-04",
      reason: "Floods",
    });
    expect(res.clashes.map((c) => c.id).sort()).toEqual([a, b].sort());
    expect(await auditOf("setup.closure.add")).toHaveLength(1);
    await deleteClosure(db, admin, res.closure.id, now);
    expect([await flagged(a), await flagged(b)]).toEqual([false, false]);
    expect(freed()).toEqual([expect.objectContaining({ practitionerId: null })]);
    expect(await auditOf("setup.closure.delete")).toHaveLength(1);
    const bad = fieldsOf(
      await errorOf(addClosure(db, admin, "test-clinic", { from: "2026-12-05", to: "2026-12-04", reason: "" }, now)),
    );
    expect(Object.keys(bad!).sort()).toEqual(["reason", "to"]);
  });

  it("opens a location on a public holiday of its own region only, and closes it again with clashes", async () => {
    const slots = async () =>
      (
        await listAvailability(
          db,
          { location: "test-clinic", service: "physio-initial", from: "2026-12-25", to: "2026-12-25" },
          TEST_NOW,
        )
      ).slots;
    expect(await slots()).toEqual([]);
    const res = await setOpenDay(db, admin, "test-clinic", "2026-12-25", true, now);
    expect(res.openDay).toMatchObject({ date: "2026-12-25", open: true, holiday: "Christmas Day" });
    expect((await slots()).length).toBeGreaterThan(0);
    expect(freed()).toHaveLength(1);
    const { holidays } = await listHolidays(db, admin, "test-clinic", now);
    expect(holidays.find((h) => h.date === "2026-12-25")!.open).toBe(true);

    const a = await bookOnline(db, "amy", "2026-12-25T10:00:00+11:00");
    const closed = await setOpenDay(db, admin, "test-clinic", "2026-12-25", false, now);
    expect(closed.clashes.map((c) => c.id)).toEqual([a]);
    expect(await auditOf("setup.open-day.clear")).toHaveLength(1);
    // 1 June 2026 is Western Australia Day, not a NSW holiday
    expect(fieldsOf(await errorOf(setOpenDay(db, admin, "test-clinic", "2026-06-01", true, now)))).toHaveProperty([
      "date",
    ]);
  });
});
