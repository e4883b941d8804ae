import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { runTriage } from "@/lib/intake/run-triage";

export const POST = publicApiRoute(async (request) => {
  const { id, route, urgency, service, flags, reasons, alsoSeeGp } = await runTriage(
    await getDb(),
    await readJsonObject(request),
  );
  return json({ id, route, urgency, service, flags, reasons, alsoSeeGp });
});
