import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { deleteLeave } from "@/lib/setup/delete-leave";
import { STAFF_ROLES } from "@/lib/staff/schemas";

/** api.md: removes leave. Admins only (the verb checks). */
export const DELETE = apiRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "DELETE /api/v1/staff/admin/leave/{id}");
  const { id } = await params;
  return json(await deleteLeave(await getDb(), actor, id));
});
