import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { API_CSP, crossSiteRefusal, otherSiteRefusal, pageCsp, securityHeaders } from "@/lib/http/security-headers";

// Every request passes here first: staff changes and server actions from another site are refused, and every answer gets its security
// headers; pages get a fresh script nonce, which Next.js reads from the request's policy and puts on its own scripts.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const headers = securityHeaders(pathname, { production: env.NODE_ENV === "production" });

  const isAction = request.headers.has("next-action");
  if (isAction || pathname.startsWith("/api/v1/staff/") || pathname.startsWith("/api/v1/admin/")) {
    const refused = isAction
      ? otherSiteRefusal(request, env.PUBLIC_BASE_URL)
      : crossSiteRefusal(request, env.PUBLIC_BASE_URL);
    if (refused) {
      return NextResponse.json(
        { error: { code: refused.code, message: refused.message } },
        {
          status: refused.status,
          headers: { ...headers, "Content-Security-Policy": API_CSP, "Cache-Control": "no-store" },
        },
      );
    }
  }

  const isApi = pathname.startsWith("/api/") || pathname.startsWith("/fhir/");
  if (isApi || pathname.startsWith("/admin/outbox/")) {
    // the outbox's message view sets its own, stricter sandbox policy
    const response = NextResponse.next();
    for (const [k, v] of Object.entries(isApi ? { ...headers, "Content-Security-Policy": API_CSP } : headers))
      response.headers.set(k, v);
    return response;
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp(nonce, {
    dev: env.NODE_ENV === "development",
    https: env.PUBLIC_BASE_URL.startsWith("https://"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

export const config = {
  // static files are the same for everyone and carry no nonce; their headers come from next.config.js
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
