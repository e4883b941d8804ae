import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { searchParamsOf } from "@/lib/http/read-json";
import { getLocationWeek } from "@/lib/staff/get-location-week";

/** One location's week, a row per practitioner and a cell per day; the calendar fetches it when switching weeks. */
export const GET = apiRoute(async (request) => {
  const actor = await requireStaffApi(["reception", "admin"], "GET /api/v1/staff/calendar/location-week");
  return json(await getLocationWeek(await getDb(), actor, searchParamsOf(request)));
});
