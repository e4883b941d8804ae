import { describe, expect, it } from "vitest";
import { summarizeIntake, needsCall } from "../summary";
import { answersSchema, triageRequestSchema } from "../schemas";
import { PATIENT_STORIES } from "./stories";
import { triage } from "../triage";

describe("patient stories", () => {
  it("has at least 30 stories with unique ids", () => {
    expect(PATIENT_STORIES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(PATIENT_STORIES.map((s) => s.id)).size).toBe(PATIENT_STORIES.length);
  });

  it("covers every route, urgency and flag", () => {
    const seen = (f: (s: (typeof PATIENT_STORIES)[number]) => readonly string[]) => new Set(PATIENT_STORIES.flatMap(f));
    expect(seen((s) => [s.expected.route])).toEqual(
      new Set(["emergency", "urgent-care", "sports-physio", "exercise-physiology", "online-rehab"]),
    );
    expect(seen((s) => [s.expected.urgency])).toEqual(new Set(["now", "today", "within-72h", "routine"]));
    expect(seen((s) => s.expected.flags).size).toBe(9);
  });

  describe.each(PATIENT_STORIES.map((s) => [s.id, s] as const))("%s", (_id, story) => {
    it("is a valid API request", () => {
      const body = { answers: story.answers, ...(story.age !== undefined ? { age: story.age } : {}) };
      const parsed = triageRequestSchema.safeParse(body);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(answersSchema.parse(story.answers)).toEqual(story.answers);
    });

    it("is triaged as the clinic expects", () => {
      const r = triage(story.answers, { age: story.age });
      expect({
        route: r.route,
        urgency: r.urgency,
        service: r.service,
        flags: r.flags.map((f) => f.code),
        alsoSeeGp: r.alsoSeeGp,
      }).toEqual(story.expected);
      expect(r.reasons.length).toBeGreaterThan(0);
    });

    it("summarises with the same flags and a consistent needs-a-call mark", () => {
      const s = summarizeIntake(story.answers, { age: story.age });
      const { rulesVersion: _v, flags: _f, ...decision } = triage(story.answers, { age: story.age });
      expect(s.triage).toEqual(decision);
      expect(new Set(s.flags.map((f) => f.code))).toEqual(new Set(story.expected.flags));
      expect(needsCall(s)).toBe(
        story.expected.flags.some((c) => c !== "possible-stress-fracture" && c !== "possible-back-referral"),
      );
    });
  });
});
