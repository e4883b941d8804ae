import { describe, expect, it } from "vitest";
import { publicHolidayDates } from "./holidays";

describe("publicHolidayDates", () => {
  it("includes NSW Christmas, Boxing Day and its Monday substitute in 2026, not Sunday 27th", () => {
    expect([...publicHolidayDates("AU-NSW", "2026-12-20", "2026-12-31")].sort()).toEqual([
      "2026-12-25",
      "2026-12-26",
      "2026-12-28",
    ]);
  });

  it("substitutes both Christmas days in 2027 (Saturday and Sunday)", () => {
    expect([...publicHolidayDates("AU-NSW", "2027-12-24", "2027-12-31")].sort()).toEqual([
      "2027-12-25",
      "2027-12-26",
      "2027-12-27",
      "2027-12-28",
    ]);
  });

  it("keeps only public holidays: no bank holiday or observance", () => {
    const year = publicHolidayDates("AU-NSW", "2026-01-01", "2026-12-31");
    expect(year.has("2026-08-03")).toBe(false); // NSW Bank Holiday (banks only)
    expect(year.has("2026-05-10")).toBe(false); // Mother's Day
    expect(year.has("2026-04-03")).toBe(true); // Good Friday
    expect(year.has("2026-04-06")).toBe(true); // Easter Monday
    expect(year.has("2026-06-08")).toBe(true); // King's Birthday
    expect(year.has("2026-10-05")).toBe(true); // Labour Day
    expect(year.size).toBe(13); // incl. Easter Saturday and Sunday, and the Anzac Day substitute
  });

  it("spans a year boundary and respects both ends of the range", () => {
    expect([...publicHolidayDates("AU-NSW", "2026-12-26", "2027-01-26")].sort()).toEqual([
      "2026-12-26",
      "2026-12-28",
      "2027-01-01",
      "2027-01-26",
    ]);
    expect(publicHolidayDates("AU-NSW", "2026-12-29", "2026-12-31").size).toBe(0);
  });

  it("differs by state", () => {
    expect(publicHolidayDates("AU-VIC", "2026-11-03", "2026-11-03").has("2026-11-03")).toBe(true); // Melbourne Cup
    expect(publicHolidayDates("AU-NSW", "2026-11-03", "2026-11-03").size).toBe(0);
  });

  it("has none for a location without a region, or a reversed range", () => {
    expect(publicHolidayDates(null, "2026-01-01", "2026-12-31").size).toBe(0);
    expect(publicHolidayDates("AU-NSW", "2026-12-31", "2026-01-01").size).toBe(0);
  });

  it("refuses an unknown region or a malformed date instead of returning no holidays", () => {
    expect(() => publicHolidayDates("AU-XYZ", "2026-01-01", "2026-12-31")).toThrow(RangeError);
    expect(() => publicHolidayDates("ZZ", "2026-01-01", "2026-12-31")).toThrow(RangeError);
    expect(() => publicHolidayDates("AU-NSW", "2026-1-01", "2026-12-31")).toThrow(RangeError);
  });

  it("returns a fresh set each time, so a caller's changes never leak into the memo", () => {
    const first = publicHolidayDates("AU-NSW", "2026-12-25", "2026-12-25");
    first.delete("2026-12-25");
    expect(publicHolidayDates("AU-NSW", "2026-12-25", "2026-12-25").has("2026-12-25")).toBe(true);
  });
});
