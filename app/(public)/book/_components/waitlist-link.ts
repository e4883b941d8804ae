/** The wait list's join page for what the patient was looking for, wherever no time suits. */
export function waitlistJoinHref(location: string, service: string, practitioner: string | null | undefined): string {
  return `/wait-list/join?${new URLSearchParams({ location, service, ...(practitioner ? { practitioner } : {}) })}`;
}
