import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { closures, locations } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { publishBookingEvent } from "@/lib/scheduling/booking-events";
import { addDays, localTimeToMs } from "@/lib/scheduling/local-time";
import { requireRole } from "@/lib/staff/staff-access";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import { inTransaction, reviewNeedsMoving } from "./needs-moving";
import { toClosureDto, type ClosureDto } from "./working-time-dto";
import { idSchema } from "./working-time-schemas";

/** Reopens the days of a closure; the freed time is published for the wait list, flags it raised clear. */
export async function deleteClosure(
  db: Db,
  actor: Actor,
  id: string,
  opts: { now?: Date } = {},
): Promise<{ closure: ClosureDto; clashes: StaffAppointmentDto[] }> {
  const staff = await requireRole(db, actor, ["admin"], "setup.closure.delete");
  const now = opts.now ?? new Date();
  if (!idSchema.safeParse(id).success) throw new NotFound("There is no such closure.");
  return inTransaction(db, false, async (tx) => {
    const [found] = await tx
      .select({ c: closures, slug: locations.slug, timezone: locations.timezone })
      .from(closures)
      .innerJoin(locations, eq(locations.id, closures.locationId))
      .where(eq(closures.id, id))
      .for("update");
    if (!found) throw new NotFound("There is no such closure.");
    const dto = toClosureDto(found.c, found.slug);
    await tx.delete(closures).where(eq(closures.id, id));
    await recordAudit(tx, staff, {
      action: "setup.closure.delete",
      entityType: "closure",
      entityId: id,
      detail: { location: found.slug, before: dto, after: null },
    });
    const start = new Date(localTimeToMs(found.c.startsOn, "00:00", found.timezone));
    const end = new Date(localTimeToMs(addDays(found.c.endsOn, 1), "00:00", found.timezone));
    const clashes = await reviewNeedsMoving(tx, { locationId: found.c.locationId, from: start, to: end }, now);
    await publishBookingEvent(tx, {
      kind: "time-freed",
      locationId: found.c.locationId,
      practitionerId: null,
      start,
      end,
      now,
    });
    return { closure: dto, clashes };
  });
}
