import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject, searchParamsOf } from "@/lib/http/read-json";
import { STAFF_ROLES } from "@/lib/staff/schemas";
import { addToWaitlistByStaff } from "@/lib/waitlist/join-waitlist";
import { listWaitlist } from "@/lib/waitlist/staff-waitlist";

// Signed-in staff only; the verbs check the role (front desk), once.
export const GET = apiRoute(async (request) => {
  const actor = await requireStaffApi(STAFF_ROLES, "GET /api/v1/staff/waitlist");
  return json(await listWaitlist(await getDb(), actor, searchParamsOf(request)));
});

export const POST = apiRoute(async (request) => {
  const actor = await requireStaffApi(STAFF_ROLES, "POST /api/v1/staff/waitlist");
  const body = await readJsonObject(request);
  return json(await addToWaitlistByStaff(await getDb(), actor, body), 201);
});
