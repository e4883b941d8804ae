import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { listPossibleDuplicates } from "@/lib/staff/list-possible-duplicates";

export const GET = apiRoute(async () => {
  const actor = await requireStaffApi(["reception", "admin"], "GET /api/v1/staff/patients/duplicates");
  return json(await listPossibleDuplicates(await getDb(), actor));
});
