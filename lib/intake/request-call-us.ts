import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { locations, triages } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { Conflict, NotFound, ValidationFailed } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { enqueueCallUsEmail } from "@/lib/notifications/enqueue";
import { normaliseEmail } from "@/lib/scheduling/online-booking-caps";
import { hashToken } from "@/lib/security/tokens";
import { callUsRequestSchema } from "./schemas";

const STOPPING_ROUTES = ["emergency", "urgent-care"];
const CALL_US_PER_ADDRESS_PER_DAY = 3;

/**
 * `POST /api/v1/triage/{id}/call-us`: a patient whose answers stopped online booking asks for the clinic's
 * "please call us" email. Only for a triage that stopped booking, once per triage; the email says nothing of why.
 */
export async function requestCallUs(
  db: Db,
  triageId: string,
  rawInput: unknown,
  now = new Date(),
): Promise<{ requested: true }> {
  if (!z.string().uuid().safeParse(triageId).success)
    throw new NotFound("We could not find those answers. Please answer the questions again.");
  const input = callUsRequestSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    if (input.location) {
      const [loc] = await tx.select({ id: locations.id }).from(locations).where(eq(locations.slug, input.location));
      if (!loc) throw new ValidationFailed({ location: "Not a known location" });
    }
    const [claimed] = await tx
      .update(triages)
      .set({ callUsRequestedAt: now })
      .where(and(eq(triages.id, triageId), isNull(triages.callUsRequestedAt), inArray(triages.route, STOPPING_ROUTES)))
      .returning({ id: triages.id });
    if (!claimed) {
      const [t] = await tx
        .select({ route: triages.route, requested: triages.callUsRequestedAt })
        .from(triages)
        .where(eq(triages.id, triageId));
      if (!t) throw new NotFound("We could not find those answers. Please answer the questions again.");
      if (t.requested)
        throw new Conflict("We have already sent you that email. Please check your inbox, or call the clinic.");
      throw new Conflict("These answers do not stop online booking, so you can go ahead and book.");
    }
    // Whoever asks, one inbox gets at most a few of these a day: the form must not become a way to mail strangers.
    // Counted inside the transaction, so only emails really sent count.
    // counted by the inbox, so ana+1@ and Ana@ are one address (finding 9)
    await enforceRateLimit(
      tx,
      `call-us:${hashToken(normaliseEmail(input.email))}`,
      CALL_US_PER_ADDRESS_PER_DAY,
      86_400,
      "We have already emailed our number to that address today. Please check your inbox, or call the clinic.",
    );
    await enqueueCallUsEmail(tx, { email: input.email, firstName: input.firstName, location: input.location });
    await recordAudit(
      tx,
      { kind: "anonymous" },
      { action: "triage.call-us", entityType: "triage", entityId: triageId },
    );
    return { requested: true as const };
  });
}
