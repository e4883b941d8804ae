import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { json } from "@/lib/http/api-response";
import { clientKey } from "@/lib/http/rate-limit";
import { isThrottled } from "@/lib/staff/sign-in";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

export { handler as GET };

/** Too many recent failures for one account or one address: refuse before checking the password. */
export async function POST(request: Request, context: Ctx) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "");
    if (await isThrottled(await getDb(), email, clientKey(request))) {
      return json({ error: { code: "rate_limited", message: "Too many attempts. Wait a minute, then try again." } }, 429, { "Retry-After": "60" });
    }
  }
  return handler(request, context);
}
