// Clinic setup's verbs against a real database: who may run them, and what patients see at once afterwards.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { appointments, auditLog } from "@/db/schema";
import { listLocations } from "@/lib/catalog/list-locations";
import { listPractitioners } from "@/lib/catalog/list-practitioners";
import { listServices } from "@/lib/catalog/list-services";
import { Forbidden, NotBookableOnline, NotFound, ValidationFailed } from "@/lib/errors";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { listAvailability } from "@/lib/scheduling/list-availability";
import { bookPhoneAppointment } from "@/lib/staff/book-phone-appointment";
import { addStaff, bookOnline, errorOf, setUpReceptionTests, type TestStaff } from "@/lib/staff/testing/reception";
import { bookingBody, TEST_NOW } from "@/lib/testing/factories";
import { createLocation } from "./create-location";
import { createPractitioner } from "./create-practitioner";
import { createService } from "./create-service";
import { holidayRegions } from "./holiday-regions";
import { updateLocation } from "./update-location";
import { updatePractitioner } from "./update-practitioner";
import { updateService } from "./update-service";

let db: Db;
let reception: TestStaff;
let amy: TestStaff;
setUpReceptionTests((t) => ({ db, reception, amy } = t));
const admin = () => addStaff(db, "admin", "Manager");
const window = { location: "test-clinic", service: "physio-initial", from: "2026-12-01", to: "2026-12-01" };

describe("clinic setup verbs", () => {
  it("refuse reception and practitioners, and audit the refusal", async () => {
    for (const actor of [reception, amy]) {
      expect(await errorOf(createLocation(db, actor, {}))).toBeInstanceOf(Forbidden);
      expect(await errorOf(updateService(db, actor, "shockwave", {}))).toBeInstanceOf(Forbidden);
      expect(await errorOf(updatePractitioner(db, actor, "amy", { active: false }))).toBeInstanceOf(Forbidden);
    }
    const denied = await db.select().from(auditLog).where(eq(auditLog.action, "access.denied"));
    expect(denied).toHaveLength(6);
  });

  it("offer every Australian state and territory and New Zealand as holiday regions", () => {
    expect(holidayRegions().map((r) => r.code)).toEqual(
      expect.arrayContaining(["AU-ACT", "AU-NSW", "AU-NT", "AU-QLD", "AU-SA", "AU-TAS", "AU-VIC", "AU-WA", "NZ"]),
    );
  });

  it("an inactive practitioner offers no time, leaves the public list, and their future bookings come back as clashes", async () => {
    const manager = await admin();
    const booked = await bookOnline(db, "amy", "2026-12-01T09:00:00+11:00");
    expect((await listAvailability(db, { ...window, practitioner: "amy" }, TEST_NOW)).slots.length).toBeGreaterThan(0);
    const { clashes, practitioner } = await updatePractitioner(db, manager, "amy", { active: false }, TEST_NOW);
    expect(practitioner.active).toBe(false);
    expect(clashes.map((c) => c.id)).toEqual([booked]);
    expect(clashes[0]).toMatchObject({ status: "booked", practitioner: "amy", location: "test-clinic" });
    expect((await listPractitioners(db)).map((p) => p.slug)).toEqual(["bob"]);
    expect(await errorOf(listAvailability(db, { ...window, practitioner: "amy" }, TEST_NOW))).toBeInstanceOf(
      ValidationFailed,
    );
    const slots = (await listAvailability(db, window, TEST_NOW)).slots;
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.practitioner === "bob")).toBe(true);
    // the booking stays, flagged for reception to move; turning Amy back on clears the flag
    const flag = async () =>
      (await db.select({ at: appointments.needsMovingSince }).from(appointments).where(eq(appointments.id, booked)))[0]!
        .at;
    expect(await flag()).not.toBeNull();
    await updatePractitioner(db, manager, "amy", { active: true }, TEST_NOW);
    expect(await flag()).toBeNull();
  });

  it("an inactive location offers nothing, leaves the public lists, and keeps its appointments (as clashes)", async () => {
    const manager = await admin();
    const booked = await bookOnline(db, "bob", "2026-12-02T10:00:00+11:00");
    const { clashes } = await updateLocation(db, manager, "test-clinic", { active: false }, TEST_NOW);
    expect(clashes.map((c) => c.id)).toEqual([booked]);
    expect(await listLocations(db)).toEqual([]);
    expect(await listServices(db)).toEqual([]);
    expect(await listPractitioners(db)).toEqual([]);
    expect(await errorOf(listAvailability(db, window, TEST_NOW))).toBeInstanceOf(NotFound);
    expect((await listLocations(db, { includeInactive: true })).map((l) => l.slug)).toEqual(["test-clinic"]);
  });

  it("a service bookable by staff only leaves the public lists and is refused online, yet reception books it by phone", async () => {
    const manager = await admin();
    await updateService(db, manager, "shockwave", { bookableOnline: false });
    expect((await listServices(db)).map((s) => s.slug)).not.toContain("shockwave");
    expect((await listServices(db, {}, { includeStaffOnly: true })).map((s) => s.slug)).toContain("shockwave");
    const body = bookingBody({ service: "shockwave", start: "2026-12-01T10:00:00+11:00" });
    const refused = await errorOf(bookAppointment(db, { kind: "anonymous" }, body, { now: TEST_NOW }));
    expect(refused).toBeInstanceOf(NotBookableOnline);
    expect(await errorOf(listAvailability(db, { ...window, service: "shockwave" }, TEST_NOW))).toBeInstanceOf(
      NotBookableOnline,
    );
    const byPhone = await bookPhoneAppointment(db, reception, body, TEST_NOW);
    expect(byPhone.booking).toMatchObject({ status: "booked", service: "shockwave" });
  });

  it("a new location, service and practitioner are at once visible to patients, and every change is audited", async () => {
    const manager = await admin();
    await createLocation(db, manager, {
      slug: "perth",
      name: "Perth",
      timezone: "Australia/Perth",
      address: "1 Hay St, Perth WA 6000",
      holidayRegion: "AU-WA",
    });
    await createService(db, manager, {
      slug: "ep-initial",
      name: "Exercise physiology initial",
      discipline: "exercise-physiology",
      durationMinutes: 60,
      locations: ["perth"],
    });
    await createPractitioner(db, manager, {
      slug: "wendy",
      name: "Wendy West",
      discipline: "exercise-physiology",
      locations: ["perth"],
    });
    expect((await listLocations(db)).map((l) => l.slug)).toContain("perth");
    expect((await listServices(db, { location: "perth" })).map((s) => s.slug)).toEqual(["ep-initial"]);
    expect((await listPractitioners(db, { location: "perth" })).map((p) => p.slug)).toEqual(["wendy"]);
    const actions = (await db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(["setup.location.create", "setup.service.create", "setup.practitioner.create"]);
  });
});
