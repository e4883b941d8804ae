import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { appointments } from "@/db/schema";
import { hashToken, newToken } from "@/lib/security/tokens";
import { intakeUrl, manageUrl } from "./booking-dto";

export type BookingLink = "manage" | "intake";

/**
 * New secret links for a booking, for when the old ones are nowhere to be had (only their hashes are stored, and the
 * links themselves live sealed in queued emails until they are sent). The old link stops working at once. Call it
 * inside the transaction that sends the new link, so both commit or neither.
 */
export async function rotateBookingLinks(
  tx: Tx,
  appointmentId: string,
  which: readonly BookingLink[],
): Promise<{ manageUrl?: string; intakeUrl?: string }> {
  if (which.length === 0) return {};
  const manage = which.includes("manage") ? newToken() : undefined;
  const intake = which.includes("intake") ? newToken() : undefined;
  await tx
    .update(appointments)
    .set({
      ...(manage ? { manageTokenHash: hashToken(manage) } : {}),
      ...(intake ? { intakeTokenHash: hashToken(intake) } : {}),
    })
    .where(eq(appointments.id, appointmentId));
  return {
    ...(manage ? { manageUrl: manageUrl(manage) } : {}),
    ...(intake ? { intakeUrl: intakeUrl(intake) } : {}),
  };
}
