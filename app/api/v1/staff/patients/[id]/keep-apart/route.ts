import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { keepPatientsApart } from "@/lib/staff/keep-patients-apart";

/** A possible duplicate that is someone else: it leaves the list and stays a patient of its own. */
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requireStaffApi(["reception", "admin"], "POST /api/v1/staff/patients/{id}/keep-apart");
  const { id } = await params;
  return json(await keepPatientsApart(await getDb(), actor, id));
});
