import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { mergePatients } from "@/lib/staff/merge-patients";

/** Body `{"into": PATIENT_ID}`: this patient's appointments and intakes move to `into`, which is kept. */
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requireStaffApi(["reception", "admin"], "POST /api/v1/staff/patients/{id}/merge");
  const { id } = await params;
  const body = await readJsonObject(request);
  return json({ merge: await mergePatients(await getDb(), actor, { ...body, patientId: id }) });
});
