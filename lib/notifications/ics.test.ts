import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { BookingDetail } from "@/lib/scheduling/booking-dto";
import { buildBookingIcs } from "./ics";

function detail(startIso: string, minutes: number, over: Partial<BookingDetail["a"]> = {}): BookingDetail {
  const startsAt = new Date(startIso);
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  return {
    a: {
      id: "0b7f3c2e-8a1d-4c55-9f7e-3d2a1b0c9e8f",
      startsAt,
      endsAt,
      status: "booked",
      updatedAt: startsAt,
      notes: "sore left heel",
      ...over,
    },
    service: { name: "Sports physiotherapy initial assessment" },
    location: {
      name: "Martin Place",
      timezone: "Australia/Sydney",
      address: "Level 4, 60 Martin Place, Sydney NSW 2000",
      phone: "(02) 9000 4101",
      online: false,
    },
    practitioner: { slug: "amelia-chen", name: "Amelia Chen" },
    patient: { id: "p", firstName: "Ana", lastName: "Lee", email: "ana@example.com" },
  } as unknown as BookingDetail;
}

function read(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const event = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
  return { event, start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString() };
}

describe("buildBookingIcs", () => {
  // 09:00 in Sydney is 22:00 UTC the day before in summer (AEDT, +11) and 23:00 in winter (AEST, +10)
  it.each([
    ["summer", "2026-12-01T09:00:00+11:00", "2026-11-30T22:00:00.000Z", "20261201T090000"],
    ["winter", "2026-07-14T09:00:00+10:00", "2026-07-13T23:00:00.000Z", "20260714T090000"],
    ["the morning DST ends", "2026-04-05T09:00:00+10:00", "2026-04-04T23:00:00.000Z", "20260405T090000"],
    ["the morning DST starts", "2026-10-04T09:00:00+11:00", "2026-10-03T22:00:00.000Z", "20261004T090000"],
  ])("puts a %s appointment at the Sydney wall-clock time and the right instant", (_label, start, utc, local) => {
    const ics = buildBookingIcs(detail(start, 45), { sequence: 0, uidDomain: "demo.clinic" });
    expect(ics).toContain(`DTSTART;TZID=Australia/Sydney:${local}`);
    expect(ics).toContain("BEGIN:VTIMEZONE");
    const { start: s, end: e } = read(ics);
    expect(s).toBe(utc);
    expect(new Date(e).getTime() - new Date(s).getTime()).toBe(45 * 60_000);
  });

  it("keeps one UID per appointment, carries the sequence, marks cancellation, and leaves out notes", () => {
    const ics = buildBookingIcs(detail("2026-12-01T09:00:00+11:00", 45, { status: "cancelled" }), {
      sequence: 2,
      uidDomain: "demo.clinic",
    });
    const { event } = read(ics);
    expect(event.uid).toBe("0b7f3c2e-8a1d-4c55-9f7e-3d2a1b0c9e8f@demo.clinic");
    expect(event.sequence).toBe(2);
    expect(event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.location).toBe("Harbour Physio Group Martin Place, Level 4, 60 Martin Place, Sydney NSW 2000");
    expect(ics).not.toMatch(/heel/i);
  });
});

describe("the .ics is strict RFC 5545", () => {
  const lines = (ics: string) => ics.split("\r\n");
  it("has a VTIMEZONE for every TZID, a UTC DTSTAMP and no non-standard properties", () => {
    const ics = buildBookingIcs(detail("2026-12-01T09:00:00+11:00", 45), { sequence: 0, uidDomain: "demo.clinic" });
    const tzids = new Set([...ics.matchAll(/TZID=([^:;]+)/g)].map((m) => m[1]));
    const zones = new Set(
      new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")),
    );
    expect([...tzids].every((t) => zones.has(t!))).toBe(true);
    expect(lines(ics).find((l) => l.startsWith("DTSTAMP"))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(lines(ics).filter((l) => /^(X-|TIMEZONE-ID)/.test(l))).toEqual([]);
    expect(new ICAL.Component(ICAL.parse(ics)).getFirstPropertyValue("method")).toBe("PUBLISH");
  });
  it("cancels with METHOD:CANCEL, STATUS:CANCELLED and the same UID, with an organizer", () => {
    const booked = read(
      buildBookingIcs(detail("2026-12-01T09:00:00+11:00", 45), { sequence: 0, uidDomain: "demo.clinic" }),
    );
    const ics = buildBookingIcs(detail("2026-12-01T09:00:00+11:00", 45, { status: "cancelled" }), {
      sequence: 1,
      uidDomain: "demo.clinic",
      organizerEmail: "bookings@demo.clinic",
    });
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue("method")).toBe("CANCEL");
    const { event } = read(ics);
    expect(event.uid).toBe(booked.event.uid);
    expect(event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(String(event.component.getFirstPropertyValue("organizer"))).toBe("mailto:bookings@demo.clinic");
  });
});
