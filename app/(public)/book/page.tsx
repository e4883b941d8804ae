import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { knownLocation, loadBookingCatalog } from "@/lib/catalog/booking-catalog";
import { readDeepLink, readReferral } from "@/lib/interop/read-deep-link";
import { BookingFlow } from "./_components/booking-flow";
import "../booking.css";

export const metadata: Metadata = {
  title: "Book an appointment",
  description: "Choose a service, a clinic and a time. Live availability, instant confirmation.",
};

export default async function BookPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const db = await getDb();
  const [params, catalog] = await Promise.all([searchParams, loadBookingCatalog(db)]);
  // a directory's deep link (SMART Scheduling Links): the time chosen, and who referred the patient
  const deepLink = await readDeepLink(db, params, catalog.locations);

  return (
    <BookingFlow
      catalog={catalog}
      initialLocation={deepLink?.location ?? knownLocation(catalog, params.location)}
      startInHelp={params.help === "1"}
      deepLink={deepLink}
      referral={readReferral(params)}
    />
  );
}
