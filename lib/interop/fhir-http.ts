import "server-only";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { databaseUnavailable, RateLimited } from "@/lib/errors";
import { clientKey, enforceRateLimit } from "@/lib/http/rate-limit";
import { logError } from "@/lib/log";
import { BULK_FILES, type BulkType, bulkManifest, parseSince, toNdjson } from "./bulk-publish";
import { capabilityStatement } from "./capability-statement";
import { FhirError, notFound, operationOutcome } from "./fhir-outcome";
import { publishedType, readResource, searchResources } from "./fhir-search";
import { publishedDirectory, publisher } from "./published-directory";
import { notModified } from "@/lib/http/etag";

const FHIR_JSON = "application/fhir+json";
const NDJSON = "application/fhir+ndjson";
/** Directory clients poll every minute; a minute is also how stale a cached copy may be. */
const CACHE_CONTROL = "public, max-age=60";

function answer(body: string, status: number, contentType: string, headers: Record<string, string> = {}): Response {
  // public data: a directory's web page may read it from another origin (no credentials are ever involved)
  return new Response(body, {
    status,
    headers: { "Content-Type": `${contentType}; charset=utf-8`, "Access-Control-Allow-Origin": "*", ...headers },
  });
}

function outcome(status: number, o: ReturnType<typeof operationOutcome>, headers: Record<string, string> = {}) {
  return answer(JSON.stringify(o), status, FHIR_JSON, { "Cache-Control": "no-store", ...headers });
}

/**
 * Answers GET /fhir/...: metadata, $bulk-publish and its files, and read and search of the published types.
 * Errors are OperationOutcomes; nothing here can show a patient.
 */
export async function answerFhir(db: Db, request: Request, path: string[]): Promise<Response> {
  try {
    await enforceRateLimit(db, `fhir:${clientKey(request)}`, env.RATE_LIMIT_PER_MINUTE);
    const url = new URL(request.url);
    const group = await publisher(db);
    const base = group.baseUrl;
    if (path.length === 1 && path[0] === "metadata")
      return answer(JSON.stringify(capabilityStatement(group, "2026-12-07")), 200, FHIR_JSON, {
        "Cache-Control": "public, max-age=3600",
      });

    const dir = await publishedDirectory(db);
    const headers = { ETag: dir.etag, "Cache-Control": CACHE_CONTROL };
    // what to send, checked (a bad query is a 400 whatever the client holds) but not yet written out
    const route = (): (() => [string, string]) | null => {
      if (path[0] === "$bulk-publish") {
        if (path.length === 1) {
          const since = parseSince(url.searchParams.get("_since"));
          const manifest = bulkManifest({
            baseUrl: base,
            request: `${base}/fhir/$bulk-publish${url.search}`,
            transactionTime: dir.transactionTime,
            states: dir.states,
            since,
          });
          return () => [JSON.stringify(manifest), "application/json"];
        }
        const type = (Object.keys(BULK_FILES) as BulkType[]).find((t) => BULK_FILES[t] === path[1]);
        if (!type || path.length > 2) return null;
        return () => [
          type === "Slot" ? dir.slotLines.map((l) => `${l}\n`).join("") : toNdjson(dir.published[type]),
          NDJSON,
        ];
      }
      if (path.length === 1) {
        const bundle = searchResources(dir.published, publishedType(path[0]!), url, base);
        return () => [JSON.stringify(bundle), FHIR_JSON];
      }
      if (path.length === 2) {
        const resource = readResource(dir.published, publishedType(path[0]!), path[1]!);
        return () => [JSON.stringify(resource), FHIR_JSON];
      }
      return null;
    };
    const make = route();
    if (!make) throw notFound(`/fhir/${path.join("/")}`);
    if (notModified(request, dir.etag))
      return new Response(null, { status: 304, headers: { ...headers, "Access-Control-Allow-Origin": "*" } });
    const [text, type] = make();
    return answer(text, 200, type, headers);
  } catch (error) {
    if (error instanceof FhirError)
      return outcome(error.status, operationOutcome("error", error.issueCode, error.message));
    if (error instanceof RateLimited)
      return outcome(429, operationOutcome("error", "throttled", error.message), {
        "Retry-After": String(error.retryAfterSeconds),
      });
    if (databaseUnavailable(error))
      return outcome(503, operationOutcome("error", "transient", "Briefly unavailable. Please try again."), {
        "Retry-After": "5",
      });
    logError("fhir", error);
    return outcome(500, operationOutcome("fatal", "exception", "Something went wrong on our side."));
  }
}
