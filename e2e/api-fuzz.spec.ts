// Every API route, signed out and signed in as an admin, fed malformed input: never a 5xx, always the one
// error shape. A table of routes, not random input, so a failure names the request that caused it.
import { expect, request as newRequest, test, type APIRequestContext } from "@playwright/test";
import { credentialsSignIn } from "./support/staff";

const IDS = [
  "x",
  "00000000-0000-0000-0000-000000000000",
  "00000000-0000-4000-8000-000000000000",
  "%00",
  "..%2F..%2Fetc",
  "ä😀",
  "1".repeat(300),
  "' or 1=1 --",
];
const BODIES: unknown[] = [
  {},
  [],
  "text",
  0,
  true,
  null,
  {
    start: "yesterday",
    service: 42,
    location: ["a"],
    practitioner: { slug: 1 },
    patient: "me",
    reason: 7,
    status: "exploded",
    date: "2026-13-45",
  },
  {
    start: "2026-02-30T09:00:00+11:00",
    patient: {
      firstName: "<script>",
      lastName: "x".repeat(5000),
      email: "a@b",
      phone: "++",
      dateOfBirth: "3000-01-01",
    },
  },
  { answers: { region: ["buttock", "buttock"], "rf-saddle-numbness": "yes" }, age: -4 },
  { answers: "none", age: 1e308 },
  { firstName: "\u0000", email: "x@example.com\r\nBcc: y@example.com" },
  // a booking valid but for a NUL in the name (it used to reach Postgres: a 500)
  {
    service: "physio-initial",
    location: "chatswood",
    start: "2030-01-01T09:00:00+11:00",
    patient: {
      firstName: "An\u0000a",
      lastName: "Lee",
      email: "nul@example.com",
      phone: "0412 345 678",
      dateOfBirth: "1990-04-02",
    },
  },
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'),
];
const QUERIES = [
  "",
  "?location=&service=",
  "?location=chatswood&service=physio-initial&from=2026-02-30&to=2020-01-01",
  "?from=" + "9".repeat(50),
  "?date=x&location=%00&week=-1&q=" + encodeURIComponent("' or 1=1 --"),
  "?location[]=a&location[]=b",
  // dates past what the clinic deals in, and NULs, used to reach Postgres (500s)
  "?location=chatswood&service=physio-initial&from=9999-12-01&to=9999-12-31",
  "?q=%00%00&location=chatswood&date=9999-12-31",
];

const GET_ROUTES = [
  "/api/v1/locations",
  "/api/v1/services",
  "/api/v1/practitioners",
  "/api/v1/availability",
  "/api/v1/questionnaires/intake",
  "/api/v1/staff/appointments",
  "/api/v1/staff/availability",
  "/api/v1/staff/calendar/day",
  "/api/v1/staff/calendar/week",
  "/api/v1/staff/patients",
];
const GET_BY_ID = [
  "/api/v1/bookings/{id}",
  "/api/v1/bookings/{id}/calendar.ics",
  "/api/v1/staff/appointments/{id}/intake",
  "/api/v1/staff/patients/{id}",
];
const POST_ROUTES = ["/api/v1/bookings", "/api/v1/triage", "/api/v1/staff/appointments"];
const POST_BY_ID = [
  "/api/v1/bookings/{id}/cancel",
  "/api/v1/bookings/{id}/reschedule",
  "/api/v1/triage/{id}/call-us",
  "/api/v1/staff/appointments/{id}/called",
  "/api/v1/staff/appointments/{id}/cancel",
  "/api/v1/staff/appointments/{id}/move",
  "/api/v1/staff/appointments/{id}/status",
];

async function signedInAdmin(baseURL: string): Promise<APIRequestContext> {
  const ctx = await newRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77" } });
  const res = await (await credentialsSignIn(ctx))("admin@demo.clinic");
  expect(res.status(), "admin sign-in").toBeLessThan(400);
  // really signed in: a staff route answers
  expect((await ctx.get("/api/v1/staff/appointments?location=chatswood&date=2026-12-01")).status()).toBe(200);
  return ctx;
}

async function expectClean(res: import("@playwright/test").APIResponse, what: string) {
  const status = res.status();
  expect(status, `${what} → ${status}: ${(await res.text()).slice(0, 200)}`).toBeLessThan(500);
  if (status >= 400 && (res.headers()["content-type"] ?? "").includes("json")) {
    const body = await res.json();
    expect(typeof body?.error?.code, `${what}: the one error shape`).toBe("string");
    expect(JSON.stringify(body), `${what}: nothing internal`).not.toMatch(
      /at \w+ \(|select |insert |postgres|drizzle|TypeError/i,
    );
  }
}

type Probe = [what: string, send: (api: APIRequestContext) => Promise<import("@playwright/test").APIResponse>];

/** Every malformed request, named; sent a few at a time (each is independent, and most of the time is the round trip). */
function probes(): Probe[] {
  const list: Probe[] = [];
  for (const path of GET_ROUTES) for (const q of QUERIES) list.push([`GET ${path}${q}`, (api) => api.get(path + q)]);
  for (const path of GET_BY_ID) {
    for (const id of IDS) {
      const url = path.replace("{id}", id);
      list.push([`GET ${path} id=${id}`, (api) => api.get(url)]);
      list.push([
        `GET ${path} id=${id} with a token`,
        (api) =>
          api.get(url + "?token=" + encodeURIComponent(id), {
            headers: { Authorization: `Bearer ${encodeURIComponent(id)}` },
          }),
      ]);
    }
  }
  for (const path of [
    ...POST_ROUTES,
    ...POST_BY_ID.flatMap((p) => IDS.slice(0, 4).map((id) => p.replace("{id}", id))),
  ]) {
    for (const body of BODIES) {
      list.push([
        `POST ${path} ${JSON.stringify(body)?.slice(0, 80)}`,
        (api) => api.post(path, { data: body as object, headers: { Authorization: "Bearer nope" } }),
      ]);
    }
    list.push([
      `POST ${path} truncated JSON`,
      (api) => api.post(path, { headers: { "Content-Type": "application/json" }, data: '{"a":' }),
    ]);
    list.push([
      `POST ${path} text/plain`,
      (api) => api.post(path, { headers: { "Content-Type": "text/plain" }, data: "hello" }),
    ]);
    list.push([
      `POST ${path} 70 KB`,
      (api) => api.post(path, { headers: { "Content-Type": "application/json" }, data: "x".repeat(70_000) }),
    ]);
  }
  return list;
}

const AT_ONCE = 6;

for (const who of ["signed out", "admin"] as const) {
  test(`no malformed request to any API route gives a 5xx (${who})`, async ({ request, baseURL }) => {
    test.setTimeout(300_000);
    const api = who === "admin" ? await signedInAdmin(baseURL!) : request;
    const queue = probes();
    expect(queue.length).toBeGreaterThan(600);
    await Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        for (let probe = queue.shift(); probe; probe = queue.shift()) {
          const [what, send] = probe;
          await expectClean(await send(api), what);
        }
      }),
    );
    if (who === "admin") await api.dispose();
  });
}
