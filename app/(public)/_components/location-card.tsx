import Link from "next/link";
import type { LocationDto } from "@/lib/catalog/list-locations";

const DISCIPLINE_LABEL: Record<string, string> = {
  "sports-physio": "Sports physio",
  "exercise-physiology": "Exercise physiology",
};

/** What a location offers, in words a patient would use. */
function offers(location: LocationDto): string[] {
  const labels = new Set<string>();
  for (const s of location.services) {
    if (s.slug === "pilates-class") labels.add("Clinical Pilates");
    else if (s.slug === "shockwave") labels.add("Shockwave");
    else if (location.online) labels.add("Exercise physiology by video");
    else labels.add(DISCIPLINE_LABEL[s.discipline] ?? s.discipline);
  }
  return [...labels];
}

export function LocationCard({ location }: { location: LocationDto }) {
  return (
    <article className="card location-card" aria-labelledby={`loc-${location.slug}`}>
      <h3 id={`loc-${location.slug}`}>{location.name}</h3>
      <p className="location-card__address">{location.online ? "By video, anywhere in Australia" : location.address}</p>
      <ul className="chips" aria-label={`Offered at ${location.name}`}>
        {offers(location).map((o) => (
          <li key={o} className="chip">
            {o}
          </li>
        ))}
      </ul>
      <div className="location-card__footer">
        {location.phone ? <span className="muted">{location.phone}</span> : <span />}
        <Link href={`/book?location=${location.slug}`} className="link-arrow">
          Book here<span className="visually-hidden"> at {location.name}</span> <span aria-hidden="true">→</span>
        </Link>
      </div>
    </article>
  );
}
