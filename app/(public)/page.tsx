import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { listLocations } from "@/lib/catalog/list-locations";
import { LocationCard } from "./_components/location-card";

export default async function HomePage() {
  await connection();
  const locations = await listLocations(await getDb());
  return (
    <>
      <section className="hero">
        <div className="container hero__inner">
          <p className="eyebrow">Sports physiotherapy · Exercise physiology · Online rehab</p>
          <h1>Get moving again, without the guesswork.</h1>
          <p className="lede">
            Five clinics across Sydney and an online rehab service. Tell us where it hurts and we will match you with
            the right practitioner, often this week.
          </p>
          <div className="hero__actions">
            <Link href="/book" className="button button--large">
              Book now
            </Link>
            <Link href="/book?help=1" className="button button--ghost button--large">
              Help me choose
            </Link>
          </div>
          <ul className="hero__facts" aria-label="Why book with us">
            <li>
              <strong>Hamstring and tendon specialists</strong> deep buttock pain, pain behind the knee, return to
              running
            </li>
            <li>
              <strong>Book in under a minute</strong> live times, instant confirmation
            </li>
            <li>
              <strong>Your intake, read before you arrive</strong> so the visit starts with you, not a form
            </li>
          </ul>
        </div>
      </section>

      <section id="locations" className="section" aria-labelledby="locations-title">
        <div className="container">
          <h2 id="locations-title">Our locations</h2>
          <p className="section__intro">
            Every clinic is open weekdays, with early and evening times. Online rehab works wherever you are.
          </p>
          {locations.length === 0 ? (
            <p className="empty">No locations are set up yet.</p>
          ) : (
            <ul className="location-grid">
              {locations.map((l) => (
                <li key={l.slug}>
                  <LocationCard location={l} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>

      <section className="section section--tinted" aria-labelledby="choose-title">
        <div className="container split">
          <div>
            <h2 id="choose-title">Not sure who to see?</h2>
            <p>
              A few questions about your pain point you to a sports physiotherapist, an exercise physiologist or online
              rehab, and tell you plainly if you should see a doctor first.
            </p>
          </div>
          <Link href="/book?help=1" className="button button--large">
            Help me choose
          </Link>
        </div>
      </section>
    </>
  );
}
