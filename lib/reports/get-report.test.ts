import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { Forbidden, ValidationFailed } from "@/lib/errors";
import { addStaff, errorOf, type TestStaff } from "@/lib/staff/testing/reception";
import { createTestDb } from "@/lib/testing/test-db";
import { getReport, summaryDto } from "./get-report";
import { practitionersCsv } from "./summary-csv";
import { createReportFixture, FIXTURE_RANGE, type ReportFixture } from "./testing/report-fixture";

let handle: DbHandle;
let db: Db;
let admin: TestStaff;
let fixture: ReportFixture;

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  fixture = await createReportFixture(db);
  admin = await addStaff(db, "admin", "Manager");
});
afterEach(() => handle.close());

const NO_ROUTES = { "sports-physio": 0, "exercise-physiology": 0, "online-rehab": 0, "urgent-care": 0, emergency: 0 };

describe("getReport on the hand-built fixture", () => {
  it("gives every figure of the whole group as worked out by hand", async () => {
    const r = summaryDto(await getReport(db, admin, FIXTURE_RANGE));
    expect(r).toEqual({
      from: "2027-01-25",
      to: "2027-01-31",
      utilisation: { availableMinutes: 2880, bookedMinutes: 420, ratio: 0.1458 },
      appointments: { total: 13, attended: 6, noShow: 2, cancelled: 3, lateCancelled: 1 },
      newPatients: 10,
      bySource: { online: 6, phone: 3, waitlist: 1, "booking-referral": 1, import: 2 },
      intake: { due: 8, completedBeforeStart: 4, ratio: 0.5 },
      routes: { ...NO_ROUTES, "sports-physio": 1, emergency: 1, "exercise-physiology": 1, "online-rehab": 1 },
      practitioners: [
        {
          practitioner: "amy",
          availableMinutes: 1800,
          bookedMinutes: 240,
          ratio: 0.1333,
          attended: 3,
          noShow: 2,
          cancelled: 3,
        },
        {
          practitioner: "bob",
          availableMinutes: 360,
          bookedMinutes: 90,
          ratio: 0.25,
          attended: 2,
          noShow: 0,
          cancelled: 0,
        },
        {
          practitioner: "cat",
          availableMinutes: 720,
          bookedMinutes: 90,
          ratio: 0.125,
          attended: 1,
          noShow: 0,
          cancelled: 0,
        },
      ],
    });
    expect(Object.keys(r)).toEqual([
      "from",
      "to",
      "utilisation",
      "appointments",
      "newPatients",
      "bySource",
      "intake",
      "routes",
      "practitioners",
    ]);
  });

  it("gives utilisation per location and per ISO week for the page", async () => {
    const r = await getReport(db, admin, FIXTURE_RANGE);
    expect(r.locations).toEqual([
      { location: "harbour", name: "Harbour", availableMinutes: 2160, bookedMinutes: 330, ratio: 0.1528 },
      { location: "perth", name: "Perth", availableMinutes: 720, bookedMinutes: 90, ratio: 0.125 },
    ]);
    expect(r.weeks).toEqual([
      { week: "2027-01-25", availableMinutes: 2880, bookedMinutes: 420, ratio: 0.1458, newPatients: 10 },
    ]);
    // a range from a Wednesday to the next Tuesday spans two weeks, each clipped to the range
    const split = await getReport(db, admin, { from: "2027-01-27", to: "2027-02-02" });
    expect(split.weeks.map((w) => [w.week, w.availableMinutes])).toEqual([
      ["2027-01-25", 495 + 435 + 435 + 120 + 240 + 240],
      ["2027-02-01", (435 + 240 + 240) * 2],
    ]);
  });

  it("counts only one location's appointments, time and triages, in that location's own dates", async () => {
    const r = summaryDto(await getReport(db, admin, { ...FIXTURE_RANGE, location: "perth" }));
    expect(r).toEqual({
      from: "2027-01-25",
      to: "2027-01-31",
      utilisation: { availableMinutes: 720, bookedMinutes: 90, ratio: 0.125 },
      appointments: { total: 2, attended: 1, noShow: 0, cancelled: 0, lateCancelled: 0 },
      newPatients: 2,
      bySource: { online: 2, phone: 0, waitlist: 0, "booking-referral": 0, import: 0 },
      intake: { due: 2, completedBeforeStart: 1, ratio: 0.5 },
      routes: { ...NO_ROUTES, "online-rehab": 1 },
      practitioners: [
        {
          practitioner: "cat",
          availableMinutes: 720,
          bookedMinutes: 90,
          ratio: 0.125,
          attended: 1,
          noShow: 0,
          cancelled: 0,
        },
      ],
    });
    const harbour = summaryDto(await getReport(db, admin, { ...FIXTURE_RANGE, location: "harbour" }));
    expect(harbour.routes).toEqual({ ...NO_ROUTES, "sports-physio": 1 });
    expect(harbour.appointments.total).toBe(11);
  });

  it("counts only one practitioner's", async () => {
    const r = summaryDto(await getReport(db, admin, { ...FIXTURE_RANGE, practitioner: "amy" }));
    expect(r).toEqual({
      from: "2027-01-25",
      to: "2027-01-31",
      utilisation: { availableMinutes: 1800, bookedMinutes: 240, ratio: 0.1333 },
      appointments: { total: 9, attended: 3, noShow: 2, cancelled: 3, lateCancelled: 1 },
      newPatients: 7,
      bySource: { online: 4, phone: 2, waitlist: 1, "booking-referral": 1, import: 1 },
      intake: { due: 5, completedBeforeStart: 2, ratio: 0.4 },
      routes: { ...NO_ROUTES, "sports-physio": 1 },
      practitioners: [
        {
          practitioner: "amy",
          availableMinutes: 1800,
          bookedMinutes: 240,
          ratio: 0.1333,
          attended: 3,
          noShow: 2,
          cancelled: 3,
        },
      ],
    });
    const nobody = summaryDto(await getReport(db, admin, { ...FIXTURE_RANGE, practitioner: "dan" }));
    expect(nobody.utilisation).toEqual({ availableMinutes: 0, bookedMinutes: 0, ratio: 0 });
    expect(nobody.intake).toEqual({ due: 0, completedBeforeStart: 0, ratio: 0 });
    expect(nobody.practitioners).toEqual([]);
  });

  it("gives the per-practitioner rows as CSV under the contract's header", async () => {
    const csv = practitionersCsv((await getReport(db, admin, FIXTURE_RANGE)).practitioners);
    expect(csv).toBe(
      "practitioner,availableMinutes,bookedMinutes,ratio,attended,noShow,cancelled\n" +
        "amy,1800,240,0.1333,3,2,3\nbob,360,90,0.25,2,0,0\ncat,720,90,0.125,1,0,0\n",
    );
  });

  it("refuses bad ranges and unknown names with the field to fix", async () => {
    const fields = async (q: Record<string, string>) => {
      const e = await errorOf(getReport(db, admin, q));
      if (e instanceof ValidationFailed) return e.fields;
      return (e as { issues: { path: string[] }[] }).issues.map((i) => i.path.join("."));
    };
    expect(await fields({ from: "2027-02-01", to: "2027-01-31" })).toEqual(["to"]);
    expect(await fields({ from: "2027-01-01", to: "2028-01-02" })).toEqual(["to"]);
    expect(await fields({ from: "2027-02-30", to: "2027-03-01" })).toEqual(["from"]);
    expect(await fields({ from: "2027-01-01" })).toEqual(["to"]);
    expect(await fields({ ...FIXTURE_RANGE, location: "nowhere" })).toEqual({
      location: "There is no location with that name.",
    });
    expect(await fields({ ...FIXTURE_RANGE, practitioner: "zed" })).toEqual({
      practitioner: "There is no practitioner with that name.",
    });
    // 365 days after the start is allowed
    expect((await getReport(db, admin, { from: "2027-01-01", to: "2028-01-01" })).to).toBe("2028-01-01");
  });

  it("is for admins only: reception and practitioners are refused", async () => {
    const reception = await addStaff(db, "reception", "Rita");
    const practitioner = await addStaff(db, "practitioner", "Amy", fixture.practitioners.amy);
    expect(await errorOf(getReport(db, reception, FIXTURE_RANGE))).toBeInstanceOf(Forbidden);
    expect(await errorOf(getReport(db, practitioner, FIXTURE_RANGE))).toBeInstanceOf(Forbidden);
    expect(await errorOf(getReport(db, { kind: "anonymous" }, FIXTURE_RANGE))).toBeInstanceOf(Forbidden);
  });
});
