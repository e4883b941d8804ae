import "server-only";
import type { Db } from "@/db/client";
import { closures } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { addDays, localTimeToMs } from "@/lib/scheduling/local-time";
import { requireRole } from "@/lib/staff/staff-access";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import { inTransaction, reviewNeedsMoving } from "./needs-moving";
import { locationBySlug, toClosureDto, type ClosureDto } from "./working-time-dto";
import { addClosureSchema } from "./working-time-schemas";

/** Closes a location for whole days (both included); bookings on them are flagged "needs moving", never cancelled. */
export async function addClosure(
  db: Db,
  actor: Actor,
  locationSlug: string,
  rawInput: unknown,
  opts: { now?: Date; dryRun?: boolean } = {},
): Promise<{ closure: ClosureDto; clashes: StaffAppointmentDto[] }> {
  const staff = await requireRole(db, actor, ["admin"], "setup.closure.add");
  const now = opts.now ?? new Date();
  const input = addClosureSchema.parse(rawInput);
  const loc = await locationBySlug(db, locationSlug);
  return inTransaction(db, opts.dryRun ?? false, async (tx) => {
    const [row] = await tx
      .insert(closures)
      .values({ locationId: loc.id, startsOn: input.from, endsOn: input.to, reason: input.reason })
      .returning();
    const dto = toClosureDto(row!, loc.slug);
    await recordAudit(tx, staff, {
      action: "setup.closure.add",
      entityType: "closure",
      entityId: row!.id,
      detail: { location: loc.slug, before: null, after: dto },
    });
    const from = new Date(localTimeToMs(input.from, "00:00", loc.timezone));
    const to = new Date(localTimeToMs(addDays(input.to, 1), "00:00", loc.timezone));
    const clashes = await reviewNeedsMoving(tx, { locationId: loc.id, from, to }, now);
    return { closure: dto, clashes };
  });
}
