import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { updateLocation } from "@/lib/setup/update-location";

/** api.md "Clinic setup": any of the location's fields; an unknown slug in the path is 404. */
export const PATCH = apiRoute<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  const actor = await requireStaffApi(["admin"], "PATCH /api/v1/staff/admin/locations/{slug}");
  const { slug } = await params;
  const body = await readJsonObject(request);
  return json(await updateLocation(await getDb(), actor, slug, body));
});
