import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { databaseUnavailable, DomainError, fieldErrors, RateLimited, sqlState } from "@/lib/errors";
import { logError } from "@/lib/log";

const COMPRESS_FROM_BYTES = 1024;

/**
 * A JSON answer. Next.js streams every route handler's answer through gzip, even a 40-byte one (it drops any
 * Content-Length we set, which is what the compressor would look at); for small bodies that costs more CPU on
 * both ends than it saves, so they say `no-transform`, which the compressor honours.
 */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): NextResponse {
  const text = JSON.stringify(body);
  const small = Buffer.byteLength(text) < COMPRESS_FROM_BYTES;
  return new NextResponse(text, {
    status,
    headers: {
      "Content-Type": "application/json",
      "Cache-Control": small ? "no-store, no-transform" : "no-store",
      ...headers,
    },
  });
}

/** The API's one error shape. Unknown errors become a plain 500 with nothing internal in it. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ZodError) {
    return json(
      { error: { code: "validation_failed", message: "Some details need fixing.", fields: fieldErrors(error.issues) } },
      422,
    );
  }
  if (error instanceof DomainError) {
    const body: { code: string; message: string; fields?: Record<string, string> } = {
      code: error.code,
      message: error.message,
    };
    if (error.fields) body.fields = error.fields;
    const headers: Record<string, string> =
      error instanceof RateLimited ? { "Retry-After": String(error.retryAfterSeconds) } : {};
    return json({ error: body }, error.status, headers);
  }
  // The database is down or restarting: say so, and when to try again (the booking was rolled back, nothing half-made).
  if (databaseUnavailable(error)) {
    return json(
      {
        error: {
          code: "unavailable",
          message: "The booking system is briefly unavailable. Please try again in a moment.",
        },
      },
      503,
      { "Retry-After": "5" },
    );
  }
  logError("api", error);
  // A data exception (SQLSTATE class 22: a value Postgres cannot hold) is input our schemas should have refused:
  // still a defect, logged above, but the client's fault to fix, never a 500.
  if (sqlState(error)?.startsWith("22"))
    return json({ error: { code: "validation_failed", message: "Some details need fixing." } }, 422);
  return json(
    { error: { code: "internal_error", message: "Something went wrong on our side. Please try again." } },
    500,
  );
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so every thrown error becomes the documented JSON error. */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A public API route: rate limited per client across all processes, with the one error shape. */
export function publicApiRoute<C>(handler: Handler<C>): Handler<C> {
  return apiRoute(async (request, context) => {
    const { getDb } = await import("@/lib/db");
    const { enforceRateLimit, clientKey } = await import("./rate-limit");
    const { env } = await import("@/lib/env");
    await enforceRateLimit(await getDb(), `api:${clientKey(request)}`, env.RATE_LIMIT_PER_MINUTE);
    return handler(request, context);
  });
}
