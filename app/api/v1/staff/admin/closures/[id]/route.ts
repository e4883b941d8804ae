import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { deleteClosure } from "@/lib/setup/delete-closure";
import { STAFF_ROLES } from "@/lib/staff/schemas";

/** api.md: reopens a closure's days. Admins only (the verb checks). */
export const DELETE = apiRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "DELETE /api/v1/staff/admin/closures/{id}");
  const { id } = await params;
  return json(await deleteClosure(await getDb(), actor, id));
});
