import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { STAFF_ROLES } from "@/lib/staff/schemas";
import { offerByHand } from "@/lib/waitlist/offer-by-hand";

export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "POST /api/v1/staff/waitlist/{id}/offer");
  const { id } = await params;
  const body = await readJsonObject(request);
  return json(await offerByHand(await getDb(), actor, id, body), 201);
});
