import { describe, expect, it } from "vitest";
import { nextFreeText, sideTime, zonePlan } from "./time-format";

const online = { timezone: "Australia/Sydney", online: true };

describe("sideTime", () => {
  it("names the clinic's day when it differs from the patient's", () => {
    // 9:00 pm Monday in New York is 1:00 pm Tuesday in Sydney (AEDT, December)
    const plan = zonePlan(online, "America/New_York");
    expect(sideTime("2026-12-07T21:00:00-05:00", plan)).toBe("1:00 pm Tue, Sydney");
  });

  it("leaves the day out when both are on the same day", () => {
    const plan = zonePlan(online, "Australia/Perth");
    expect(sideTime("2026-12-08T09:00:00+08:00", plan)).toBe("12:00 pm Sydney");
  });

  it("shows nothing beside times at a clinic, or in the clinic's own zone", () => {
    expect(sideTime("2026-12-08T09:00:00+11:00", zonePlan({ ...online, online: false }, "America/New_York"))).toBe(
      null,
    );
    expect(sideTime("2026-12-08T09:00:00+11:00", zonePlan(online, "Australia/Sydney"))).toBe(null);
  });
});

describe("nextFreeText", () => {
  const zone = "Australia/Sydney";
  // Monday 7 December 2026, 10:00 am in Sydney (AEDT)
  const now = new Date("2026-12-07T10:00:00+11:00");
  it("says today and tomorrow in the clinic's zone, whatever the date in UTC", () => {
    expect(nextFreeText("2026-12-07T14:30:00+11:00", zone, now)).toBe("today 2:30 pm");
    // 9:00 am Tuesday in Sydney is still Monday in UTC
    expect(nextFreeText("2026-12-08T09:00:00+11:00", zone, now)).toBe("tomorrow 9:00 am");
  });
  it("names the weekday within the week, and the date after it", () => {
    expect(nextFreeText("2026-12-10T09:30:00+11:00", zone, now)).toBe("Thu 9:30 am");
    expect(nextFreeText("2026-12-15T09:30:00+11:00", zone, now)).toBe("Tue 15 Dec, 9:30 am");
  });
});
