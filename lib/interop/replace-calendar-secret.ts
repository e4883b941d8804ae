import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/staff/staff-access";
import { type CalendarFeedDto, feedUrls, issueCalendarSecret } from "./calendar-secret";

/** A new feed address for the signed-in practitioner; the old one answers 404 from now on. */
export async function replaceCalendarSecret(db: Db, actor: Actor): Promise<CalendarFeedDto> {
  const me = await requireRole(db, actor, ["practitioner"], "calendar-feed.replace");
  const practitionerId = me.practitionerId!;
  const secret = await db.transaction(async (tx) => {
    const s = await issueCalendarSecret(tx, practitionerId);
    // the secret itself never goes in the audit log
    await recordAudit(tx, me, {
      action: "calendar_feed.replace",
      entityType: "practitioner",
      entityId: practitionerId,
      detail: { before: "previous address", after: "new address" },
    });
    return s;
  });
  return feedUrls(secret);
}
