import { describe, expect, it } from "vitest";
import { integer, multiChoice, yesNo } from "@/lib/intake/questionnaire-types";
import { AGE_ITEM, AGE_STEP, triagePageErrors } from "./triage-checks";

const consent = yesNo("consent", "I agree", { mustBeTrue: true });
const treatments = multiChoice("treatments", "Tried?", [{ code: "none", display: "None" }]);
const pain = integer("pain", "How bad?", { min: 0, max: 10 });
const optional = yesNo("extra", "Anything else?", { required: false });

describe("triagePageErrors: what a help-me-choose page refuses", () => {
  it("asks for consent to be agreed, not merely answered", () => {
    expect(triagePageErrors("consent", [consent], { consent: false }, undefined)).toEqual({
      consent: "Please agree so we can ask about your health, or choose a service yourself.",
    });
    expect(triagePageErrors("consent", [consent], { consent: true }, undefined)).toEqual({});
  });

  it("counts an empty choice as missing, and a number question as needing a number", () => {
    expect(triagePageErrors("where", [treatments, pain, optional], { treatments: [] }, undefined)).toEqual({
      treatments: "Choose an answer",
      pain: "Enter a number",
    });
  });

  it("refuses a number out of range or not whole", () => {
    expect(triagePageErrors("where", [pain], { pain: 11 }, undefined)).toEqual({
      pain: "Enter a whole number from 0 to 10",
    });
    expect(triagePageErrors("where", [pain], { pain: 2.5 }, undefined).pain).toBeDefined();
    expect(triagePageErrors("where", [pain], { pain: 10 }, undefined)).toEqual({});
  });

  it("checks the optional age on its own page only", () => {
    const message = "Enter your age in whole years, for example 42, or leave it blank";
    expect(triagePageErrors(AGE_STEP, [], {}, 131)).toEqual({ [AGE_ITEM.linkId]: message });
    expect(triagePageErrors(AGE_STEP, [], {}, 41.5)).toEqual({ [AGE_ITEM.linkId]: message });
    expect(triagePageErrors(AGE_STEP, [], {}, undefined)).toEqual({});
    expect(triagePageErrors(AGE_STEP, [], {}, 42)).toEqual({});
    expect(triagePageErrors("where", [], {}, 131)).toEqual({});
  });
});
