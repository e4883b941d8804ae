import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { readClinicIdentity } from "./clinic-identity";
import { requireSetupAdmin } from "./setup-access";
import type { ClinicIdentityDto } from "./setup-types";

/** GET /api/v1/staff/admin/settings: the group's identity as patients see it, and whether it has been set. */
export async function getClinicIdentity(db: Db, actor: Actor): Promise<{ settings: ClinicIdentityDto }> {
  await requireSetupAdmin(db, actor, "setup.settings.read");
  return { settings: await readClinicIdentity(db) };
}
