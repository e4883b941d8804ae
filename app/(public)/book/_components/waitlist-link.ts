/**
 * The wait list's join page for what the patient was looking for, wherever no time suits. A triage (help me choose)
 * goes with it, as it goes with a booking: the API refuses to add a patient whose answers stop online booking.
 */
export function waitlistJoinHref(
  location: string,
  service: string,
  practitioner: string | null | undefined,
  triage: string | null | undefined,
): string {
  return `/wait-list/join?${new URLSearchParams({
    location,
    service,
    ...(practitioner ? { practitioner } : {}),
    ...(triage ? { triage } : {}),
  })}`;
}
