import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { listLocations } from "@/lib/catalog/list-locations";
import { listServices } from "@/lib/catalog/list-services";
import { readClinicIdentity } from "@/lib/setup/clinic-identity";
import { readDeepLink, readReferral } from "@/lib/interop/read-deep-link";
import { BookingFlow } from "./_components/booking-flow";
import type { Catalog } from "./_components/booking-types";
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
  const [params, locations, offered, group] = await Promise.all([
    searchParams,
    listLocations(db),
    listServices(db),
    readClinicIdentity(db),
  ]);
  // Durations, fees and policies come with the page, so the service list does not change once it is on screen.
  const bySlug = new Map(offered.map((s) => [s.slug, s]));

  const services = new Map<string, Catalog["services"][number]>();
  for (const l of locations)
    for (const s of l.services) {
      const entry = services.get(s.slug) ?? {
        slug: s.slug,
        name: s.name,
        discipline: s.discipline,
        durationMinutes: bySlug.get(s.slug)?.durationMinutes ?? 0,
        feeCents: bySlug.get(s.slug)?.feeCents ?? null,
        cancellationWindowHours: bySlug.get(s.slug)?.cancellationWindowHours ?? 24,
        locations: [],
      };
      entry.locations.push(l.slug);
      services.set(s.slug, entry);
    }
  const catalog: Catalog = {
    locations: locations.map(({ services: offered, ...l }) => ({ ...l, services: offered.map((s) => s.slug) })),
    services: [...services.values()],
    clinicPhone: group.phone,
  };
  const wanted = typeof params.location === "string" ? params.location : null;
  const initialLocation = wanted && catalog.locations.some((l) => l.slug === wanted) ? wanted : null;
  // a directory's deep link (SMART Scheduling Links): the time chosen, and who referred the patient
  const deepLink = await readDeepLink(db, params, catalog.locations);

  return (
    <BookingFlow
      catalog={catalog}
      initialLocation={deepLink?.location ?? initialLocation}
      startInHelp={params.help === "1"}
      deepLink={deepLink}
      referral={readReferral(params)}
    />
  );
}
