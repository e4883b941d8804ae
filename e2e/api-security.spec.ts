// What a security probe of the demo build found, asked again as an attacker would: signed out, from another site,
// with a forged header. Each answer here was wrong before its fix.
import { expect, request as newRequest, test, type APIRequestContext } from "@playwright/test";
import { bookOneOf, freeSlots, patient, weekdayAhead } from "./support/api";
import { credentialsSignIn } from "./support/staff";

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await newRequest.newContext({ baseURL });
  expect((await (await credentialsSignIn(ctx))(email)).status(), `${email} signs in`).toBeLessThan(400);
  return ctx;
}

async function bookOne(request: APIRequestContext, tag: string) {
  const slots = await freeSlots(request, {
    location: "chatswood",
    service: "physio-initial",
    from: weekdayAhead(20),
    to: weekdayAhead(27),
  });
  const who = patient(tag);
  const booked = await bookOneOf(request, "physio-initial", slots, who, "random");
  expect(booked, "a free time to book").not.toBeNull();
  return { ...booked!, patientEmail: who.email };
}

test("signed out, no outbox: not at /dev/outbox, and the admin outbox neither lists nor opens an email", async ({
  request,
}) => {
  await bookOne(request, "outbox-probe");
  expect((await request.get("/dev/outbox")).status()).toBe(404);
  const page = await request.get("/admin/outbox", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toMatch(/^\/login\?next=%2Fadmin%2Foutbox$/);
  expect((await request.get("/admin/outbox/20261201T000000000Z-x.eml")).status()).toBe(404);
});

test("reception may not open the outbox; an admin can, and sees the emails", async ({ request, baseURL }) => {
  const booked = await bookOne(request, "outbox-admin");
  const reception = await signedIn(baseURL!, "reception@demo.clinic");
  expect((await reception.get("/admin/outbox")).status()).toBe(404);
  const admin = await signedIn(baseURL!, "admin@demo.clinic");
  await expect
    .poll(async () => (await (await admin.get("/admin/outbox")).text()).includes(booked.patientEmail), {
      timeout: 20_000,
    })
    .toBe(true);
  await reception.dispose();
  await admin.dispose();
});

test("a made-up X-Forwarded-For changes neither the throttle's key nor the address in the audit log", async ({
  baseURL,
}) => {
  const forged = await newRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.199" } });
  const who = `nobody-${Date.now()}@demo.clinic`;
  expect((await (await credentialsSignIn(forged))(who, "wrong-password-1")).status()).toBeLessThan(500);
  await forged.dispose();
  const admin = await signedIn(baseURL!, "admin@demo.clinic");
  const html = await (await admin.get(`/admin/audit?person=${encodeURIComponent(who)}&action=auth.sign-in`)).text();
  expect(html).toContain(who);
  expect(html).not.toContain("203.0.113.199");
  expect(html).toContain("127.0.0.1");
  await admin.dispose();
});

test("a staff change from another site, or without a JSON body, is refused and changes nothing", async ({
  request,
  baseURL,
}) => {
  const booked = await bookOne(request, "csrf");
  const reception = await signedIn(baseURL!, "reception@demo.clinic");
  const url = `/api/v1/staff/appointments/${booked.booking.id}/cancel`;
  const plain = await reception.post(url, { headers: { "Content-Type": "text/plain" }, data: '{"reason":"x"}' });
  expect(plain.status()).toBe(400);
  expect((await plain.json()).error.code).toBe("bad_request");
  const bare = await reception.fetch(url, { method: "POST" });
  expect(bare.status()).toBe(400);
  const sibling = await reception.post(url, {
    headers: { Origin: "http://evil.127.0.0.1.nip.io:3100" },
    data: { reason: "x" },
  });
  expect(sibling.status()).toBe(403);
  expect((await sibling.json()).error.code).toBe("forbidden");
  const crossSite = await reception.post(url, { headers: { "Sec-Fetch-Site": "same-site" }, data: { reason: "x" } });
  expect(crossSite.status()).toBe(403);
  const still = await request.get(`/api/v1/bookings/${booked.booking.id}`, {
    headers: { Authorization: `Bearer ${new URL(booked.manageUrl).pathname.split("/").pop()}` },
  });
  expect((await still.json()).booking.status).toBe("booked");
  // the clinic's own page, as a browser sends it, still works
  const own = await reception.post(url, { headers: { Origin: baseURL! }, data: { reason: "Patient rang to cancel" } });
  expect(own.status()).toBe(200);
  await reception.dispose();
});

test("every answer carries security headers; pages a nonce-based policy; token pages no referrer", async ({
  request,
}) => {
  const home = await request.get("/");
  const h = home.headers();
  const csp = h["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["strict-transport-security"]).toMatch(/max-age=\d+/);
  // every script Next.js wrote carries this answer's nonce, and a second answer gets another
  const html = await home.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  expect((await request.get("/")).headers()["content-security-policy"]).not.toContain(nonce!);

  expect((await request.get("/manage/not-a-real-token")).headers()["referrer-policy"]).toBe("no-referrer");
  expect((await request.get("/intake/not-a-real-token")).headers()["referrer-policy"]).toBe("no-referrer");
  const api = (await request.get("/api/v1/locations")).headers();
  expect(api["x-content-type-options"]).toBe("nosniff");
  expect(api["content-security-policy"]).toContain("default-src 'none'");
});
