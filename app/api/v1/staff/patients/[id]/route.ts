import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { getPatient } from "@/lib/staff/get-patient";
import { STAFF_ROLES } from "@/lib/staff/schemas";
import { updatePatientContact } from "@/lib/staff/update-patient-contact";

export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requireStaffApi(["reception", "admin"], "GET /api/v1/staff/patients/{id}");
  const { id } = await params;
  return json({ patient: await getPatient(await getDb(), actor, id) });
});

/** The patient's contact details, whole (docs/staff-api.md); the verb checks the role (front desk) and audits. */
export const PATCH = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "PATCH /api/v1/staff/patients/{id}");
  const { id } = await params;
  const body = await readJsonObject(request);
  return json(await updatePatientContact(await getDb(), actor, id, body));
});
