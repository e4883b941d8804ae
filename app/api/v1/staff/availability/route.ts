import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { searchParamsOf } from "@/lib/http/read-json";
import { listStaffAvailability } from "@/lib/staff/list-staff-availability";

export const GET = apiRoute(async (request) => {
  const actor = await requireStaffApi(["reception", "admin"], "GET /api/v1/staff/availability");
  return json(await listStaffAvailability(await getDb(), actor, searchParamsOf(request)));
});
