import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { listSetupServices } from "@/lib/setup/list-setup-services";
import { createService } from "@/lib/setup/create-service";

/** api.md "Clinic setup": admin only (reception and practitioners get 403); every change is audited by the verb. */
export const GET = apiRoute(async () => {
  const actor = await requireStaffApi(["admin"], "GET /api/v1/staff/admin/services");
  return json(await listSetupServices(await getDb(), actor));
});

export const POST = apiRoute(async (request) => {
  const actor = await requireStaffApi(["admin"], "POST /api/v1/staff/admin/services");
  const body = await readJsonObject(request);
  return json(await createService(await getDb(), actor, body), 201);
});
