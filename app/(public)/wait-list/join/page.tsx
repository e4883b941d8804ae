import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listLocations } from "@/lib/catalog/list-locations";
import { listPractitioners } from "@/lib/catalog/list-practitioners";
import { listServices } from "@/lib/catalog/list-services";
import { getDb } from "@/lib/db";
import { JoinWaitlistForm } from "./_components/join-waitlist-form";
import "../../booking.css";

export const metadata: Metadata = { title: "Join the wait list" };

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** Reached from /book when no time suits: the service, location and practitioner come with the link. */
export default async function JoinWaitlistPage({ searchParams }: { searchParams: Promise<Query> }) {
  await connection();
  const q = await searchParams;
  const db = await getDb();
  const [locations, services] = await Promise.all([listLocations(db), listServices(db)]);
  const location = locations.find((l) => l.slug === one(q.location));
  const service = services.find((s) => s.slug === one(q.service) && location && s.locations.includes(location.slug));
  const practitioner = one(q.practitioner)
    ? (await listPractitioners(db, { location: location?.slug })).find((p) => p.slug === one(q.practitioner))
    : undefined;
  return (
    <div className="book">
      <section className="container book__inner book__inner--narrow" aria-labelledby="join-title">
        <header className="book__header">
          <p className="eyebrow eyebrow--dark">Wait list</p>
          <h1 id="join-title">Join the wait list</h1>
        </header>
        {location && service ? (
          <JoinWaitlistForm
            location={{ slug: location.slug, name: location.name, timezone: location.timezone }}
            service={{ slug: service.slug, name: service.name }}
            practitioner={practitioner ? { slug: practitioner.slug, name: practitioner.name } : null}
            triage={one(q.triage)}
          />
        ) : (
          <section className="card step">
            <p>Choose a service and a location first, then join the wait list from the times page.</p>
            <p>
              <Link className="button" href="/book">
                Start booking
              </Link>
            </p>
          </section>
        )}
      </section>
    </div>
  );
}
