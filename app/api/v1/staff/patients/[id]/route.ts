import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { getPatient } from "@/lib/staff/get-patient";

export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requireStaffApi(["reception", "admin"], "GET /api/v1/staff/patients/{id}");
  const { id } = await params;
  return json({ patient: await getPatient(await getDb(), actor, id) });
});
