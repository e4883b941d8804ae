import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions, SIGN_IN_THROTTLED } from "@/lib/auth";
import { errorResponse, json } from "@/lib/http/api-response";
import { readBodyLimited } from "@/lib/http/limited-body";

const handler = NextAuth(authOptions);
// A sign-in or sign-out form is a few hundred bytes.
const MAX_AUTH_BODY_BYTES = 16 * 1024;

type Ctx = { params: Promise<{ nextauth: string[] }> };

export { handler as GET };

/** Small bodies only; throttling itself happens in `authorize`, so it holds for form and JSON bodies alike. */
export async function POST(request: NextRequest, context: Ctx) {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBodyLimited(request, MAX_AUTH_BODY_BYTES);
  } catch (error) {
    return errorResponse(error);
  }
  const response: Response = await handler(
    new NextRequest(request.url, { method: "POST", headers: request.headers, body }),
    context,
  );
  const url = await errorUrlOf(response);
  if (url === null) return response;
  // `url` too, as next-auth's own client reads its error from there
  return json(
    { url, error: { code: "rate_limited", message: "Too many attempts. Wait a minute, then try again." } },
    429,
    { "Retry-After": "60" },
  );
}

/** next-auth reports an error thrown by `authorize` as `?error=<message>` in a redirect or in a JSON `url`. */
async function errorUrlOf(response: Response): Promise<string | null> {
  let url = response.headers.get("location");
  if (!url && response.headers.get("content-type")?.includes("application/json")) {
    url =
      (
        (await response
          .clone()
          .json()
          .catch(() => null)) as { url?: string } | null
      )?.url ?? null;
  }
  return url && new URL(url, "http://x.invalid").searchParams.get("error") === SIGN_IN_THROTTLED ? url : null;
}
