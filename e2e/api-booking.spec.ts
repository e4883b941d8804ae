import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { freeSlots, patient, weekdayAhead } from "./support/api";

// With Postgres, a second server process shares the database: races are real across processes.
// The embedded database allows one process only, so there the same requests go to one server.
const SECOND_PORT = 3101;
let second: ChildProcess | undefined;
const bases: string[] = [];

test.beforeAll(async ({ baseURL }) => {
  bases.push(baseURL!);
  if (!process.env.DATABASE_URL) return;
  second = spawn(process.execPath, ["lib/http/server.mjs", "-p", String(SECOND_PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, RATE_LIMIT_PER_MINUTE: "100000" },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${SECOND_PORT}`;
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  bases.push(url);
});
test.afterAll(() => second?.kill("SIGTERM"));

async function post(
  request: APIRequestContext,
  i: number,
  path: string,
  data: unknown,
  headers: Record<string, string> = {},
) {
  return request.post(`${bases[i % bases.length]}${path}`, { data, headers, failOnStatusCode: false });
}

test("50 parallel requests for one slot give exactly one booking and 49 clean 409s", async ({ request }) => {
  const [slot] = await freeSlots(request, {
    location: "chatswood",
    service: "physio-initial",
    from: weekdayAhead(9),
    to: weekdayAhead(16),
  });
  expect(slot).toBeDefined();
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      post(request, i, "/api/v1/bookings", {
        service: "physio-initial",
        location: "chatswood",
        practitioner: slot!.practitioner,
        start: slot!.start,
        patient: patient(`race${i}`),
      }),
    ),
  );
  const statuses = responses.map((r) => r.status()).sort();
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(49);
  const losers = await Promise.all(responses.filter((r) => r.status() === 409).map((r) => r.json()));
  for (const body of losers) expect(body.error.code).toBe("slot_unavailable");
  const after = await freeSlots(request, {
    location: "chatswood",
    service: "physio-initial",
    from: slot!.start.slice(0, 10),
    practitioner: slot!.practitioner,
  });
  expect(after.map((s) => s.start)).not.toContain(slot!.start);
});

test("a class of 6 takes exactly 6 of 20 parallel requests", async ({ request }) => {
  const slots = await freeSlots(request, {
    location: "martin-place",
    service: "pilates-class",
    from: weekdayAhead(14),
    to: weekdayAhead(28),
  });
  const full = slots.find((s) => s.remaining === 6);
  expect(full, "an empty class in the next weeks").toBeDefined();
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      post(request, i, "/api/v1/bookings", {
        service: "pilates-class",
        location: "martin-place",
        practitioner: full!.practitioner,
        start: full!.start,
        patient: patient(`class${i}`),
      }),
    ),
  );
  expect(responses.filter((r) => r.status() === 201)).toHaveLength(6);
  expect(responses.filter((r) => r.status() === 409)).toHaveLength(14);
});

test("overlapping bookings of different lengths are refused; a cancelled time is bookable at once", async ({
  request,
}) => {
  const slots = await freeSlots(request, {
    location: "martin-place",
    service: "physio-initial",
    from: weekdayAhead(10),
    to: weekdayAhead(17),
    practitioner: "priya-raman",
  });
  const first = slots[2]!;
  const res = await post(request, 0, "/api/v1/bookings", {
    service: "physio-initial",
    location: "martin-place",
    practitioner: "priya-raman",
    start: first.start,
    patient: patient("overlap"),
  });
  expect(res.status()).toBe(201);
  const booked = await res.json();
  // A 30-minute follow-up starting 15 minutes into the 45-minute visit overlaps it.
  const overlapStart = new Date(new Date(first.start).getTime() + 15 * 60_000);
  const iso = first.start.replace(
    /T\d\d:\d\d/,
    `T${new Intl.DateTimeFormat("en-GB", { timeZone: "Australia/Sydney", hour: "2-digit", minute: "2-digit", hour12: false }).format(overlapStart)}`,
  );
  const overlap = await post(request, 1, "/api/v1/bookings", {
    service: "physio-follow-up",
    location: "martin-place",
    practitioner: "priya-raman",
    start: iso,
    patient: patient("overlap2"),
  });
  expect(overlap.status()).toBe(409);
  const token = booked.manageUrl.split("/").pop();
  const cancel = await request.post(`/api/v1/bookings/${booked.booking.id}/cancel`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { reason: "Test" },
  });
  expect(cancel.status()).toBe(200);
  expect((await cancel.json()).booking.status).toBe("cancelled");
  const again = await request.post(`/api/v1/bookings/${booked.booking.id}/cancel`, {
    headers: { Authorization: `Bearer ${token}` },
    data: {},
  });
  expect(again.status()).toBe(409);
  const rebook = await post(request, 1, "/api/v1/bookings", {
    service: "physio-follow-up",
    location: "martin-place",
    practitioner: "priya-raman",
    start: iso,
    patient: patient("overlap3"),
  });
  expect(rebook.status()).toBe(201);
});

test("an idempotent retry returns the first booking, never a second", async ({ request }) => {
  const [slot] = await freeSlots(request, {
    location: "north-sydney",
    service: "ep-initial",
    from: weekdayAhead(11),
    to: weekdayAhead(18),
  });
  const body = {
    service: "ep-initial",
    location: "north-sydney",
    practitioner: slot!.practitioner,
    start: slot!.start,
    patient: patient("idem"),
  };
  const key = `idem-${Date.now()}`;
  const [a, b] = await Promise.all([
    post(request, 0, "/api/v1/bookings", body, { "Idempotency-Key": key }),
    post(request, 1, "/api/v1/bookings", body, { "Idempotency-Key": key }),
  ]);
  expect(a.status()).toBe(201);
  expect(b.status()).toBe(201);
  const [ja, jb] = [await a.json(), await b.json()];
  expect(jb).toEqual(ja);
  const read = await request.get(`/api/v1/bookings/${ja.booking.id}`, {
    headers: { Authorization: `Bearer ${ja.manageUrl.split("/").pop()}` },
  });
  expect((await read.json()).booking).toEqual(ja.booking);
});

test("reschedule keeps the old time when the new one is taken", async ({ request }) => {
  const slots = await freeSlots(request, {
    location: "online",
    service: "online-rehab-session",
    from: weekdayAhead(12),
    to: weekdayAhead(19),
    practitioner: "oliver-brooks",
  });
  const s1 = slots[0]!;
  const s3 = slots.find((s) => new Date(s.start).getTime() >= new Date(s1.end).getTime() + 30 * 60_000)!;
  const book = (start: string, tag: string) =>
    post(request, 0, "/api/v1/bookings", {
      service: "online-rehab-session",
      location: "online",
      practitioner: "oliver-brooks",
      start,
      patient: patient(tag),
    });
  const a = await (await book(s1.start, "move1")).json();
  expect((await book(s3.start, "move2")).status()).toBe(201);
  const auth = { Authorization: `Bearer ${a.manageUrl.split("/").pop()}` };
  const taken = await request.post(`/api/v1/bookings/${a.booking.id}/reschedule`, {
    headers: auth,
    data: { start: s3.start },
  });
  expect(taken.status()).toBe(409);
  expect((await taken.json()).error.code).toBe("slot_unavailable");
  expect((await (await request.get(`/api/v1/bookings/${a.booking.id}`, { headers: auth })).json()).booking.start).toBe(
    s1.start,
  );
});
