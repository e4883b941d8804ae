import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { calendarFeeds } from "@/db/schema";
import { env } from "@/lib/env";
import { seal } from "@/lib/notifications/secrets";
import { hashToken, newToken } from "@/lib/security/tokens";

/** The feed's addresses: https for Google and Outlook, webcal for Apple Calendar (it subscribes on a tap). */
export interface CalendarFeedDto {
  url: string;
  webcalUrl: string;
}

export function feedUrls(secret: string): CalendarFeedDto {
  const url = `${env.PUBLIC_BASE_URL.replace(/\/+$/, "")}/api/v1/calendar/${secret}.ics`;
  return { url, webcalUrl: url.replace(/^https?:/, "webcal:") };
}

/** A new secret for the practitioner's feed, replacing any earlier one (whose address then finds nothing). */
export async function issueCalendarSecret(tx: Tx, practitionerId: string): Promise<string> {
  const secret = newToken();
  const values = { secretHash: hashToken(secret), secretSealed: seal(secret), createdAt: new Date() };
  const [updated] = await tx
    .update(calendarFeeds)
    .set(values)
    .where(eq(calendarFeeds.practitionerId, practitionerId))
    .returning({ id: calendarFeeds.practitionerId });
  if (!updated) await tx.insert(calendarFeeds).values({ practitionerId, ...values });
  return secret;
}
