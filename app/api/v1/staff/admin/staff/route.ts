import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { inviteStaff } from "@/lib/setup/invite-staff";
import { listStaff } from "@/lib/setup/list-staff";

/** Every staff account (docs/staff-api.md). */
export const GET = apiRoute(async () => {
  const actor = await requireStaffApi(["admin"], "GET /api/v1/staff/admin/staff");
  return json(await listStaff(await getDb(), actor));
});

/** Creates an account and emails it a single-use invitation, valid 72 hours, to set a password. */
export const POST = apiRoute(async (request) => {
  const actor = await requireStaffApi(["admin"], "POST /api/v1/staff/admin/staff");
  const body = await readJsonObject(request);
  return json(await inviteStaff(await getDb(), actor, body), 201);
});
