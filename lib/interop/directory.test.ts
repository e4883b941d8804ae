// The published directory on the demo clinic: valid FHIR R4, the SMART Scheduling Links test kit's manifest and Slot
// checks, and free slots that are exactly GET /api/v1/availability's for every location and service over 14 days.
import JSONSchemaValidator from "@asymmetrik/fhir-json-schema-validator";
import type { Slot } from "fhir/r4";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments } from "@/db/schema";
import type { DbHandle } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { listLocations } from "@/lib/catalog/list-locations";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { listAvailability } from "@/lib/scheduling/list-availability";
import { addDays, localDateOf } from "@/lib/scheduling/local-time";
import { createBookingSchema } from "@/lib/scheduling/schemas";
import { bookingBody, patientDetails } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import { buildDirectory, FEED_DAYS } from "./build-directory";
import { bulkManifest, parseSince, toNdjson } from "./bulk-publish";
import { capabilityStatement } from "./capability-statement";
import { directoryVersion } from "./directory-version";
import { BOOKING_DEEP_LINK, BOOKING_PHONE, type Publisher, SLOT_CAPACITY } from "./fhir-resources";
import { forgetPublishedDirectory, publishedDirectory, publisher } from "./published-directory";

let h: DbHandle;
const NOW = new Date("2026-11-30T08:00:00+11:00");
const P: Publisher = {
  baseUrl: "https://book.example.com.au",
  groupName: "Harbour Physio Group",
  groupPhone: "(02) 9000 4100",
};
let validator: JSONSchemaValidator;

beforeAll(async () => {
  validator = new JSONSchemaValidator();
  h = await createTestDb();
  await seedDemo(h.db, { password: "demo-password-1", now: NOW });
}, 300_000);
afterAll(async () => h.close());

const ext = (s: Slot, url: string) => s.extension?.find((e) => e.url === url);
// the test kit's INSTANT_REGEX (manifest_group.rb)
const INSTANT =
  /([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))/;

describe("a directory's referral on a booking", () => {
  it("refuses a referral that is too long or not printable", () => {
    const body = { ...bookingBody(), referral: { source: "x".repeat(101), bookingReferral: "a\u0007b" } };
    const parsed = createBookingSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual(["referral.source", "referral.bookingReferral"]);
    expect(createBookingSchema.safeParse({ ...bookingBody(), referral: {} }).success).toBe(true);
  });
});

