import { expect, test } from "@playwright/test";
import { freeSlots, patient, weekdayAhead } from "./support/api";

const valid = (over: Record<string, unknown> = {}) => ({
  service: "physio-initial",
  location: "chatswood",
  start: "2030-01-01T09:00:00+11:00",
  patient: patient("err"),
  ...over,
});

async function expectError(res: import("@playwright/test").APIResponse, status: number, code: string) {
  expect(res.status(), await res.text()).toBe(status);
  const body = await res.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|select |insert |postgres|drizzle/i);
  return body;
}

test("bad JSON and non-object bodies are 400", async ({ request }) => {
  await expectError(
    await request.post("/api/v1/bookings", { headers: { "Content-Type": "application/json" }, data: "{not json" }),
    400,
    "bad_request",
  );
  await expectError(
    await request.post("/api/v1/bookings", { headers: { "Content-Type": "application/json" }, data: "[1,2]" }),
    400,
    "bad_request",
  );
  await expectError(
    await request.post("/api/v1/bookings", { headers: { "Content-Type": "application/json" }, data: "null" }),
    400,
    "bad_request",
  );
  await expectError(
    await request.post("/api/v1/triage", { headers: { "Content-Type": "application/json" }, data: '"text"' }),
    400,
    "bad_request",
  );
});

test("a 1 MB body is 413", async ({ request }) => {
  const big = JSON.stringify(valid({ notes: "x".repeat(1024 * 1024) }));
  await expectError(
    await request.post("/api/v1/bookings", { headers: { "Content-Type": "application/json" }, data: big }),
    413,
    "payload_too_large",
  );
});

test("wrong types and bad fields are 422 with a message per field", async ({ request }) => {
  const body = await expectError(
    await request.post("/api/v1/bookings", {
      data: valid({
        start: "tomorrow",
        patient: { firstName: 42, lastName: "", email: "not-an-email", phone: "x", dateOfBirth: "1990-02-30" },
      }),
    }),
    422,
    "validation_failed",
  );
  for (const f of [
    "start",
    "patient.firstName",
    "patient.lastName",
    "patient.email",
    "patient.phone",
    "patient.dateOfBirth",
  ])
    expect(body.error.fields[f], f).toBeTruthy();
  const tags = await expectError(
    await request.post("/api/v1/bookings", {
      data: valid({ patient: { ...patient("x"), firstName: "<script>alert(1)</script>" } }),
    }),
    422,
    "validation_failed",
  );
  expect(tags.error.fields["patient.firstName"]).toBeTruthy();
  await expectError(
    await request.post("/api/v1/bookings", { data: valid({ notes: "n".repeat(1001) }) }),
    422,
    "validation_failed",
  );
});

test("unknown slugs and ids are 404; slug-shaped SQL is refused as invalid", async ({ request }) => {
  await expectError(
    await request.post("/api/v1/bookings", { data: valid({ location: "atlantis" }) }),
    404,
    "not_found",
  );
  await expectError(await request.post("/api/v1/bookings", { data: valid({ service: "massage" }) }), 404, "not_found");
  await expectError(
    await request.get("/api/v1/availability?location=atlantis&service=physio-initial&from=2030-01-01&to=2030-01-02"),
    404,
    "not_found",
  );
  await expectError(await request.get("/api/v1/services?location=nowhere"), 404, "not_found");
  await expectError(
    await request.post("/api/v1/bookings", { data: valid({ location: "x'; drop table appointments; --" }) }),
    422,
    "validation_failed",
  );
  await expectError(
    await request.get("/api/v1/bookings/not-a-uuid", { headers: { Authorization: "Bearer abc" } }),
    404,
    "not_found",
  );
  await expectError(await request.get("/api/v1/bookings/00000000-0000-4000-8000-000000000000"), 404, "not_found");
  await expectError(await request.get("/api/v1/no-such-thing"), 404, "not_found");
});

test("availability ranges: at most 31 days, from before to, real dates", async ({ request }) => {
  const q = (from: string, to: string) =>
    request.get(`/api/v1/availability?location=chatswood&service=physio-initial&from=${from}&to=${to}`);
  await expectError(await q("2030-01-01", "2030-02-15"), 422, "validation_failed");
  await expectError(await q("2030-01-10", "2030-01-01"), 422, "validation_failed");
  await expectError(await q("2030-02-30", "2030-03-01"), 422, "validation_failed");
  await expectError(await request.get("/api/v1/availability?location=chatswood"), 422, "validation_failed");
  expect((await q("2030-01-01", "2030-01-31")).status()).toBe(200);
});

test("booking outside the window is 422 outside_booking_window; SQL-looking notes are stored as text", async ({
  request,
}) => {
  await expectError(
    await request.post("/api/v1/bookings", { data: valid({ start: "2031-06-02T09:00:00+10:00" }) }),
    422,
    "outside_booking_window",
  );
  const [slot] = await freeSlots(request, {
    location: "barangaroo",
    service: "physio-follow-up",
    from: weekdayAhead(13),
    to: weekdayAhead(20),
  });
  const res = await request.post("/api/v1/bookings", {
    data: {
      service: "physio-follow-up",
      location: "barangaroo",
      practitioner: slot!.practitioner,
      start: slot!.start,
      patient: patient("sql"),
      notes: "Robert'); DROP TABLE patients;--",
    },
  });
  expect(res.status()).toBe(201);
  expect((await request.get("/api/v1/locations")).status()).toBe(200);
});

