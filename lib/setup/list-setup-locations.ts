import "server-only";
import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locations } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { requireSetupAdmin } from "./setup-access";
import { toLocationDto } from "./setup-rows";
import type { SetupLocationDto } from "./setup-types";

/** GET /api/v1/staff/admin/locations: every location, inactive ones included. */
export async function listSetupLocations(db: Db, actor: Actor): Promise<{ locations: SetupLocationDto[] }> {
  await requireSetupAdmin(db, actor, "setup.location.list");
  const rows = await db.select().from(locations).orderBy(asc(locations.online), asc(locations.name));
  return { locations: rows.map(toLocationDto) };
}
