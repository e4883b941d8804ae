// Errors a person can cause. Each carries the API's code and status and a message fit to show them.
export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "slot_unavailable"
  | "conflict"
  | "payload_too_large"
  | "validation_failed"
  | "outside_booking_window"
  | "not_bookable_online"
  | "rate_limited";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  slot_unavailable: 409,
  conflict: 409,
  payload_too_large: 413,
  validation_failed: 422,
  outside_booking_window: 422,
  not_bookable_online: 422,
  rate_limited: 429,
};

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "DomainError";
    this.status = STATUS[code];
  }
}

export class NotFound extends DomainError {
  constructor(message = "We could not find that.") {
    super("not_found", message);
  }
}
export class Unauthorized extends DomainError {
  constructor(message = "Please sign in.") {
    super("unauthorized", message);
  }
}
export class Forbidden extends DomainError {
  constructor(message = "You do not have access to this.") {
    super("forbidden", message);
  }
}
export class SlotUnavailable extends DomainError {
  constructor(message = "That time was just taken. Please choose another.") {
    super("slot_unavailable", message);
  }
}
/** The database refused the time at commit: another booking took it first (the exclusion constraint). */
export class SlotTaken extends SlotUnavailable {
  constructor(message = "That time was just taken. Please choose another.") {
    super(message);
  }
}
/** The class's last place went to another booking first (the class's checked counter). */
export class ClassFull extends SlotUnavailable {
  constructor(message = "That class has just filled up. Please choose another time.") {
    super(message);
  }
}
export class Conflict extends DomainError {
  constructor(message: string) {
    super("conflict", message);
  }
}
export class ValidationFailed extends DomainError {
  constructor(fields: Record<string, string>, message = "Some details need fixing.") {
    super("validation_failed", message, fields);
  }
}
export class OutsideBookingWindow extends DomainError {
  constructor(message: string) {
    super("outside_booking_window", message);
  }
}
/** A patient may cancel or move online only until the cancellation window opens before the start. */
export class OutsideCancellationWindow extends OutsideBookingWindow {}
/** This booking cannot be made online (too many already booked, say); the message tells the patient what to do instead. */
export class NotBookableOnline extends DomainError {
  constructor(message: string) {
    super("not_bookable_online", message);
  }
}
export class RateLimited extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = "Too many requests. Please wait a moment and try again.",
  ) {
    super("rate_limited", message);
  }
}

/** SQLSTATE of a database error; drizzle wraps the driver's error, which keeps the code on `.cause`. */
export function sqlState(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

// The driver's words for "no connection to the database" (postgres.js and Node), and the SQLSTATEs of a server that is
// shutting down or starting (57P01-57P03) or a connection that failed (class 08).
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** The database could not be reached (down, restarting, the connection dropped): a 503 to retry, not a defect. */
export function databaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || /^(57P0[123]|08...)$/.test(code))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Constraint name of a database error, when the driver reports one. */
export function sqlConstraint(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const c =
      (e as { constraint_name?: unknown; constraint?: unknown }).constraint_name ??
      (e as { constraint?: unknown }).constraint;
    if (typeof c === "string") return c;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Turns zod issues into `{ "patient.email": "Enter a valid email" }`. */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}
