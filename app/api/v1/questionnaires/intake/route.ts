import { env } from "@/lib/env";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { toFhirQuestionnaire } from "@/lib/intake/fhir";

export const GET = publicApiRoute(async () =>
  json(toFhirQuestionnaire(new URL("/fhir", env.PUBLIC_BASE_URL).toString()), 200, {
    "Content-Type": "application/fhir+json; charset=utf-8",
  }),
);
