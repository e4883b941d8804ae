// The fee and the cancellation policy in words: the booking review, the manage page and the confirmation email say
// them the same way. Pure, so client components may import it.

const HOUR = 3_600_000;

/** "$95", "$95.50", "Bulk billed" (0 cents: Medicare pays it all), or null when the clinic shows no fee. */
export function feeText(feeCents: number | null): string | null {
  if (feeCents === null) return null;
  if (feeCents === 0) return "Bulk billed";
  const dollars = feeCents / 100;
  return Number.isInteger(dollars) ? `$${dollars}` : `$${dollars.toFixed(2)}`;
}

/** Whether a booking starting at `start` can still be cancelled or moved online at `now`. */
export function changeableOnline(start: Date | string, windowHours: number, now: Date): boolean {
  return new Date(start).getTime() - now.getTime() >= windowHours * HOUR;
}

const hours = (n: number) => (n === 1 ? "1 hour" : `${n} hours`);

/**
 * The policy as one sentence. Inside the window (`changeable` false) it says so, rather than promising that the
 * booking can be changed online.
 */
export function cancellationPolicyText(p: { windowHours: number; phone: string; changeable: boolean }): string {
  if (!p.changeable)
    return p.windowHours === 0
      ? `This appointment can't be cancelled or moved online. To change it, call ${p.phone}.`
      : `This time is less than ${hours(p.windowHours)} away, so it can't be cancelled or moved online. To change it, call ${p.phone}.`;
  if (p.windowHours === 0) return `Free to cancel or move online until the appointment starts.`;
  return `Free to cancel or move online until ${hours(p.windowHours)} before; after that, call ${p.phone}.`;
}
