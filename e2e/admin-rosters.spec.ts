// The clinic manager keeps working time up to date: a roster with a break, previewed as a patient would see it, and
// leave that clashes with a booking, which stays booked and shows for reception as "needs moving".
import { expect, test } from "./fixtures";
import { bookOneOf, freeSlots, patient, weekdayAhead } from "./support/api";
import { signIn, sydneyMonday } from "./support/staff";

test.beforeEach(({}, testInfo) => {
  // one set of demo data is shared by every project: these changes are made once, on the desktop
  test.skip(testInfo.project.name !== "desktop", "admin screens are desktop journeys");
});

test("an admin sets a two-week rotation with a break and sees the bookable times before saving", async ({
  page,
  checkA11y,
}) => {
  test.slow();
  await signIn(page, "admin@demo.clinic");
  await page.goto("/admin/rosters?practitioner=grace-miller&location=north-sydney");
  await expect(page.getByRole("heading", { level: 1, name: "Rosters" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Grace Miller at North Sydney" })).toBeVisible();
  await checkA11y();

  // Beyond how far ahead patients may book, so no other journey meets this roster.
  const firstDay = sydneyMonday(12);
  const form = page.getByRole("form", { name: "Set the roster from a date" });
  await form.getByLabel("First day").fill(firstDay);
  await form.getByLabel("Rotation").selectOption("2");
  while ((await form.getByRole("button", { name: /^Remove shift/ }).count()) > 0)
    await form
      .getByRole("button", { name: /^Remove shift/ })
      .first()
      .click();
  await expect(form.getByText("No shifts: saving this would leave no working time")).toBeVisible();

  await form.getByRole("button", { name: "Add a shift" }).click();
  await form.getByLabel("Day", { exact: true }).selectOption("Tuesday");
  await form.getByLabel("Starts", { exact: true }).fill("08:00");
  await form.getByLabel("Ends", { exact: true }).fill("12:00");
  await form.getByRole("button", { name: "Add a break to shift 1" }).click();
  await form.getByLabel("Break 1 starts").fill("10:00");
  await form.getByLabel("Break 1 ends").fill("10:30");
  // a break outside the shift is explained beside it, before anything is sent
  await form.getByLabel("Break 1 ends").fill("12:30");
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByText("Keep the break inside the shift")).toBeVisible();
  await form.getByLabel("Break 1 starts").fill("10:00");
  await form.getByLabel("Break 1 ends").fill("10:30");
  await form.getByRole("button", { name: "Preview" }).click();

  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toBeVisible();
  const days = preview.getByRole("list", { name: "Bookable times by day" }).getByRole("listitem");
  await expect(days).toHaveCount(14);
  // Tuesday of week 1: 08:00 to 12:00 less the break; week 2 has no shift
  await expect(days.nth(1)).toContainText(/times, 08:00–/);
  await expect(days.nth(8)).toContainText("Not bookable");
  await expect(preview.getByText("No booked appointments fall outside working time.")).toBeVisible();
  await checkA11y();

  await preview.getByRole("button", { name: "Save roster" }).click();
  await expect(page.getByText("Roster saved.")).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Grace Miller at North Sydney" }).getByText("2-week rotation"),
  ).toBeVisible();
});

test("an admin adds leave over a booking: the clash is listed, kept booked, and reception sees it needs moving", async ({
  page,
  request,
  checkA11y,
}) => {
  test.slow();
  // a booking with Grace Miller some weeks ahead, on a day she works at North Sydney
  let booked = null;
  for (let ahead = 35; ahead < 56 && !booked; ahead++) {
    const date = weekdayAhead(ahead);
    const slots = await freeSlots(request, {
      location: "north-sydney",
      service: "ep-initial",
      from: date,
      practitioner: "grace-miller",
    });
    if (slots.length) booked = await bookOneOf(request, "ep-initial", slots, patient("leave-clash"));
  }
  expect(booked, "a free time with Grace Miller").not.toBeNull();
  const date = booked!.booking.start.slice(0, 10);

  await signIn(page, "admin@demo.clinic");
  await page.goto("/admin/leave?practitioner=grace-miller&location=north-sydney");
  await expect(page.getByRole("heading", { level: 1, name: "Leave and closures" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Public holidays at North Sydney" })).toBeVisible();
  await checkA11y();

  const form = page.getByRole("form", { name: "Add leave" });
  await form.getByLabel("First day").fill(date);
  await form.getByLabel("Last day").fill(date);
  await form.getByLabel("Reason (optional)").fill("Course");
  await form.getByRole("button", { name: "Add leave" }).click();
  const clashes = form.getByRole("region", { name: "Appointments during this leave" });
  await expect(clashes).toContainText("1 booked appointment would be left outside working time");
  await expect(clashes).toContainText("Test Patient leave-clash");
  await checkA11y();
  await form.getByRole("button", { name: "Add leave anyway" }).click();
  await expect(form.getByText("Tick the box")).toBeVisible();
  await form.getByLabel(/Keep these 1 appointment/).check();
  await form.getByRole("button", { name: "Add leave", exact: true }).click();
  await expect(form.getByText("Saved. 1 appointment(s) are flagged for reception to move.")).toBeVisible();

  // reception's side: the count on the calendar, the list, the flag on the card
  await page.goto(`/calendar?location=north-sydney&date=${date}`);
  await expect(page.getByText(/outside working time after a roster, leave or closure change/)).toBeVisible();
  await page.getByRole("link", { name: "See the bookings that need moving" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Needs moving" })).toBeVisible();
  await expect(page.getByRole("list", { name: /Bookings to move/ })).toContainText("Test Patient leave-clash");
  await checkA11y();
  await page.goto(`/calendar?location=north-sydney&date=${date}`);
  await expect(page.getByRole("button", { name: /Test Patient leave-clash.*needs moving/ })).toBeVisible();

  // taking the leave off puts the booking back inside working time
  await page.goto("/admin/leave?practitioner=grace-miller&location=north-sydney");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Remove leave Course" }).click();
  await expect(page.getByRole("button", { name: "Remove leave Course" })).toHaveCount(0);
  await page.goto("/needs-moving");
  await expect(page.getByText("Test Patient leave-clash")).toHaveCount(0);
});
