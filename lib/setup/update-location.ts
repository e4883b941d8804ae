import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locations } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { ValidationFailed } from "@/lib/errors";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import { reviewActivation } from "./future-clashes";
import { isHolidayRegion } from "./holiday-regions";
import { locationUpdateSchema } from "./schemas";
import { requireSetupAdmin } from "./setup-access";
import { notFound, toLocationDto } from "./setup-rows";
import type { SetupLocationDto } from "./setup-types";

/**
 * PATCH /api/v1/staff/admin/locations/{slug}. Deactivating offers no more time there and takes the location off the
 * public lists; its future appointments stay booked and come back as `clashes` for reception to move.
 */
export async function updateLocation(
  db: Db,
  actor: Actor,
  slug: string,
  rawInput: unknown,
  now = new Date(),
): Promise<{ location: SetupLocationDto; clashes: StaffAppointmentDto[] }> {
  const admin = await requireSetupAdmin(db, actor, "setup.location.update");
  const input = locationUpdateSchema.parse(rawInput);
  if (input.holidayRegion !== undefined && !isHolidayRegion(input.holidayRegion))
    throw new ValidationFailed({ holidayRegion: "Choose an Australian state or territory, or New Zealand." });
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(locations).where(eq(locations.slug, slug)).for("update");
    if (!row) throw notFound("location");
    const before = toLocationDto(row);
    if (!row.online && input.address === null)
      throw new ValidationFailed({ address: "Enter the address patients come to" });
    const [updated] = Object.keys(input).length
      ? await tx.update(locations).set(input).where(eq(locations.id, row.id)).returning()
      : [row];
    const location = toLocationDto(updated!);
    const clashes = await reviewActivation(
      tx,
      { locationId: row.id },
      { active: location.active, wasActive: before.active },
      now,
    );
    await recordAudit(tx, admin, {
      action: "setup.location.update",
      entityType: "location",
      entityId: slug,
      detail: { before, after: location, clashes: clashes.length },
    });
    return { location, clashes };
  });
}
