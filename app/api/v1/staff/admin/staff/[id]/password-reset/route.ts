import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { sendStaffPasswordReset } from "@/lib/setup/send-staff-password-reset";

/** Emails the account a one-hour, single-use password-reset link (docs/staff-api.md). */
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requireStaffApi(["admin"], "POST /api/v1/staff/admin/staff/{id}/password-reset");
  const { id } = await params;
  return json(await sendStaffPasswordReset(await getDb(), actor, id));
});
