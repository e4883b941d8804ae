import "server-only";
import type { Db } from "@/db/client";
import { locations } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { ValidationFailed } from "@/lib/errors";
import { isHolidayRegion } from "./holiday-regions";
import { locationCreateSchema } from "./schemas";
import { requireSetupAdmin } from "./setup-access";
import { rethrowDuplicateSlug, toLocationDto } from "./setup-rows";
import type { SetupLocationDto } from "./setup-types";

/** POST /api/v1/staff/admin/locations: a new location, active, offering nothing until services are placed there. */
export async function createLocation(db: Db, actor: Actor, rawInput: unknown): Promise<{ location: SetupLocationDto }> {
  const admin = await requireSetupAdmin(db, actor, "setup.location.create");
  const input = locationCreateSchema.parse(rawInput);
  if (!isHolidayRegion(input.holidayRegion))
    throw new ValidationFailed({ holidayRegion: "Choose an Australian state or territory, or New Zealand." });
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(locations).values(input).returning();
      const location = toLocationDto(row!);
      await recordAudit(tx, admin, {
        action: "setup.location.create",
        entityType: "location",
        entityId: location.slug,
        detail: { before: null, after: location },
      });
      return { location };
    });
  } catch (error) {
    rethrowDuplicateSlug(error, "locations_slug_unique", "location");
  }
}
