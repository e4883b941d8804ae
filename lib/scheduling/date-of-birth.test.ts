import { describe, expect, it } from "vitest";
import {
  dateOfBirthFromParts,
  formatDateOfBirth,
  joinDateParts,
  partsFromPastedDate,
  splitDateParts,
} from "./date-of-birth";

const now = new Date("2026-12-02T03:00:00Z");
const dob = (day: string, month: string, year: string) =>
  dateOfBirthFromParts(joinDateParts({ day, month, year }), now);

describe("date of birth from day, month and year", () => {
  it("reads day, month, year in that order, with or without leading zeros", () => {
    expect(dob("15", "6", "1988")).toEqual({ date: "1988-06-15" });
    expect(dob("05", "03", "1979")).toEqual({ date: "1979-03-05" });
    expect(dob(" 1 ", " 2 ", " 2000 ")).toEqual({ date: "2000-02-01" });
  });

  it("keeps what was typed, so a half-typed date comes back as it was", () => {
    expect(joinDateParts({ day: "", month: "", year: "" })).toBe("");
    expect(splitDateParts(joinDateParts({ day: "7", month: "", year: "19" }))).toEqual({
      day: "7",
      month: "",
      year: "19",
    });
    expect(splitDateParts("1988-06-15")).toEqual({ day: "15", month: "06", year: "1988" });
    expect(splitDateParts("")).toEqual({ day: "", month: "", year: "" });
  });

  it("says what is missing", () => {
    expect(dob("", "", "")).toEqual({ error: "Enter your date of birth" });
    expect(dob("15", "", "1988")).toEqual({ error: "Your date of birth must include a month" });
    expect(dob("", "6", "")).toEqual({ error: "Your date of birth must include a day and a year" });
  });

  it("refuses dates that do not exist, two-digit years and letters", () => {
    expect(dob("30", "2", "1990")).toEqual({ error: "Your date of birth must be a real date" });
    expect(dob("31", "13", "1990")).toEqual({ error: "Your date of birth must be a real date" });
    expect(dob("0", "1", "1990")).toEqual({ error: "Your date of birth must be a real date" });
    expect(dob("1", "1", "88")).toEqual({ error: "The year must have 4 numbers, like 1985" });
    expect(dob("1a", "1", "1988")).toEqual({ error: "Use numbers only, like 27 3 1985" });
    expect(dob("29", "2", "2000")).toEqual({ date: "2000-02-29" });
  });

  it("must be in the past, and from 1900 on", () => {
    expect(dob("2", "12", "2026")).toEqual({ date: "2026-12-02" });
    expect(dob("3", "12", "2026")).toEqual({ error: "Your date of birth must be in the past" });
    expect(dob("31", "12", "1899")).toEqual({ error: "The year must be 1900 or later" });
  });
});

it("writes a date of birth in words, the same in any zone", () => {
  expect(formatDateOfBirth("1990-02-07")).toBe("7 February 1990");
  expect(formatDateOfBirth("1988-12-31")).toBe("31 December 1988");
});

it("splits a whole date pasted into one box, day first", () => {
  expect(partsFromPastedDate("15/6/1988")).toEqual({ day: "15", month: "6", year: "1988" });
  expect(partsFromPastedDate(" 15.06.1988 ")).toEqual({ day: "15", month: "06", year: "1988" });
  expect(partsFromPastedDate("15 6 1988")).toEqual({ day: "15", month: "6", year: "1988" });
  expect(partsFromPastedDate("1988-06-15")).toEqual({ day: "15", month: "06", year: "1988" });
  expect(partsFromPastedDate("15")).toBeNull();
  expect(partsFromPastedDate("15/6/88")).toBeNull();
});
