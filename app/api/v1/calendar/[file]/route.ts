import { getDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-response";
import { clientKey, enforceRateLimit } from "@/lib/http/rate-limit";
import { getCalendarFeed } from "@/lib/interop/get-calendar-feed";

// Calendar apps poll a subscription every few minutes to hours; a minute's worth per address is plenty.
const FEED_POLLS_PER_MINUTE = 30;

export const GET = apiRoute(async (request, { params }: { params: Promise<{ file: string }> }) => {
  const { file } = await params;
  const db = await getDb();
  await enforceRateLimit(db, `calendar-feed:${clientKey(request)}`, FEED_POLLS_PER_MINUTE);
  if (!file.endsWith(".ics")) throw new NotFound();
  const ics = await getCalendarFeed(db, file.slice(0, -4));
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Content-Disposition": 'inline; filename="appointments.ics"',
    },
  });
});
