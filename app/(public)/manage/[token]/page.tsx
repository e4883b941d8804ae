import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { getBookingByManageToken } from "@/lib/scheduling/get-booking-by-token";
import { ManageBooking } from "./_components/manage-booking";
import "../../booking.css";

// The token is a secret: keep it out of search engines and other sites' Referer headers.
export const metadata: Metadata = {
  title: "Your appointment",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const hasEnded = (end: string, now = new Date()) => Date.parse(end) < now.getTime();

export default async function ManagePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const booking = await getBookingByManageToken(await getDb(), token);
  if (!booking) notFound();
  return <ManageBooking booking={booking} token={token} past={hasEnded(booking.end)} />;
}
