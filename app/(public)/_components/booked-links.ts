// The intake link of a booking just made, kept for this tab only: the manage page shows it after the booking
// replaces the address, and again after a reload. Its token never goes into an address or to the server.
const key = (bookingId: string) => `booked-intake:${bookingId}`;

export function rememberIntakeLink(bookingId: string, path: string): void {
  try {
    sessionStorage.setItem(key(bookingId), path);
  } catch {
    // storage refused (private mode): the link is in the confirmation email
  }
}

export function recallIntakeLink(bookingId: string): string | null {
  try {
    const path = sessionStorage.getItem(key(bookingId));
    return path && path.startsWith("/intake/") ? path : null;
  } catch {
    return null;
  }
}
