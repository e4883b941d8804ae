// The practitioner's calendar feed: RFC 5545 that ical.js reads, their own appointments only, cancelled ones left
// out, the patient as first name and last initial, and a replaced secret that finds nothing.
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import { cancelByStaff } from "@/lib/staff/cancel-by-staff";
import { addStaff, bookOnline, errorOf, type TestStaff } from "@/lib/staff/testing/reception";
import { createMiniClinic, type MiniClinic, TEST_NOW } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import { getCalendarFeed } from "./get-calendar-feed";
import { getMyCalendarFeed } from "./get-my-calendar-feed";
import { shortName } from "./practitioner-calendar";
import { replaceCalendarSecret } from "./replace-calendar-secret";

let h: DbHandle;
let clinic: MiniClinic;
let amy: TestStaff;
beforeEach(async () => {
  h = await createTestDb();
  clinic = await createMiniClinic(h.db);
  amy = await addStaff(h.db, "practitioner", "Amy Adams", clinic.practitionerIds.amy);
});
afterEach(async () => h.close());

const secretOf = (url: string) =>
  url
    .split("/")
    .pop()!
    .replace(/\.ics$/, "");
function events(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return cal.getAllSubcomponents("vevent").map((c) => {
    const e = new ICAL.Event(c);
    return { uid: e.uid, start: e.startDate.toJSDate().toISOString(), summary: e.summary, location: e.location };
  });
}

describe("practitioner calendar feed", () => {
  it("lists the practitioner's own appointments in UTC-correct times, without cancelled ones or contact details", async () => {
    const kept = await bookOnline(h.db, "amy", "2026-12-01T09:00:00+11:00", { firstName: "Ana", lastName: "lee" });
    const cancelled = await bookOnline(h.db, "amy", "2026-12-01T10:00:00+11:00");
    await bookOnline(h.db, "bob", "2026-12-01T09:00:00+11:00");
    const reception = await addStaff(h.db, "reception", "Rita Reception");
    await cancelByStaff(h.db, reception, cancelled, { reason: "Patient rang" }, TEST_NOW);

    const { url, webcalUrl } = await getMyCalendarFeed(h.db, amy);
    expect(url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(webcalUrl.startsWith("webcal://")).toBe(true);
    const ics = await getCalendarFeed(h.db, secretOf(url), TEST_NOW);
    const list = events(ics);
    expect(list).toEqual([
      {
        uid: expect.stringContaining(kept),
        start: "2026-11-30T22:00:00.000Z",
        summary: "Physio: Ana L.",
        location: "Test Clinic, 1 Test St, Sydney NSW 2000",
      },
    ]);
    expect(ics).not.toMatch(/@example\.com|0412|1990-04-02/);
    // the same address again on the next visit
    expect((await getMyCalendarFeed(h.db, amy)).url).toBe(url);
  });

  it("answers 404 for an unknown or replaced secret, and audits the replacement without the secret", async () => {
    const { url } = await getMyCalendarFeed(h.db, amy);
    const fresh = await replaceCalendarSecret(h.db, amy);
    expect(fresh.url).not.toBe(url);
    expect(await errorOf(getCalendarFeed(h.db, secretOf(url), TEST_NOW))).toBeInstanceOf(NotFound);
    expect(await errorOf(getCalendarFeed(h.db, "nope", TEST_NOW))).toBeInstanceOf(NotFound);
    await expect(getCalendarFeed(h.db, secretOf(fresh.url), TEST_NOW)).resolves.toContain("BEGIN:VCALENDAR");
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.action, "calendar_feed.replace"));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secretOf(fresh.url));
  });

  it("is for practitioners only", async () => {
    const reception = await addStaff(h.db, "reception", "Rita Reception");
    expect(await errorOf(getMyCalendarFeed(h.db, reception))).toMatchObject({ status: 403 });
    expect(shortName({ firstName: "Zoë", lastName: "   østergaard" })).toBe("Zoë Ø.");
  });
});
