import { DomainError } from "@/lib/errors";

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON object body of at most 64 KiB, refusing anything else with the documented 4xx. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new DomainError("payload_too_large", "The request body is larger than 64 KiB.");
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/(.+\+)?json\b/i.test(type))
    throw new DomainError("bad_request", "Send a JSON body with Content-Type: application/json.");
  const text = await readLimited(request);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError("bad_request", "The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new DomainError("bad_request", "The request body must be a JSON object.");
  return value as Record<string, unknown>;
}

async function readLimited(request: Request): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw new DomainError("payload_too_large", "The request body is larger than 64 KiB.");
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/** Query parameters as a plain object (first value wins), for zod to parse. */
export function searchParamsOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(request.url).searchParams) if (!(k in out)) out[k] = v;
  return out;
}

/** Like readJsonObject, but an empty body is an empty object (for optional bodies such as a cancel reason). */
export async function readOptionalJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await readLimited(request);
  if (text.trim() === "") return {};
  return readJsonObject(new Request(request.url, { method: "POST", headers: request.headers, body: text }));
}
