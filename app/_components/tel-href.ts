/** "(02) 9000 4100" → "tel:+61290004100": an Australian number written for people, as a link any phone dials. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, "");
  return `tel:${digits.startsWith("0") ? `+61${digits.slice(1)}` : digits}`;
}
