import { afterEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createMiniClinic } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import { knownLocation, loadBookingCatalog, toBookingCatalog } from "./booking-catalog";
import type { LocationDto } from "./list-locations";

const place = (slug: string, services: string[]): LocationDto => ({
  slug,
  name: slug,
  timezone: "Australia/Sydney",
  address: null,
  phone: null,
  online: false,
  services: services.map((s) => ({ slug: s, name: s.toUpperCase(), discipline: "sports-physio" })),
});

describe("toBookingCatalog: the booking flow's catalogue from locations and services", () => {
  const catalog = toBookingCatalog(
    [place("bondi", ["physio", "pilates"]), place("manly", ["physio", "hidden"])],
    [
      { slug: "physio", durationMinutes: 45, feeCents: 9500, cancellationWindowHours: 48 },
      { slug: "pilates", durationMinutes: 55, feeCents: 0, cancellationWindowHours: 24 },
    ],
    "(02) 9000 0000",
  );

  it("lists each service once, with every location that offers it, in first-seen order", () => {
    expect(catalog.services.map((s) => [s.slug, s.locations])).toEqual([
      ["physio", ["bondi", "manly"]],
      ["pilates", ["bondi"]],
      ["hidden", ["manly"]],
    ]);
  });

  it("carries each service's duration, fee (0 stays 0) and cancellation window", () => {
    expect(catalog.services[0]).toMatchObject({
      name: "PHYSIO",
      discipline: "sports-physio",
      durationMinutes: 45,
      feeCents: 9500,
      cancellationWindowHours: 48,
    });
    expect(catalog.services[1]).toMatchObject({ feeCents: 0, cancellationWindowHours: 24 });
  });

  it("falls back to no duration, no fee and a 24-hour window for a service without terms", () => {
    expect(catalog.services[2]).toMatchObject({ durationMinutes: 0, feeCents: null, cancellationWindowHours: 24 });
  });

  it("gives each location its service slugs and the group's phone for those without their own", () => {
    expect(catalog.locations.map((l) => [l.slug, l.services])).toEqual([
      ["bondi", ["physio", "pilates"]],
      ["manly", ["physio", "hidden"]],
    ]);
    expect(catalog.clinicPhone).toBe("(02) 9000 0000");
  });

  it("takes a ?location= only when the catalogue has it", () => {
    expect(knownLocation(catalog, "manly")).toBe("manly");
    expect(knownLocation(catalog, "nowhere")).toBeNull();
    expect(knownLocation(catalog, ["manly"])).toBeNull();
    expect(knownLocation(catalog, undefined)).toBeNull();
  });
});

describe("loadBookingCatalog", () => {
  let h: DbHandle | undefined;
  afterEach(async () => h?.close());

  it("reads the active locations and their online services from the database", async () => {
    h = await createTestDb();
    await createMiniClinic(h.db);
    const catalog = await loadBookingCatalog(h.db);
    expect(catalog.locations.map((l) => l.slug)).toEqual(["test-clinic"]);
    expect(catalog.services.find((s) => s.slug === "physio-initial")).toMatchObject({
      durationMinutes: 45,
      locations: ["test-clinic"],
    });
    expect(typeof catalog.clinicPhone).toBe("string");
  });
});
