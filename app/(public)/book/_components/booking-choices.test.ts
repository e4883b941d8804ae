import { describe, expect, it } from "vitest";
import { backFrom, chooseReducer, initialChoices, stepAfterService } from "./booking-choices";
import type { CatalogService } from "./booking-types";

const physio: CatalogService = {
  slug: "physio-initial",
  name: "Physio",
  discipline: "sports-physio",
  durationMinutes: 45,
  feeCents: 11000,
  cancellationWindowHours: 24,
  locations: ["chatswood", "bondi"],
};
const rehab: CatalogService = {
  slug: "online-rehab-initial",
  name: "Online rehab",
  discipline: "sports-physio",
  durationMinutes: 30,
  feeCents: null,
  cancellationWindowHours: 24,
  locations: ["online"],
};
const slot = {
  start: "2026-12-01T09:00:00+11:00",
  end: "2026-12-01T09:45:00+11:00",
  practitioner: "amelia-chen",
  location: "chatswood",
  remaining: 1,
};

describe("the booking's choices", () => {
  it("keeps a location from the home page where the service is offered, and then goes to the practitioners", () => {
    const c = chooseReducer(initialChoices("chatswood"), { type: "service", service: physio, triage: null });
    expect(c).toMatchObject({ service: "physio-initial", location: "chatswood" });
    expect(stepAfterService(c)).toBe("practitioner");
  });
  it("drops a location the service is not offered at, and chooses the only one where there is one", () => {
    expect(
      chooseReducer(initialChoices("online"), { type: "service", service: physio, triage: null }).location,
    ).toBeNull();
    const c = chooseReducer(initialChoices("chatswood"), { type: "service", service: rehab, triage: null });
    expect(c.location).toBe("online");
  });
  it("clears the practitioner and time when the service or location changes, and keeps them when it does not", () => {
    let c = chooseReducer(initialChoices("chatswood"), { type: "service", service: physio, triage: null });
    c = chooseReducer(chooseReducer(c, { type: "practitioner", slug: "amelia-chen" }), { type: "slot", slot });
    expect(chooseReducer(c, { type: "service", service: physio, triage: null })).toMatchObject({
      practitioner: "amelia-chen",
      slot,
    });
    expect(chooseReducer(c, { type: "location", slug: "chatswood" })).toBe(c);
    expect(chooseReducer(c, { type: "location", slug: "bondi" })).toMatchObject({
      practitioner: undefined,
      slot: null,
    });
    expect(chooseReducer(c, { type: "practitioner", slug: null })).toMatchObject({ practitioner: null, slot: null });
  });
  it("goes back past the location when the service has only one", () => {
    expect(backFrom("practitioner", 1)).toBe("need");
    expect(backFrom("practitioner", 2)).toBe("location");
    expect(backFrom("need", 2)).toBeUndefined();
  });
});
