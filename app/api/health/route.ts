import { json } from "@/lib/http/api-response";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await checkDatabase();
  return json({ status: ok ? "ok" : "degraded", database: ok ? "ok" : "down" }, ok ? 200 : 503);
}
