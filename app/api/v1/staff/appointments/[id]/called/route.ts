import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readOptionalJsonObject } from "@/lib/http/read-json";
import { markPatientCalled } from "@/lib/staff/mark-patient-called";

export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requireStaffApi(["reception", "admin"], "POST /api/v1/staff/appointments/{id}/called");
  const { id } = await params;
  return json({
    appointment: await markPatientCalled(await getDb(), actor, id, await readOptionalJsonObject(request)),
  });
});
