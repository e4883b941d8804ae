"use server";
// Signed-out account actions: parse nothing here, call one verb, map errors to plain results for the forms.
import { requestAddress } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { requestPasswordReset } from "@/lib/staff/request-password-reset";
import { acceptInvitation } from "@/lib/setup/accept-invitation";
import { resetPassword } from "@/lib/staff/reset-password";

export type FormResult = { ok: true } | { ok: false; message: string; fields?: Record<string, string> };

async function run(scope: string, fn: () => Promise<void>): Promise<FormResult> {
  try {
    await fn();
    return { ok: true };
  } catch (error) {
    if (error instanceof DomainError)
      return { ok: false, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
    logError(scope, error);
    return { ok: false, message: "Something went wrong on our side. Please try again." };
  }
}

export async function requestResetAction(input: unknown): Promise<FormResult> {
  return run("account.reset-request", async () => requestPasswordReset(await getDb(), input, await requestAddress()));
}

export async function resetPasswordAction(token: string, input: unknown): Promise<FormResult> {
  return run("account.reset", async () => resetPassword(await getDb(), String(token), input, await requestAddress()));
}

export async function acceptInvitationAction(token: string, input: unknown): Promise<FormResult> {
  return run("account.invitation-accept", async () => {
    await acceptInvitation(await getDb(), String(token), input, await requestAddress());
  });
}
