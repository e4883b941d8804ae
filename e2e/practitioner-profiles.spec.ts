// Issue 21: practitioner profiles (item 7) set by the manager and shown with each one's next free time when a patient
// chooses; the practitioner's day links to their printed day sheet (item 10); reception's day view opens at the
// day's first appointment, not at the current time (item 11).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { freeSlots, nameSafe, patient } from "./support/api";
import { chooseLocation, chooseService, stepHeading, timeButtons } from "./support/booking";
import { signIn, sydneyDate } from "./support/staff";

test.describe.configure({ timeout: 120_000 });

/** A 64 px square PNG: what a manager uploads. */
const PHOTO = readFileSync(path.join(import.meta.dirname, "support/practitioner-photo.png"));

const PUBLIC_FIELDS = [
  "ahpraNumber",
  "bio",
  "discipline",
  "locations",
  "name",
  "nextFree",
  "photo",
  "qualifications",
  "slug",
  "title",
];
interface Listed {
  slug: string;
  name: string;
  nextFree?: string | null;
  photo: string | null;
  qualifications: string;
  ahpraNumber: string | null;
}

/** Nothing on the page is wider than the screen (WCAG 1.4.10 reflow). The screen's width, not the window's: a phone
 * widens its layout viewport to fit what overflows. */
async function expectNoSideways(page: Page) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test("the public practitioner list gives only the public profile, and each one's next free time for a service", async ({
  request,
}) => {
  const res = await request.get(
    "/api/v1/practitioners?location=chatswood&discipline=sports-physio&service=physio-follow-up",
  );
  expect(res.status()).toBe(200);
  const { practitioners } = (await res.json()) as { practitioners: Listed[] };
  expect(practitioners.map((p) => p.slug)).toEqual(["liam-walsh", "sophie-nguyen"]);
  for (const p of practitioners) expect(Object.keys(p).sort()).toEqual(PUBLIC_FIELDS);
  const liam = practitioners[0]!;
  expect(liam).toMatchObject({ ahpraNumber: "PHY0001967305" });
  // the photo is served by this site, as stored: a PNG with nothing for a browser to sniff or run
  expect(liam.photo).toMatch(/^\/api\/v1\/practitioners\/liam-walsh\/photo\?v=[0-9a-f]{16}$/);
  const img = await request.get(liam.photo!);
  expect(img.status()).toBe(200);
  expect(img.headers()).toMatchObject({
    "content-type": "image/png",
    "x-content-type-options": "nosniff",
    "cache-control": "public, max-age=300",
  });
  expect(img.headers()["content-security-policy"]).toMatch(/^default-src 'none'/);
  expect((await request.get(liam.photo!, { headers: { "if-none-match": img.headers().etag! } })).status()).toBe(304);
  // the next free time is the first free time the availability gives for him
  const slots = await freeSlots(request, {
    location: "chatswood",
    service: "physio-follow-up",
    practitioner: "liam-walsh",
    from: sydneyDate(0),
    to: sydneyDate(13),
  });
  expect(liam.nextFree).toBe(slots[0]!.start);
  // without a service, no next free time; a service without a location is refused beside `location`
  const plain = (await (await request.get("/api/v1/practitioners?location=chatswood")).json()) as {
    practitioners: Listed[];
  };
  expect(plain.practitioners[0]).not.toHaveProperty("nextFree");
  const refused = await request.get("/api/v1/practitioners?service=physio-follow-up");
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.fields).toHaveProperty("location");
});

for (const width of [390, 320, 1440]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 860 } });

    test("choosing a practitioner shows their photo, qualifications, registration, bio and next free time", async ({
      page,
      checkA11y,
    }, info) => {
      await page.goto("/book");
      await chooseService(page, "Sports physiotherapy follow-up");
      await chooseLocation(page, "Chatswood");
      await expect(stepHeading(page, "Who would you like to see?")).toBeVisible();
      // named by who they are and when they are next free; the profile describes the choice
      const liam = page.getByRole("button", { name: /^Liam Walsh Next free: / });
      await expect(liam).toBeVisible();
      await expect(liam).toHaveAccessibleName(
        /^Liam Walsh Next free: (today|tomorrow|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b.* \d{1,2}:\d{2} [ap]m$/,
      );
      await expect(liam).toHaveAccessibleDescription(/BPhysio, MSportsPhysio.*cyclists.*AHPRA PHY0001967305/);
      const photo = page.locator(".option--person").filter({ has: liam }).locator("img");
      await expect(photo).toHaveAttribute("src", /^\/api\/v1\/practitioners\/liam-walsh\/photo\?v=/);
      // the portrait really loads (from this site: the page's Content-Security-Policy allows no other image host)
      await expect
        .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(0);
      await expect(page.getByRole("button", { name: /^First available/ })).toContainText("Next free:");
      await expectNoSideways(page);
      // no profile line is clipped: each practitioner's card holds all of its text
      for (const card of await page.locator(".option--person").all()) {
        const [scrollW, clientW] = await card.evaluate((el) => [el.scrollWidth, el.clientWidth]);
        expect(scrollW).toBeLessThanOrEqual(clientW);
      }
      await checkA11y();
      await page.screenshot({ path: info.outputPath(`choose-practitioner-${width}.png`), fullPage: true });

      // the time step opens on that next free time
      const said = (await liam.textContent())!;
      await liam.click();
      await expect(stepHeading(page, "Choose a time")).toBeVisible();
      const first = timeButtons(page).first();
      await expect(first).toBeVisible({ timeout: 15_000 });
      const label = (await first.locator(".time__main").textContent())!.trim();
      expect(said).toContain(label);
    });
  });
}

