import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { getClinicIdentity } from "@/lib/setup/get-clinic-identity";
import { updateClinicIdentity } from "@/lib/setup/update-clinic-identity";

/** The clinic group's identity (docs/staff-api.md): admin only; the change is audited by the verb. */
export const GET = apiRoute(async () => {
  const actor = await requireStaffApi(["admin"], "GET /api/v1/staff/admin/settings");
  return json(await getClinicIdentity(await getDb(), actor));
});

export const PATCH = apiRoute(async (request) => {
  const actor = await requireStaffApi(["admin"], "PATCH /api/v1/staff/admin/settings");
  const body = await readJsonObject(request);
  return json(await updateClinicIdentity(await getDb(), actor, body));
});
