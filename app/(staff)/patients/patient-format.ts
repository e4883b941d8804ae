// Display helpers for the patient pages (clinic times are shown in Sydney time).
const when = new Intl.DateTimeFormat("en-AU", {
  timeZone: "Australia/Sydney",
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
});

/** A date of birth as 14/03/1979; a phone booking may have none. */
export const formatDob = (d: string | null) => (d ? d.split("-").reverse().join("/") : "not given");
export const formatInstant = (iso: string) => when.format(new Date(iso));

/** Age in whole years on a date. */
export function ageOn(dob: string, today: string): number {
  const [y, m, d] = dob.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  return ty! - y! - (tm! < m! || (tm === m && td! < d!) ? 1 : 0);
}
