// The clinic manager sets up a location, a service and a practitioner through the admin screens (axe on each page).
import { expect, test } from "./fixtures";
import { signIn } from "./support/staff";

test("an admin sets up a location, a service and a practitioner through the setup screens", async ({
  page,
  checkA11y,
}) => {
  test.slow(); // several pages, each checked with axe
  const tag = Date.now().toString(36);
  const location = { name: `Perth ${tag}`, slug: `perth-${tag}` };
  const service = { name: `Hydrotherapy ${tag}`, slug: `hydro-${tag}` };
  const practitioner = { name: `Wendy West ${tag}`, slug: `wendy-${tag}` };

  await signIn(page, "admin@demo.clinic");
  await page.goto("/admin/setup");
  await expect(page.getByRole("heading", { level: 1, name: "Clinic setup" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Setup" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const checklist = page.getByRole("list", { name: "Setup checklist" });
  await expect(checklist.getByRole("listitem")).toHaveCount(6);
  await expect(checklist.getByRole("link", { name: "A roster" })).toHaveAttribute("href", "/admin/rosters");
  await checkA11y();

  // group details: a bad address is explained beside its field and nothing is saved
  await page.getByRole("navigation", { name: "Setup" }).getByRole("link", { name: "Group details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Group details" })).toBeVisible();
  await page.getByLabel("Emails come from").fill("not an email");
  await page.getByRole("button", { name: "Save group details" }).click();
  await expect(page.getByText("Enter a valid email")).toBeVisible();
  await expect(page.getByLabel("Emails come from")).toHaveAttribute("aria-invalid", "true");
  await checkA11y();

  // a location: errors first, then a Perth clinic with WA public holidays
  await page.getByRole("navigation", { name: "Setup" }).getByRole("link", { name: "Locations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Locations" })).toBeVisible();
  await page.getByRole("button", { name: "Add a location" }).click();
  await page.getByRole("button", { name: "Add location" }).click();
  await expect(page.getByText("Enter the location's name")).toBeVisible();
  await expect(page.getByText("Choose the public-holiday region")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(location.name);
  await page.getByLabel("Short name for links").fill(location.slug);
  await expect(page.getByLabel("Time zone")).toHaveValue("Australia/Sydney");
  await page.getByLabel("Time zone").fill("Australia/Perth");
  await page.getByLabel("Public holidays").selectOption({ label: "Western Australia" });
  await page.getByRole("textbox", { name: "Address", exact: true }).fill("1 Hay Street, Perth WA 6000");
  await checkA11y();
  await page.getByRole("button", { name: "Add location" }).click();
  await expect(page.getByRole("status").getByText(`${location.name} saved.`)).toBeVisible();
  const locRow = page.getByRole("row", { name: new RegExp(location.name) });
  await expect(locRow).toContainText("Australia/Perth");
  await expect(locRow).toContainText("Western Australia");
  // the same short name again is refused on its field, by the database's unique key
  await page.getByRole("button", { name: "Add a location" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Another");
  await page.getByLabel("Short name for links").fill(location.slug);
  await page.getByLabel("Public holidays").selectOption({ label: "New Zealand" });
  await page.getByRole("textbox", { name: "Address", exact: true }).fill("2 Hay Street, Perth WA 6000");
  await page.getByRole("button", { name: "Add location" }).click();
  await expect(page.getByText("Another location already uses this short name.")).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();

  // a service offered there
  await page.getByRole("navigation", { name: "Setup" }).getByRole("link", { name: "Services" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
  await page.getByRole("button", { name: "Add a service" }).click();
  await page.getByLabel("Name", { exact: true }).fill(service.name);
  await page.getByLabel("Short name for links").fill(service.slug);
  await page.getByLabel("Duration (minutes)").fill("2");
  await page.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByText("Use at least 5")).toBeVisible();
  await expect(page.getByText("Choose at least one location")).toBeVisible();
  await page.getByLabel("Duration (minutes)").fill("40");
  await page.getByRole("checkbox", { name: location.name }).check();
  await checkA11y();
  await page.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByRole("status").getByText(`${service.name} saved.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(service.name) })).toContainText(location.name);

  // a practitioner who works there
  await page.getByRole("navigation", { name: "Setup" }).getByRole("link", { name: "Practitioners" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Practitioners" })).toBeVisible();
  await page.getByRole("button", { name: "Add a practitioner" }).click();
  await page.getByLabel("Name", { exact: true }).fill(practitioner.name);
  await page.getByLabel("Short name for links").fill(practitioner.slug);
  await page.getByRole("textbox", { name: "Email (optional)" }).fill("wendy@");
  await page.getByRole("checkbox", { name: location.name }).check();
  await page.getByRole("button", { name: "Add practitioner" }).click();
  await expect(page.getByText("Enter a valid email")).toBeVisible();
  await page.getByRole("textbox", { name: "Email (optional)" }).fill("");
  await checkA11y();
  await page.getByRole("button", { name: "Add practitioner" }).click();
  await expect(page.getByRole("status").getByText(`${practitioner.name} saved.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(practitioner.name) })).toContainText(location.name);

  // patients see the new location and service at once
  const services = await (await page.request.get(`/api/v1/services?location=${location.slug}`)).json();
  expect(services.services.map((s: { slug: string }) => s.slug)).toEqual([service.slug]);

  // leave the shared demo clinic as it was: deactivated things leave the public lists
  for (const [kind, slug] of [
    ["practitioners", practitioner.slug],
    ["services", service.slug],
    ["locations", location.slug],
  ] as const) {
    const res = await page.request.patch(`/api/v1/staff/admin/${kind}/${slug}`, { data: { active: false } });
    expect(res.status(), `${kind}/${slug}`).toBe(200);
  }
  const locations = await (await page.request.get("/api/v1/locations")).json();
  expect(locations.locations.map((l: { slug: string }) => l.slug)).not.toContain(location.slug);
});

test("reception gets a 404 from the setup pages and 403 from the setup routes", async ({ page }) => {
  await signIn(page, "reception@demo.clinic");
  for (const path of ["/admin/setup", "/admin/settings", "/admin/locations", "/admin/services", "/admin/practitioners"])
    expect((await page.goto(path))?.status(), path).toBe(404);
  expect((await page.request.get("/api/v1/staff/admin/locations")).status()).toBe(403);
});
