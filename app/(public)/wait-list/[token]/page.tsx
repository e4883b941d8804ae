import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getWaitlistPage } from "@/lib/waitlist/get-entry";
import { WaitlistEntryView } from "./_components/waitlist-entry-view";
import "../../booking.css";

// The token is a secret: keep it out of search engines and other sites' Referer headers.
export const metadata: Metadata = {
  title: "Your wait list entry",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function WaitlistEntryPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const view = await getWaitlistPage(await getDb(), token);
  if (!view) notFound();
  return <WaitlistEntryView view={view} token={token} joined={query.joined === "1"} clinicPhone={env.CLINIC_PHONE} />;
}