test("the manager sets a practitioner's profile; bad values are explained beside their fields", async ({
  page,
  checkA11y,
}, info) => {
  await signIn(page, "admin@demo.clinic");
  await page.goto("/admin/practitioners");
  await expectNoSideways(page); // the table scrolls inside its box, the page does not
  await page.getByRole("button", { name: "Edit Tom Hartley" }).click();
  const form = page.getByRole("form", { name: "Edit Tom Hartley" });
  await expect(form).toBeVisible();
  await expect(form.getByLabel("AHPRA registration number")).toHaveValue(/^PHY\d{10}$/);

  const ahpra = form.getByLabel("AHPRA registration number");
  const photo = form.getByLabel("Photo");
  // a GIF named .png: judged by its bytes, refused beside the field
  await photo.setInputFiles({ name: "tom.png", mimeType: "image/png", buffer: Buffer.from("GIF89a\x01\x00\x01\x00") });
  await expect(photo).toHaveAttribute("aria-invalid", "true");
  await expect(photo).toHaveAccessibleDescription(/Choose a PNG, JPEG or WebP image/);
  await ahpra.fill("PHY12345");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(ahpra).toHaveAttribute("aria-invalid", "true");
  await expect(ahpra).toHaveAccessibleDescription(/Enter 3 letters and 10 digits, as on the AHPRA register/);
  await checkA11y();
  await form.screenshot({ path: info.outputPath("admin-profile-errors.png") });

  // a real PNG (named .jpg: the bytes decide): saved at once, previewed, and patients get it from this site
  await photo.setInputFiles({
    name: "tom.jpg",
    mimeType: "image/jpeg",
    buffer: PHOTO,
  });
  await expect(form.getByText("Photo saved. Patients see it now.")).toBeVisible();
  await expect(photo).not.toHaveAttribute("aria-invalid", "true");
  const preview = form.locator(".setup-profile__photo img");
  await expect(preview).toHaveAttribute("src", /^\/api\/v1\/practitioners\/tom-hartley\/photo\?v=/);
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  const uploaded = (await preview.getAttribute("src"))!;
  const stored = await page.request.get(uploaded);
  expect(stored.headers()["content-type"]).toBe("image/png");
  expect(Buffer.from(await stored.body())).toEqual(PHOTO);

  // another practitioner's number: the server refuses it, beside the field
  await ahpra.fill("PHY0001734521");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(ahpra).toHaveAccessibleDescription(/Another practitioner already has this AHPRA registration number/);

  const tag = nameSafe(`${info.project.name}${Date.now()}`);
  await ahpra.fill(info.project.name === "phone" ? "PHY0009000002" : "PHY0009000001");
  await form.getByLabel("Qualifications").fill(`BAppSc (Physiotherapy), MSportsPhysio ${tag}`);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").getByText("Tom Hartley saved.")).toBeVisible();

  // patients see it at once
  const listed = (await (await page.request.get("/api/v1/practitioners?location=mosman")).json()) as {
    practitioners: Listed[];
  };
  const tom = listed.practitioners.find((p) => p.slug === "tom-hartley")!;
  expect(tom.qualifications).toBe(`BAppSc (Physiotherapy), MSportsPhysio ${tag}`);
  expect(tom.photo).toBe(uploaded);
  // and on /book
  await page.goto("/book");
  await chooseService(page, "Sports physiotherapy follow-up");
  await chooseLocation(page, "Mosman");
  const card = page.locator(".option--person").filter({ has: page.getByRole("button", { name: /^Tom Hartley/ }) });
  await expect(card.locator("img")).toHaveAttribute("src", tom.photo!);
  await expect.poll(() => card.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await card.screenshot({ path: info.outputPath("book-uploaded-photo.png") });
  // the photo's upload and the profile change are in the audit log
  await page.goto("/admin/audit?action=setup.practitioner.photo&person=admin%40demo.clinic");
  await expect(
    page
      .getByRole("table", { name: /Audit log entries/ })
      .getByRole("row")
      .filter({ hasText: "tom-hartley" })
      .first(),
  ).toBeVisible();
  await page.goto("/admin/audit?action=setup.practitioner.update&person=admin%40demo.clinic");
  await expect(
    page
      .getByRole("table", { name: /Audit log entries/ })
      .getByRole("row")
      .filter({ hasText: "tom-hartley" })
      .first(),
  ).toBeVisible();
});

test("a practitioner prints their day sheet from My day", async ({ page, checkA11y }, info) => {
  await signIn(page, "amelia-chen@demo.clinic");
  await page.goto("/my-day");
  const today = sydneyDate(0);
  const print = page.getByRole("link", { name: /^Print day sheet/ });
  await expect(print).toHaveAttribute("href", `/calendar/print?practitioner=amelia-chen&date=${today}`);
  await checkA11y();
  await page.screenshot({ path: info.outputPath("my-day.png") });
  await print.click();
  await expect(page).toHaveURL(new RegExp(`/calendar/print\\?practitioner=amelia-chen&date=${today}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Day sheet: Amelia Chen" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Staff" })).toHaveCount(0);
  // another day's sheet for another day
  await page.goto(`/my-day?date=${sydneyDate(7)}`);
  await expect(page.getByRole("link", { name: /^Print day sheet/ })).toHaveAttribute(
    "href",
    `/calendar/print?practitioner=amelia-chen&date=${sydneyDate(7)}`,
  );
});

test("reception's day view opens at the day's first appointment, not at the current time", async ({ page }, info) => {
  test.skip(info.project.name === "phone", "the day grid's scroll position is a desktop layout (1440 × 900)");
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "reception@demo.clinic");
  // a weekday past the demo's bookings (two weeks) with nothing booked at Chatswood, whose first booking is late
  let day: string | null = null;
  let slot: { start: string; practitioner: string; location: string } | null = null;
  for (let ahead = 30; ahead < 50 && !slot; ahead++) {
    const date = sydneyDate(ahead);
    const booked = await page.request.get(`/api/v1/staff/appointments?location=chatswood&date=${date}`);
    const { appointments } = (await booked.json()) as { appointments: { status: string }[] };
    if (appointments.some((a) => a.status !== "cancelled")) continue;
    const late = (await freeSlots(page.request, { location: "chatswood", service: "physio-initial", from: date })).find(
      (s) => Number(s.start.slice(11, 13)) >= 16,
    );
    if (late) [day, slot] = [date, late];
  }
  expect(slot, "a free late time on an empty day").not.toBeNull();
  const who = patient(`scroll${info.project.name}`);
  const res = await page.request.post("/api/v1/bookings", {
    data: {
      service: "physio-initial",
      location: "chatswood",
      practitioner: slot!.practitioner,
      start: slot!.start,
      patient: who,
    },
  });
  expect(res.status(), await res.text()).toBe(201);

  // the browser's clock at 7:30 am that day: a grid that opened at the current time would show the morning
  await page.clock.setFixedTime(new Date(`${day}T07:30:00+${slot!.start.slice(-5)}`));
  await page.goto(`/calendar?location=chatswood&date=${day}`);
  const grid = page.getByRole("region", { name: "Appointments at Chatswood" });
  const card = grid.getByRole("button", { name: new RegExp(who.lastName) });
  await expect(card).toBeAttached();
  const [box, view, offset] = await card.evaluate((el) => {
    const scroller = el.closest(".cal-scroll")!;
    const b = el.getBoundingClientRect();
    const v = scroller.getBoundingClientRect();
    return [
      { top: b.top, bottom: b.bottom },
      { top: v.top, bottom: v.bottom },
      b.top - v.top + scroller.scrollTop, // where the card sits in the grid
    ];
  });
  // the card lies below the fold of an unscrolled grid, so only the opening scroll can show it ...
  expect(offset).toBeGreaterThan(view.bottom - view.top);
  // ... and it does: the card is inside the visible part of the grid, and in the window
  expect(box.top).toBeGreaterThanOrEqual(view.top);
  expect(box.bottom).toBeLessThanOrEqual(view.bottom);
  await expect(card).toBeInViewport();
  await page.screenshot({ path: info.outputPath("reception-day-opens-at-first.png") });
});
