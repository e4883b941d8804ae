import { requireStaffApi } from "@/lib/auth";
import { STAFF_ROLES } from "@/lib/staff/schemas";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { moveByStaff } from "@/lib/staff/move-by-staff";

// Signed-in staff only; the verb checks the role (front desk), once.
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "POST /api/v1/staff/appointments/{id}/move");
  const { id } = await params;
  const body = await readJsonObject(request);
  return json({ booking: await moveByStaff(await getDb(), actor, id, body) });
});
