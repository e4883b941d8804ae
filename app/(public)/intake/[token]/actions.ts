"use server";
// The intake page's adapters: parse nothing themselves, call one verb, map errors to plain results
// (a thrown error would reach the browser as an opaque failure in production).
import { headers } from "next/headers";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { clientKey } from "@/lib/http/rate-limit";
import { limitIntakeWrites } from "@/lib/intake/intake-rate-limits";
import { saveIntakeDraft, type DraftSaved } from "@/lib/intake/save-intake-draft";
import { submitIntake, type IntakeSubmitted } from "@/lib/intake/submit-intake";
import { logError } from "@/lib/log";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: string; message: string; fields?: Record<string, string> };

async function run<T>(scope: string, fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    if (error instanceof DomainError)
      return { ok: false, code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
    logError(scope, error);
    return {
      ok: false,
      code: "internal_error",
      message: "Something went wrong on our side. Your answers are still here; please try again.",
    };
  }
}

/** The client's address as the public API reads it (lib/http/rate-limit.ts), from the action's request headers. */
async function client(): Promise<string> {
  return clientKey(new Request("http://intake.invalid/", { headers: await headers() }));
}

export async function saveIntakeDraftAction(token: string, answers: unknown): Promise<ActionResult<DraftSaved>> {
  return run("intake.save", async () => {
    const db = await getDb();
    await limitIntakeWrites(db, { token: String(token), client: await client(), kind: "save" });
    return saveIntakeDraft(db, String(token), answers);
  });
}

export async function submitIntakeAction(token: string, answers: unknown): Promise<ActionResult<IntakeSubmitted>> {
  return run("intake.submit", async () => {
    const db = await getDb();
    await limitIntakeWrites(db, { token: String(token), client: await client(), kind: "submit" });
    return submitIntake(db, String(token), answers);
  });
}
