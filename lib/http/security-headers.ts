// The headers every answer carries, and the Content-Security-Policy of pages. Pure, so proxy.ts stays a thin shell.

/** Pages that carry a secret token in their address: they tell no one where the reader came from. */
const TOKEN_PATHS = [
  /^\/manage\//,
  /^\/intake\//,
  /^\/api\/v1\/bookings\//,
  /^\/api\/v1\/calendar\//,
  /^\/login\/reset\//,
  /^\/login\/invite\//,
  /^\/invite/,
];

export function isTokenPath(pathname: string): boolean {
  return TOKEN_PATHS.some((re) => re.test(pathname));
}

/**
 * A strict policy: scripts only with this response's nonce (and what they load, 'strict-dynamic'), nothing framed,
 * no plugins, no <base>, forms and fetches to this origin only. Styles may be inline (React's style attributes).
 * Images come from this site only: practitioners' photos are stored and served here, so no other host sees who opens a
 * page (blob: is the admin's preview of a photo before it is uploaded).
 */
export function pageCsp(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON, files and anything else that is not a page: nothing may run or frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function securityHeaders(pathname: string, opts: { production: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": isTokenPath(pathname) ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(opts.production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing staff request must come from our own pages: a JSON or raw-bytes body (a cross-site page cannot send
 * either without a CORS preflight, which we never grant), and, where the browser says where it came from, from this very origin.
 * Returns why it is refused, or null.
 */
export function crossSiteRefusal(
  req: { method: string; headers: Headers; url: string },
  publicBaseUrl: string,
): { status: number; code: string; message: string } | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  // neither type is one a cross-site form may send, nor one a cross-site fetch may send without that preflight;
  // octet-stream carries a file's raw bytes (a practitioner's photo)
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(json|octet-stream)\b/i.test(type.trim())) {
    return {
      status: 400,
      code: "bad_request",
      message: "Send a JSON body with Content-Type: application/json (a file as application/octet-stream).",
    };
  }
  return otherSiteRefusal(req, publicBaseUrl);
}

/**
 * A change sent from another site, whatever its body: the browser's Sec-Fetch-Site or Origin names another site.
 * Server actions (a POST with a `Next-Action` header, form or text body) get this check in `proxy.ts` before Next.js's
 * own origin check, so a forged one is a plain 403 rather than an error inside the action handler.
 */
export function otherSiteRefusal(
  req: { method: string; headers: Headers; url: string },
  publicBaseUrl: string,
): { status: number; code: string; message: string } | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return forbiddenOrigin();
  const origin = req.headers.get("origin");
  if (origin !== null && !sameOrigin(origin, req, publicBaseUrl)) return forbiddenOrigin();
  return null;
}

function forbiddenOrigin() {
  return { status: 403, code: "forbidden", message: "This change must be made from the clinic's own pages." };
}

function sameOrigin(origin: string, req: { headers: Headers; url: string }, publicBaseUrl: string): boolean {
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return false;
  }
  if (o.origin === new URL(publicBaseUrl).origin) return true;
  // the host the browser addressed (a proxy keeps it in X-Forwarded-Host)
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  return o.host === host;
}
