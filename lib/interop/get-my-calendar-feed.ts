import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarFeeds } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { recordAudit } from "@/lib/audit/record-audit";
import { unseal } from "@/lib/notifications/secrets";
import { requireRole } from "@/lib/staff/staff-access";
import { type CalendarFeedDto, feedUrls, issueCalendarSecret } from "./calendar-secret";

/** The signed-in practitioner's feed address; the first visit makes their secret (and audits it). */
export async function getMyCalendarFeed(db: Db, actor: Actor): Promise<CalendarFeedDto> {
  const me = await requireRole(db, actor, ["practitioner"], "calendar-feed.read");
  const practitionerId = me.practitionerId!;
  const [row] = await db
    .select({ sealed: calendarFeeds.secretSealed })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.practitionerId, practitionerId));
  if (row) return feedUrls(unseal<string>(row.sealed));
  const secret = await db.transaction(async (tx) => {
    const s = await issueCalendarSecret(tx, practitionerId);
    await recordAudit(tx, me, { action: "calendar_feed.create", entityType: "practitioner", entityId: practitionerId });
    return s;
  });
  return feedUrls(secret);
}