test("triage refuses unknown linkIds and codes with 422", async ({ request }) => {
  const a = await expectError(
    await request.post("/api/v1/triage", { data: { answers: { "no-such-question": true } } }),
    422,
    "validation_failed",
  );
  expect(Object.keys(a.error.fields).join()).toContain("no-such-question");
  const b = await expectError(
    await request.post("/api/v1/triage", { data: { answers: { region: "elbow" } } }),
    422,
    "validation_failed",
  );
  expect(Object.keys(b.error.fields).join()).toContain("region");
});

test("call-us after a red flag: 202 once, then 409; 404, 422 and 400 for the wrong request", async ({ request }) => {
  const stop = await (
    await request.post("/api/v1/triage", { data: { answers: { region: "buttock", "rf-saddle-numbness": true } } })
  ).json();
  const go = await (await request.post("/api/v1/triage", { data: { answers: { region: "buttock" } } })).json();
  const callUs = (id: string, data: unknown) => request.post(`/api/v1/triage/${id}/call-us`, { data });
  await expectError(await callUs(stop.id, { firstName: "", email: "not-an-email" }), 422, "validation_failed");
  await expectError(
    await request.post(`/api/v1/triage/${stop.id}/call-us`, {
      headers: { "Content-Type": "application/json" },
      data: "{oops",
    }),
    400,
    "bad_request",
  );
  await expectError(
    await callUs(stop.id, { firstName: "Zoe", email: "zoe@example.com", location: "atlantis" }),
    422,
    "validation_failed",
  );
  const ok = await callUs(stop.id, { firstName: "Zoe", email: "zoe@example.com", location: "chatswood" });
  expect(ok.status()).toBe(202);
  expect(await ok.json()).toEqual({ requested: true });
  await expectError(await callUs(stop.id, { firstName: "Zoe", email: "zoe@example.com" }), 409, "conflict");
  await expectError(await callUs(go.id, { firstName: "Zoe", email: "zoe@example.com" }), 409, "conflict");
  await expectError(
    await callUs("00000000-0000-4000-8000-000000000000", { firstName: "Zoe", email: "zoe@example.com" }),
    404,
    "not_found",
  );
  await expectError(await callUs("<script>", { firstName: "Zoe", email: "zoe@example.com" }), 404, "not_found");
});

test("a manage token that does not match is a plain 404", async ({ request }) => {
  const [slot] = await freeSlots(request, {
    location: "online",
    service: "online-rehab-session",
    from: weekdayAhead(9),
    to: weekdayAhead(16),
  });
  const res = await request.post("/api/v1/bookings", {
    data: {
      service: "online-rehab-session",
      location: "online",
      practitioner: slot!.practitioner,
      start: slot!.start,
      patient: patient("token"),
    },
  });
  const { booking } = await res.json();
  await expectError(
    await request.get(`/api/v1/bookings/${booking.id}`, { headers: { Authorization: "Bearer wrong" } }),
    404,
    "not_found",
  );
  await expectError(await request.get(`/api/v1/bookings/${booking.id}`), 404, "not_found");
  await expectError(
    await request.post(`/api/v1/bookings/${booking.id}/cancel`, {
      headers: { Authorization: "Bearer wrong" },
      data: {},
    }),
    404,
    "not_found",
  );
});

test("the public reading endpoints follow the contract", async ({ request }) => {
  const locations = (await (await request.get("/api/v1/locations")).json()).locations;
  expect(locations.map((l: { slug: string }) => l.slug).sort()).toEqual([
    "barangaroo",
    "chatswood",
    "martin-place",
    "mosman",
    "north-sydney",
    "online",
  ]);
  expect(locations.find((l: { slug: string }) => l.slug === "online")).toMatchObject({
    online: true,
    timezone: "Australia/Sydney",
    address: null,
  });
  const services = (await (await request.get("/api/v1/services?location=martin-place")).json()).services;
  expect(services.map((s: { slug: string }) => s.slug).sort()).toEqual([
    "physio-follow-up",
    "physio-initial",
    "pilates-class",
    "shockwave",
  ]);
  expect(services.find((s: { slug: string }) => s.slug === "pilates-class")).toMatchObject({
    capacity: 6,
    durationMinutes: 55,
    discipline: "sports-physio",
    online: false,
  });
  const practitioners = (
    await (await request.get("/api/v1/practitioners?location=online&discipline=exercise-physiology")).json()
  ).practitioners;
  expect(practitioners.length).toBeGreaterThanOrEqual(3);
  const avail = await (
    await request.get(
      `/api/v1/availability?location=chatswood&service=physio-initial&from=${weekdayAhead(7)}&to=${weekdayAhead(14)}`,
    )
  ).json();
  expect(avail.timezone).toBe("Australia/Sydney");
  expect(avail.slots.length).toBeGreaterThan(0);
  expect(avail.slots[0].start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+1[01]:00$/);
  // Priya works 07:30-15:30 at Martin Place with lunch 12:30-13:15: every slot is in there, in Sydney time.
  const priya = await freeSlots(request, {
    location: "martin-place",
    service: "physio-initial",
    from: weekdayAhead(8),
    to: weekdayAhead(12),
    practitioner: "priya-raman",
  });
  expect(priya.length).toBeGreaterThan(0);
  for (const s of priya) {
    const [start, end] = [s.start.slice(11, 16), s.end.slice(11, 16)];
    expect(start >= "07:30" && end <= "15:30", s.start).toBe(true);
    expect(end <= "12:30" || start >= "13:15", s.start).toBe(true);
  }
  const sorted = [...avail.slots].sort(
    (a, b) => a.start.localeCompare(b.start) || a.practitioner.localeCompare(b.practitioner),
  );
  expect(avail.slots).toEqual(sorted);
});
