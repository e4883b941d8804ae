// The one place that decides whether a `next` / callbackUrl may be followed. Pure, so the sign-in form, the login page
// and next-auth's redirect callback all share it.
const PROBE_ORIGIN = "http://same-origin.invalid";
const MAX_LENGTH = 2048;
// Backslashes (browsers read them as slashes), C0/C1 controls incl. CR/LF/TAB, and the Unicode line separators.
const FORBIDDEN = /[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function decodeAll(raw: string): string[] | null {
  const forms = [raw];
  let current = raw;
  for (let i = 0; i < 3 && current.includes("%"); i++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      return null;
    }
    forms.push(current);
  }
  return forms;
}

function isSafePath(path: string): boolean {
  if (path.length === 0 || path.length > MAX_LENGTH || !path.startsWith("/")) return false;
  const forms = decodeAll(path);
  if (!forms) return false;
  for (const form of forms) {
    if (FORBIDDEN.test(form) || form.startsWith("//")) return false;
  }
  return new URL(path, PROBE_ORIGIN).origin === PROBE_ORIGIN;
}

/**
 * A same-origin path (path, query and fragment) to go to, or null to use the default. `base` (our own origin) lets an
 * absolute URL on that origin through, as next-auth hands its callbackUrl over.
 */
export function safeNextPath(raw: unknown, base?: string): string | null {
  if (typeof raw !== "string" || raw.length > MAX_LENGTH) return null;
  let path = raw;
  if (base && !raw.startsWith("/")) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return null;
    }
    if (url.origin !== new URL(base).origin) return null;
    path = url.pathname + url.search + url.hash;
  }
  if (!isSafePath(path)) return null;
  const url = new URL(path, PROBE_ORIGIN);
  return url.pathname + url.search + url.hash;
}
