import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { resendStaffInvitation } from "@/lib/setup/resend-staff-invitation";

/** Emails an invited account a fresh invitation; the earlier link stops working (docs/staff-api.md). */
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requireStaffApi(["admin"], "POST /api/v1/staff/admin/staff/{id}/invitation");
  const { id } = await params;
  return json(await resendStaffInvitation(await getDb(), actor, id));
});
