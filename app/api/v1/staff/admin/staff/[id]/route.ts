import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { updateStaff } from "@/lib/setup/update-staff";

/** `{"role"?,"active"?}`: a deactivated account's sessions end at once. */
export const PATCH = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requireStaffApi(["admin"], "PATCH /api/v1/staff/admin/staff/{id}");
  const { id } = await params;
  const body = await readJsonObject(request);
  return json(await updateStaff(await getDb(), actor, id, body));
});
