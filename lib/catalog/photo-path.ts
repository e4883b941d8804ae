/**
 * Where patients' browsers fetch a practitioner's photo: always this site (no other host learns who opens /book).
 * `v` is the start of the photo's hash, so a new photo is fetched at once despite the five-minute cache.
 */
export function photoPath(slug: string, sha256: string): string {
  return `/api/v1/practitioners/${encodeURIComponent(slug)}/photo?v=${sha256.slice(0, 16)}`;
}
