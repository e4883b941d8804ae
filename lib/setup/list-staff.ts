import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/staff/staff-access";
import { loadStaff } from "./staff-dto";
import type { StaffDto } from "./staff-schemas";

/** Every staff account, by name, with its role, linked practitioner, status and last sign-in. */
export async function listStaff(db: Db, actor: Actor): Promise<{ staff: StaffDto[] }> {
  await requireRole(db, actor, ["admin"], "staff.list");
  return { staff: await loadStaff(db) };
}
