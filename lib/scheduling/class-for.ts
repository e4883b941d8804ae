import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { classes } from "@/db/schema";
import type { SlotContext } from "./load-slot-query";
import type { Slot } from "./slot-types";

/**
 * The class a place at this slot belongs to, created with the first place booked in it; null for a service of one
 * patient at a time. The class's checked counter refuses a place too many (see refusalOf).
 */
export async function classFor(
  tx: Tx,
  { service, location }: Pick<SlotContext, "service" | "location">,
  slot: Slot,
  practitionerId: string,
): Promise<string | null> {
  if (service.capacity <= 1) return null;
  await tx
    .insert(classes)
    .values({
      serviceId: service.id,
      locationId: location.id,
      practitionerId,
      startsAt: slot.start,
      endsAt: slot.end,
      capacity: service.capacity,
    })
    .onConflictDoNothing();
  const [cls] = await tx
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.practitionerId, practitionerId), eq(classes.startsAt, slot.start)));
  return cls!.id;
}
