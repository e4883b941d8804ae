// FHIR's error shape: every /fhir answer that is not a resource is an OperationOutcome.
import type { OperationOutcome } from "fhir/r4";

/** An error a FHIR client caused (or a resource that is not there), answered as an OperationOutcome. */
export class FhirError extends Error {
  constructor(
    readonly status: 400 | 404 | 406 | 429,
    readonly issueCode: "invalid" | "not-found" | "not-supported" | "throttled" | "value",
    message: string,
  ) {
    super(message);
  }
}

export function operationOutcome(
  severity: "error" | "fatal",
  code: FhirError["issueCode"] | "exception" | "transient",
  diagnostics: string,
): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity, code, diagnostics }] };
}

export const notFound = (what: string) => new FhirError(404, "not-found", `${what} is not known here.`);
export const badParam = (message: string) => new FhirError(400, "invalid", message);