describe("the published directory (demo clinic)", () => {
  it("gives exactly the free slots of /api/v1/availability for every location and service over 14 days, a class included", async () => {
    const d = await buildDirectory(h.db, P, NOW);
    const published = new Map<string, string[]>();
    const scheduleOf = new Map(d.schedules.map((s) => [s.id!, s]));
    for (const { resource: s } of d.slots) {
      const schedule = scheduleOf.get(s.schedule.reference!.split("/")[1]!)!;
      const loc = schedule.actor[0]!.reference!.split("/")[1]!;
      const svc = schedule.serviceType![0]!.coding![0]!.code!;
      const prac = schedule.actor.find((a) => a.reference!.startsWith("Practitioner/"))!.reference!.split("/")[1]!;
      const cap = ext(s, SLOT_CAPACITY)?.valueInteger;
      const k = `${loc}|${svc}`;
      published.set(k, [...(published.get(k) ?? []), `${s.start}|${s.end}|${prac}${cap ? `|${cap}` : ""}`]);
    }
    let pairs = 0;
    let classSlots = 0;
    for (const l of await listLocations(h.db))
      for (const svc of l.services) {
        const from = localDateOf(NOW, l.timezone);
        const a = await listAvailability(
          h.db,
          { location: l.slug, service: svc.slug, from, to: addDays(from, FEED_DAYS - 1) },
          NOW,
        );
        const expected = a.slots.map(
          (s) => `${s.start}|${s.end}|${s.practitioner}${svc.slug === "pilates-class" ? `|${s.remaining}` : ""}`,
        );
        expect(published.get(`${l.slug}|${svc.slug}`) ?? [], `${l.slug} ${svc.slug}`).toEqual(expected);
        if (svc.slug === "pilates-class") classSlots += expected.length;
        pairs++;
      }
    expect(pairs).toBeGreaterThan(10);
    expect(classSlots).toBeGreaterThan(0);
    expect(d.slots.length).toBeGreaterThan(100);
  });

  it("validates every resource against the official FHIR R4 JSON schema, and shows no patient", async () => {
    const d = await buildDirectory(h.db, P, NOW);
    const all = [
      ...d.locations,
      ...d.practitioners,
      ...d.practitionerRoles,
      ...d.healthcareServices,
      ...d.schedules,
      ...d.slots.map((s) => s.resource),
      // the package ships the schema of R4's first release (4.0.0), whose version list predates 4.0.1
      { ...capabilityStatement(P, "2026-12-07"), fhirVersion: "4.0.0" as const },
    ];
    expect(capabilityStatement(P, "2026-12-07").fhirVersion).toBe("4.0.1");
    for (const r of all) expect(validator.validate(r), `${r.resourceType}/${r.id}`).toEqual([]);
    expect(new Set(all.map((r) => r.resourceType)).size).toBe(7);
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/Patient\/|"Patient"|Appointment|birthDate|@example/);
    // the validator does reject a broken one
    expect(validator.validate({ ...d.slots[0]!.resource, status: "maybe" }).length).toBeGreaterThan(0);
  });

  it("gives a practitioner their qualifications, AHPRA registration and photo", async () => {
    const d = await buildDirectory(h.db, P, NOW);
    const amelia = d.practitioners.find((p) => p.id === "amelia-chen")!;
    expect(amelia.qualification).toEqual([{ code: { text: "BPhty (Hons), MSportsPhysio" } }]);
    expect(amelia.identifier).toContainEqual(
      expect.objectContaining({ system: "http://hl7.org.au/id/ahpra-registration-number", value: "PHY0001734521" }),
    );
    expect(amelia.photo).toEqual([
      {
        url: expect.stringMatching(
          /^https:\/\/book\.example\.com\.au\/api\/v1\/practitioners\/amelia-chen\/photo\?v=[0-9a-f]{16}$/,
        ),
      },
    ]);
    // exercise physiologists are not on the AHPRA register
    const grace = d.practitioners.find((p) => p.id === "grace-miller")!;
    expect(JSON.stringify(grace.identifier)).not.toContain("ahpra");
  });

  it("passes the test kit's Slot checks: free or busy, instants, a deep link and a phone on each, capacity on classes", async () => {
    const d = await buildDirectory(h.db, P, NOW);
    const scheduleIds = new Set(d.schedules.map((s) => s.id));
    for (const { resource: s } of d.slots) {
      expect(["free", "busy"]).toContain(s.status);
      expect(s.id!.length).toBeLessThanOrEqual(64);
      expect(s.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      expect(s.start).toMatch(INSTANT);
      expect(s.end).toMatch(INSTANT);
      expect(scheduleIds.has(s.schedule.reference!.replace("Schedule/", ""))).toBe(true);
      const link = new URL(ext(s, BOOKING_DEEP_LINK)!.valueUrl!);
      expect(link.origin + link.pathname).toBe(`${P.baseUrl}/book`);
      expect(link.searchParams.get("start")).toBe(s.start);
      expect(ext(s, BOOKING_PHONE)!.valueString).toMatch(/^\(02\) 9000 41\d\d$/);
    }
    const classes = d.slots.filter((s) => s.resource.id!.includes("pilates-class"));
    expect(classes.length).toBeGreaterThan(0);
    for (const c of classes) expect(ext(c.resource, SLOT_CAPACITY)!.valueInteger).toBeGreaterThan(0);
    // one Schedule per practitioner, location and service; its actor names the Location
    for (const s of d.schedules) expect(s.actor[0]!.reference).toMatch(/^Location\//);
    expect(new Set(d.schedules.map((s) => s.id)).size).toBe(d.schedules.length);
    // every line of a file is one minified resource
    const lines = toNdjson(d.slots.slice(0, 5).map((s) => s.resource))
      .trimEnd()
      .split("\n");
    expect(lines.map((l) => JSON.parse(l).resourceType)).toEqual(Array(5).fill("Slot"));
  });

  it("passes the test kit's manifest checks, and answers _since with nothing when nothing changed", async () => {
    const m = bulkManifest({
      baseUrl: P.baseUrl,
      request: `${P.baseUrl}/fhir/$bulk-publish`,
      transactionTime: NOW,
      states: ["NSW"],
      since: null,
    });
    expect(m.request.endsWith("$bulk-publish")).toBe(true);
    expect(m.transactionTime).toMatch(INSTANT);
    expect(m.output.map((o) => o.type)).toEqual(["Location", "Schedule", "Slot"]);
    for (const o of m.output) {
      expect(new URL(o.url).protocol).toMatch(/^https?:$/);
      expect(o.extension!.state.every((s) => typeof s === "string")).toBe(true);
    }
    expect(m.error).toEqual([]);
    const later = bulkManifest({
      ...m,
      baseUrl: P.baseUrl,
      transactionTime: NOW,
      states: [],
      since: parseSince(NOW.toISOString()),
    });
    expect(later.output).toEqual([]);
    expect(() => parseSince("yesterday")).toThrow(/not an instant/);
  });

  it("keeps its version while nothing changes, and a booking changes it and takes the slot out of the feed", async () => {
    forgetPublishedDirectory();
    const v1 = await directoryVersion(h.db, NOW);
    expect(await directoryVersion(h.db, new Date(NOW.getTime() + 30_000))).toBe(v1);
    const first = await publishedDirectory(h.db, NOW);
    const slot = first.published.Slot.find((s) => s.id!.startsWith("chatswood.physio-initial.")) as Slot;
    const link = new URL(ext(slot, BOOKING_DEEP_LINK)!.valueUrl!);
    const booked = await bookAppointment(
      h.db,
      { kind: "anonymous" },
      {
        service: link.searchParams.get("service"),
        location: link.searchParams.get("location"),
        practitioner: link.searchParams.get("practitioner"),
        start: link.searchParams.get("start"),
        patient: patientDetails(),
        referral: { source: "healthdirect", bookingReferral: "34d1a803-cd6c-4420-9cf5-c5edcc533538" },
      },
      { now: NOW },
    );
    const [row] = await h.db
      .select({ source: appointments.source, by: appointments.referralSource, ref: appointments.bookingReferral })
      .from(appointments)
      .where(eq(appointments.id, booked.booking.id));
    expect(row).toEqual({ source: "referral", by: "healthdirect", ref: "34d1a803-cd6c-4420-9cf5-c5edcc533538" });
    expect(await directoryVersion(h.db, NOW)).not.toBe(v1);
    const second = await publishedDirectory(h.db, NOW);
    expect(second.etag).not.toBe(first.etag);
    expect(second.published.Slot.some((s) => s.id === slot.id)).toBe(false);
    expect((await publisher(h.db)).baseUrl).toMatch(/^https?:\/\//);
  });

  it("drops a slot once it passes the service's minimum notice, without a rebuild, and says when", async () => {
    const a = await publishedDirectory(h.db, NOW);
    const first = a.published.Slot[0] as Slot;
    // a second past its start is past any minimum notice
    const past = new Date(Date.parse(first.start) + 1000);
    const b = await publishedDirectory(h.db, past);
    expect(b.published.Slot.some((s) => s.id === first.id)).toBe(false);
    expect(b.slotLines.map((l) => JSON.parse(l))).toEqual(b.published.Slot);
    expect(b.etag).not.toBe(a.etag);
    expect(b.transactionTime.getTime()).toBeGreaterThan(a.transactionTime.getTime());
  });
});
