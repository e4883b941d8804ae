import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { searchParamsOf } from "@/lib/http/read-json";
import { getDayBoard } from "@/lib/staff/get-day-board";

/** The reception day view of one location (columns, rosters, appointments); the calendar page fetches it when switching days. */
export const GET = apiRoute(async (request) => {
  const actor = await requireStaffApi(["reception", "admin"], "GET /api/v1/staff/calendar/day");
  return json(await getDayBoard(await getDb(), actor, searchParamsOf(request)));
});
