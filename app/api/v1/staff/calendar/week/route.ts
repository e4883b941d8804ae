import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { searchParamsOf } from "@/lib/http/read-json";
import { getPractitionerWeek } from "@/lib/staff/get-practitioner-week";

/** One practitioner's week; practitioners may ask only for their own. */
export const GET = apiRoute(async (request) => {
  const actor = await requireStaffApi(["reception", "admin", "practitioner"], "GET /api/v1/staff/calendar/week");
  return json(await getPractitionerWeek(await getDb(), actor, searchParamsOf(request)));
});
