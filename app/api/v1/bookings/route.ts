import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { bookAppointment } from "@/lib/scheduling/book-appointment";

export const POST = publicApiRoute(async (request) => {
  const body = await readJsonObject(request);
  const key = request.headers.get("idempotency-key")?.trim() || undefined;
  if (key && key.length > 200)
    throw new DomainError("validation_failed", "The Idempotency-Key is too long.", {
      "Idempotency-Key": "Use at most 200 characters",
    });
  return json(await bookAppointment(await getDb(), { kind: "anonymous" }, body, { idempotencyKey: key }), 201);
});
