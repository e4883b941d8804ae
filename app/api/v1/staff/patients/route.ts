import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { searchParamsOf } from "@/lib/http/read-json";
import { searchPatients } from "@/lib/staff/search-patients";

export const GET = apiRoute(async (request) => {
  const actor = await requireStaffApi(["reception", "admin"], "GET /api/v1/staff/patients");
  return json(await searchPatients(await getDb(), actor, searchParamsOf(request)));
});
