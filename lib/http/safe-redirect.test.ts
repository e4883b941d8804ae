import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-redirect";

describe("safeNextPath: only same-origin paths are followed", () => {
  it("keeps an ordinary path with its query and fragment", () => {
    expect(safeNextPath("/calendar")).toBe("/calendar");
    expect(safeNextPath("/my-day?date=2026-12-07#top")).toBe("/my-day?date=2026-12-07#top");
  });
  it.each([
    "/\\evil.example",
    "\\\\evil.example",
    "//evil.example",
    "///evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%255Cevil.example",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/\tevil",
    "/\r\nSet-Cookie: a=b",
    "/%0d%0aSet-Cookie:%20a=b",
    "/%00",
    "/ok\u2028",
    "",
    "/" + "a".repeat(3000),
  ])("refuses %j", (raw) => {
    expect(safeNextPath(raw)).toBeNull();
  });
  it("refuses a malformed escape and anything that is not a string", () => {
    expect(safeNextPath("/%E0%A4%A")).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(["/calendar"])).toBeNull();
  });
  it("accepts an absolute URL on our own origin only when a base is given, as a path", () => {
    expect(safeNextPath("http://localhost:3000/calendar?x=1", "http://localhost:3000")).toBe("/calendar?x=1");
    expect(safeNextPath("http://localhost:3001/calendar", "http://localhost:3000")).toBeNull();
    expect(safeNextPath("http://localhost:3000//evil.example", "http://localhost:3000")).toBeNull();
  });
});
