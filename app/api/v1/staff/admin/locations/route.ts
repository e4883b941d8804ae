import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { listSetupLocations } from "@/lib/setup/list-setup-locations";
import { createLocation } from "@/lib/setup/create-location";

/** api.md "Clinic setup": admin only (reception and practitioners get 403); every change is audited by the verb. */
export const GET = apiRoute(async () => {
  const actor = await requireStaffApi(["admin"], "GET /api/v1/staff/admin/locations");
  return json(await listSetupLocations(await getDb(), actor));
});

export const POST = apiRoute(async (request) => {
  const actor = await requireStaffApi(["admin"], "POST /api/v1/staff/admin/locations");
  const body = await readJsonObject(request);
  return json(await createLocation(await getDb(), actor, body), 201);
});
