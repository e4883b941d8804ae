import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { NotFound } from "@/lib/errors";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { bookingBody, createMiniClinic, tamperedToken, TEST_NOW } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import { getBookingCalendar } from "./booking-calendar";

let handle: DbHandle;
beforeEach(async () => {
  handle = await createTestDb();
  await createMiniClinic(handle.db);
});
afterEach(async () => handle.close());

describe("the booking's calendar download", () => {
  it("gives the .ics for the right manage token and a plain 404 for any other", async () => {
    const body = await bookAppointment(handle.db, { kind: "anonymous" }, bookingBody(), { now: TEST_NOW });
    const token = body.manageUrl.split("/").pop()!;
    const ics = await getBookingCalendar(handle.db, body.booking.id, token);
    const cal = new ICAL.Component(ICAL.parse(ics));
    for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
    expect(new ICAL.Event(cal.getFirstSubcomponent("vevent")!).startDate.toJSDate().toISOString()).toBe(
      "2026-11-30T22:00:00.000Z",
    );

    const intakeToken = body.intakeUrl.split("/").pop()!;
    for (const wrong of [intakeToken, tamperedToken(token), null]) {
      await expect(getBookingCalendar(handle.db, body.booking.id, wrong)).rejects.toBeInstanceOf(NotFound);
    }
    await expect(getBookingCalendar(handle.db, "not-a-uuid", token)).rejects.toBeInstanceOf(NotFound);
  });
});
