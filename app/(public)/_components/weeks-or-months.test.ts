import { describe, expect, it } from "vitest";
import { toWeeks } from "./weeks-or-months";

describe("toWeeks", () => {
  it("keeps weeks as typed and turns months into whole weeks", () => {
    expect(toWeeks("8", "weeks")).toBe(8);
    expect(toWeeks("3", "months")).toBe(13);
    expect(toWeeks("18", "months")).toBe(78);
    expect(toWeeks("0", "months")).toBe(0);
  });

  it("gives blank as no answer and leaves anything else for the schema", () => {
    expect(toWeeks("  ", "months")).toBeUndefined();
    expect(toWeeks("2.5", "months")).toBe("2.5");
  });
});
