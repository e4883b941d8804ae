import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { readClinicIdentity } from "@/lib/setup/clinic-identity";
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

export default async function ManagePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const [booking, group] = await Promise.all([getBookingByManageToken(db, token), readClinicIdentity(db)]);
  if (!booking) notFound();
  const past = hasEnded(booking.end);
  // The booking flow lands here with ?booked=1: the confirmation is this page, so a reload shows the booking again.
  const justBooked = query.booked === "1" && booking.status === "booked" && !past;
  return (
    <ManageBooking booking={booking} token={token} past={past} justBooked={justBooked} clinicPhone={group.phone} />
  );
}
