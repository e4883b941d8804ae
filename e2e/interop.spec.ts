// Open availability: the FHIR directory and its SMART Scheduling Links feed, a directory's deep link booked through
// /book with its source recorded, and a practitioner's calendar feed.
import type { Slot } from "fhir/r4";
import ICAL from "ical.js";
import { expect, test } from "./fixtures";
import { bookOneOf, freeSlots, patient, weekdayAhead } from "./support/api";
import { confirmBooking, fillDetails, newPatient, stepHeading } from "./support/booking";
import { signIn } from "./support/staff";

const DEEP_LINK = "http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link";
/** The feed's absolute links name the public address; the suite's server is on another port. */
const local = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

test("the FHIR directory: metadata, the $bulk-publish manifest and files, caching, 404 and 400", async ({
  request,
}) => {
  const meta = await request.get("/fhir/metadata");
  expect(meta.status()).toBe(200);
  expect(meta.headers()["content-type"]).toContain("application/fhir+json");
  expect((await meta.json()).resourceType).toBe("CapabilityStatement");

  const manifest = await request.get("/fhir/$bulk-publish", { headers: { Accept: "application/json" } });
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["cache-control"]).toMatch(/max-age=60/);
  const etag = manifest.headers()["etag"]!;
  expect(etag).toBeTruthy();
  const body = await manifest.json();
  expect(body.output.map((o: { type: string }) => o.type)).toEqual(["Location", "Schedule", "Slot"]);
  expect(body.error).toEqual([]);
  // unchanged since: 304. Other tests book at the same time and so change the directory (a new ETag, rightly), so
  // the pair is asked again until nothing changed in between.
  await expect(async () => {
    const fresh = (await request.get("/fhir/$bulk-publish")).headers()["etag"]!;
    const again = await request.get("/fhir/$bulk-publish", { headers: { "If-None-Match": fresh } });
    expect(again.status()).toBe(304);
  }).toPass({ timeout: 30_000 });
  expect((await request.get("/fhir/$bulk-publish", { headers: { "If-None-Match": '"not-it"' } })).status()).toBe(200);

  for (const o of body.output as { type: string; url: string }[]) {
    const file = await request.get(local(o.url), { headers: { Accept: "application/fhir+ndjson" } });
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toContain("application/fhir+ndjson");
    const lines = (await file.text()).trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => JSON.parse(l).resourceType === o.type)).toBe(true);
  }

  const missing = await request.get("/fhir/Location/no-such-place");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).resourceType).toBe("OperationOutcome");
  const bad = await request.get("/fhir/Slot?start=whenever");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).resourceType).toBe("OperationOutcome");
  const page = await (await request.get("/fhir/Slot?status=free&_count=2")).json();
  expect(page).toMatchObject({ resourceType: "Bundle", type: "searchset" });
  expect(page.entry).toHaveLength(2);
  expect(page.link.some((l: { relation: string }) => l.relation === "next")).toBe(true);
});

test("a directory's deep link opens /book with the time chosen, books it, and the booking keeps its source", async ({
  page,
  request,
  checkA11y,
}, info) => {
  test.slow();
  const slots = await (await request.get("/fhir/$bulk-publish/Slot.ndjson")).text();
  const candidates = slots
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Slot)
    .filter((s) => s.id!.includes(".physio-follow-up."));
  // the two browser projects run at once: each takes its own end of the list
  const slot = info.project.name === "phone" ? candidates.at(-1)! : candidates.at(-2)!;
  const link = new URL(slot.extension!.find((e) => e.url === DEEP_LINK)!.valueUrl!);
  link.searchParams.set("source", "healthdirect");
  link.searchParams.set("booking-referral", `ref-${Date.now()}`);

  await page.goto(local(link.toString()));
  await expect(stepHeading(page, "Your details")).toBeVisible();
  await checkA11y();
  const who = newPatient("Deeplink");
  await fillDetails(page, who);
  await page.getByRole("button", { name: "Review booking" }).click();
  await expect(stepHeading(page, "Check and confirm")).toBeVisible();
  await confirmBooking(page);

  // reception sees where it came from
  await page.context().clearCookies();
  await signIn(page, "reception@demo.clinic");
  await page.goto(`/patients?q=${encodeURIComponent(who.email)}`);
  await page.getByRole("link", { name: new RegExp(`${who.lastName}, ${who.firstName}`) }).click();
  await expect(page.getByRole("cell", { name: "Directory referral" })).toBeVisible();
});

test("a practitioner's calendar feed: a booking made a moment before, no cancelled ones, a replaced address gives 404", async ({
  page,
  request,
  checkA11y,
}, info) => {
  test.slow();
  const me = info.project.name === "phone" ? "priya-raman" : "amelia-chen";
  await signIn(page, `${me}@demo.clinic`);
  await page.goto("/my-calendar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your appointments in your own calendar");
  await checkA11y();
  const feedUrl = await page.getByLabel("Calendar address").inputValue();
  expect(feedUrl).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

  const { practitioners } = await (await request.get("/api/v1/practitioners")).json();
  const where = (practitioners as { slug: string; locations: string[]; discipline: string }[]).find(
    (p) => p.slug === me,
  )!;
  const service = where.discipline === "sports-physio" ? "physio-follow-up" : "ep-session";
  const free = await freeSlots(request, {
    location: where.locations.find((l) => l !== "online") ?? where.locations[0]!,
    service,
    from: weekdayAhead(20),
    to: weekdayAhead(27),
    practitioner: me,
  });
  const kept = (await bookOneOf(request, service, free, patient("feedkeep"), "random"))!;
  const gone = (await bookOneOf(request, service, free, patient("feedgone"), "random"))!;
  const cancel = await request.post(`/api/v1/bookings/${gone.booking.id}/cancel`, {
    headers: { Authorization: `Bearer ${gone.manageUrl.split("/").pop()}` },
    data: { reason: "Test" },
  });
  expect(cancel.status()).toBe(200);

  const res = await request.get(local(feedUrl));
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/calendar");
  const cal = new ICAL.Component(ICAL.parse(await res.text()));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const events = cal.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  const mine = events.find((e) => e.uid.startsWith(kept.booking.id));
  expect(mine, "the booking made a moment before").toBeTruthy();
  expect(mine!.startDate.toJSDate().toISOString()).toBe(new Date(kept.booking.start).toISOString());
  expect(mine!.summary).toMatch(/: Test P\.$/);
  expect(events.some((e) => e.uid.startsWith(gone.booking.id))).toBe(false);

  await page.getByRole("button", { name: "Replace my calendar address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "new address" })).toBeVisible();
  const fresh = await page.getByLabel("Calendar address").inputValue();
  expect(fresh).not.toBe(feedUrl);
  expect((await request.get(local(feedUrl))).status()).toBe(404);
  expect((await request.get(local(fresh))).status()).toBe(200);
  await checkA11y();
});
