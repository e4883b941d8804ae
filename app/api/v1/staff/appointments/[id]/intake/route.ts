import { getStaffActor } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { Unauthorized } from "@/lib/errors";
import { apiRoute, json } from "@/lib/http/api-response";
import { getIntakeForStaff } from "@/lib/staff/get-intake-for-staff";

// Any signed-in staff member gets this far: the verb decides who may read, and audits refusals with the patient.
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await getStaffActor();
  if (!actor) throw new Unauthorized("Sign in as staff to use this.");
  const { id } = await params;
  return json(await getIntakeForStaff(await getDb(), actor, id));
});
