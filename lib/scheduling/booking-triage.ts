import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { triages } from "@/db/schema";
import { NotBookableOnline, ValidationFailed } from "@/lib/errors";

/** Triage routes that stop online booking (and joining the wait list, lib/waitlist/join-waitlist.ts). */
export const STOPS_ONLINE_BOOKING: ReadonlySet<string> = new Set(["emergency", "urgent-care"]);
const STOPPED_MESSAGE =
  "Your answers to our questions mean it isn't safe to wait for a booked appointment. If it is an emergency, " +
  "call 000 now; otherwise please see a GP or an urgent care clinic today, or call us and we will help you.";

/** The route the booking's triage took; null without one, "unknown" for an id that is not a triage. */
export async function triageRoute(tx: Tx, triageId: string | undefined): Promise<string | null> {
  if (!triageId) return null;
  const [row] = await tx.select({ route: triages.route }).from(triages).where(eq(triages.id, triageId));
  return row?.route ?? "unknown";
}

/**
 * Refuses a triage id that is not one, and, online, a patient told to call 000 or see a GP today, however they reach
 * the confirm button; reception can still book them by phone.
 */
export function assertTriageAllowsBooking(route: string | null, online: boolean): void {
  if (route === "unknown") throw new ValidationFailed({ triage: "Not a known triage" });
  if (online && route !== null && STOPS_ONLINE_BOOKING.has(route)) throw new NotBookableOnline(STOPPED_MESSAGE);
}
