import { expect, test } from "./fixtures";
import { weekdayAhead } from "./support/api";
import { signIn } from "./support/staff";

test("reception books a phone patient with a name and a phone only, then corrects the phone and adds an email", async ({
  page,
  checkA11y,
}, testInfo) => {
  test.setTimeout(240_000); // a desk journey with three axe runs, on a busy CI machine
  // each project books at its own location and day so parallel runs never race for one time
  const location = testInfo.project.name === "phone" ? "north-sydney" : "barangaroo";
  const day = weekdayAhead(3);
  const last = `Phoneonly${testInfo.project.name === "phone" ? "p" : "d"}${Date.now().toString(36).replace(/\d/g, "")}`;

  await signIn(page, "reception@demo.clinic");
  await page.goto(`/calendar?location=${location}&date=${day}`);
  await page.getByRole("button", { name: "+ New booking" }).click();
  const book = page.getByRole("dialog", { name: "New booking" });
  await book.getByRole("button", { name: "New patient" }).click();
  await book.getByLabel("First name").fill("Noel");
  await book.getByLabel("Last name").fill(last);
  await book.getByLabel("Phone").fill("0412 555 020");
  // no email, no date of birth: the dialog says before booking that no confirmation will go
  await expect(book.getByText("No confirmation email will be sent")).toBeVisible();
  await book.getByLabel("Email").fill("noel@example.com");
  await expect(book.getByText("No confirmation email will be sent")).toBeHidden();
  await book.getByLabel("Email").fill("");
  await expect(book.getByText("No confirmation email will be sent")).toBeVisible();
  await book.getByLabel("Service").selectOption("physio-initial");
  await expect(book.getByRole("radio").first()).toBeAttached();
  await checkA11y();
  await book.getByRole("radio").first().check();
  await book.getByRole("button", { name: "Book appointment" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Booked Noel ${last}` })).toBeVisible();

  // The patient's page: no email, no date of birth; reception corrects the phone.
  await page.goto(`/patients?q=${last}`);
  await page.getByRole("link", { name: `${last}, Noel` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Noel ${last}` })).toBeVisible();
  await expect(page.getByText("none: no emails are sent")).toBeVisible();
  await expect(page.getByRole("button", { name: /Resend confirmation/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Edit details" }).click();
  const phone = page.getByRole("textbox", { name: "Phone" });
  await phone.fill("12");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Enter a phone number, like 0412 345 678")).toBeVisible();
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await checkA11y();
  await phone.fill("0499 123 456");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved: phone changed." })).toBeVisible();
  await expect(page.getByRole("link", { name: "0499 123 456" })).toBeVisible();

  // An email added, the confirmation can be sent: new links are issued, as none were ever emailed.
  await page.getByRole("button", { name: "Edit details" }).click();
  await page.getByRole("textbox", { name: "Email" }).fill(`${last.toLowerCase()}@example.com`);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved: email changed." })).toBeVisible();
  await page.getByRole("button", { name: /Resend confirmation/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Confirmation queued to send." })).toContainText(
    "the earlier one no longer works",
  );
  await checkA11y();
});

test("a practitioner may not change a patient's details", async ({ page }) => {
  await signIn(page, "amelia-chen@demo.clinic");
  const res = await page.request.patch("/api/v1/staff/patients/00000000-0000-4000-8000-000000000001", {
    data: { firstName: "A", lastName: "B", phone: "0412 345 678" },
  });
  expect(res.status()).toBe(403);
});
