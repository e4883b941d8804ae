import { describe, expect, it } from "vitest";
import { minutesToFinish } from "./intake-estimate";
import { TRIAGE_LINK_IDS } from "./questionnaire";
import { RUNNER_ANSWERS } from "./sample-answers";

describe("minutesToFinish", () => {
  it("says about 10 minutes for a blank form", () => {
    expect(minutesToFinish({})).toBe(10);
  });

  it("counts less once help-me-choose answered its questions", () => {
    const triaged = Object.fromEntries(
      Object.entries(RUNNER_ANSWERS).filter(([id]) => TRIAGE_LINK_IDS.includes(id as never)),
    );
    expect(Object.keys(triaged).length).toBeGreaterThan(3);
    const left = minutesToFinish(triaged);
    expect(left).toBeLessThan(10);
    expect(left).toBeGreaterThanOrEqual(1);
  });

  it("never says 0 minutes; a whole form leaves only optional questions", () => {
    expect(minutesToFinish(RUNNER_ANSWERS)).toBeGreaterThanOrEqual(1);
    expect(minutesToFinish(RUNNER_ANSWERS)).toBeLessThanOrEqual(2);
  });
});
