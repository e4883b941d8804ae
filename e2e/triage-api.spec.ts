import JSONSchemaValidator from "@asymmetrik/fhir-json-schema-validator";
import type { APIRequestContext } from "@playwright/test";
import { PATIENT_STORIES } from "@/lib/intake/testing/stories";
import { expect, test } from "./fixtures";

type Triage = {
  id: string;
  route: string;
  urgency: string;
  service: string | null;
  flags: { code: string; tier: string; message: string }[];
  reasons: string[];
  alsoSeeGp: boolean;
};

/** POST that honours a 429's Retry-After once: the public API's rate limit is shared by the whole suite. */
async function post(request: APIRequestContext, url: string, data: unknown) {
  const res = await request.post(url, { data });
  if (res.status() !== 429) return res;
  await new Promise((r) => setTimeout(r, Number(res.headers()["retry-after"] ?? 30) * 1000));
  return request.post(url, { data });
}

test.describe("POST /api/v1/triage replays every patient story", () => {
  for (const story of PATIENT_STORIES) {
    test(story.id, async ({ request }) => {
      test.setTimeout(120_000);
      const res = await post(request, "/api/v1/triage", {
        answers: story.answers,
        ...(story.age !== undefined ? { age: story.age } : {}),
      });
      expect(res.status(), story.story).toBe(200);
      const body = (await res.json()) as Triage;
      expect(
        {
          route: body.route,
          urgency: body.urgency,
          service: body.service,
          flags: body.flags.map((f) => f.code),
          alsoSeeGp: body.alsoSeeGp,
        },
        story.story,
      ).toEqual({
        ...story.expected,
        flags: [...story.expected.flags],
      });
      expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.reasons.length).toBeGreaterThan(0);
      for (const f of body.flags) expect(f.message.length).toBeGreaterThan(20);
    });
  }
});

test("unknown questions and codes are refused with a message per field", async ({ request }) => {
  test.setTimeout(120_000);
  const res = await post(request, "/api/v1/triage", {
    answers: { region: "elbow", "favourite-colour": "blue", weeks: -1, consent: true },
  });
  expect(res.status()).toBe(422);
  const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
  expect(body.error.code).toBe("validation_failed");
  expect(Object.keys(body.error.fields).sort()).toEqual([
    "answers.favourite-colour",
    "answers.region",
    "answers.weeks",
  ]);
  const notAnObject = await post(request, "/api/v1/triage", { answers: ["region"] });
  expect(notAnObject.status()).toBe(422);
});

test("the intake questionnaire is a valid FHIR R4 Questionnaire with the contract's linkIds", async ({ request }) => {
  const res = await request.get("/api/v1/questionnaires/intake");
  expect(res.status()).toBe(200);
  const q = (await res.json()) as {
    resourceType: string;
    url: string;
    version: string;
    status: string;
    item: { item?: { linkId: string }[] }[];
  };
  expect(new JSONSchemaValidator().validate(q)).toEqual([]);
  expect(q).toMatchObject({ resourceType: "Questionnaire", status: "active" });
  expect(q.url).toMatch(/\/Questionnaire\/intake$/);
  expect(q.version).toMatch(/^\d+\.\d+\.\d+$/);
  const linkIds = q.item.flatMap((g) => (g.item ?? []).map((i) => i.linkId));
  for (const id of [
    "consent",
    "region",
    "pop",
    "weeks",
    "aggravators",
    "rf-saddle-numbness",
    "rf-clot-risk",
    "online-suitable",
    "function-3-score",
  ])
    expect(linkIds).toContain(id);
});
