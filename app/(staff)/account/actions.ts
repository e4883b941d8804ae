"use server";
// The account page's adapters: who is signed in, one verb, errors mapped to plain results for the form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getStaffActor, getStaffSessionState } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { changePassword } from "@/lib/staff/change-password";
import { endAllMySessions, endMySession } from "@/lib/staff/end-my-sessions";
import { confirmMfaEnrolment } from "@/lib/staff/enrol-mfa";

export type AccountResult =
  { ok: true; message: string } | { ok: false; message: string; fields?: Record<string, string> };

async function run(scope: string, fn: () => Promise<string>): Promise<AccountResult> {
  try {
    return { ok: true, message: await fn() };
  } catch (error) {
    if (error instanceof DomainError)
      return { ok: false, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
    logError(scope, error);
    return { ok: false, message: "Something went wrong on our side. Please try again." };
  }
}

const SIGNED_OUT: AccountResult = { ok: false, message: "Your session has ended. Sign in again." };

export async function changePasswordAction(input: unknown): Promise<AccountResult> {
  const actor = await getStaffActor();
  if (!actor) return SIGNED_OUT;
  return run("account.password", async () => {
    const { sessionsEnded } = await changePassword(await getDb(), actor, input);
    revalidatePath("/account");
    return `Password changed.${sessionsEnded ? ` ${sessionsEnded} other session${sessionsEnded === 1 ? "" : "s"} signed out.` : ""}`;
  });
}

export async function endSessionAction(
  sessionId: string,
  _prev: AccountResult | null,
  _form: FormData,
): Promise<AccountResult | null> {
  const actor = await getStaffActor();
  if (!actor) return SIGNED_OUT;
  return run("account.session-end", async () => {
    await endMySession(await getDb(), actor, sessionId);
    revalidatePath("/account");
    return "Signed out.";
  });
}

export async function endAllSessionsAction(): Promise<void> {
  const actor = await getStaffActor();
  if (actor) await endAllMySessions(await getDb(), actor);
  redirect("/login");
}

export type EnrolResult =
  { ok: true; recoveryCodes: string[] } | { ok: false; message: string; fields?: Record<string, string> };

/** Confirms MFA enrolment; open to a member who must enrol before anything else. */
export async function confirmMfaAction(sealed: string, input: unknown): Promise<EnrolResult> {
  const state = await getStaffSessionState();
  if (!state) return { ok: false, message: SIGNED_OUT.message };
  try {
    const { recoveryCodes } = await confirmMfaEnrolment(await getDb(), state.actor, sealed, input);
    revalidatePath("/account");
    return { ok: true, recoveryCodes };
  } catch (error) {
    if (error instanceof DomainError)
      return { ok: false, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
    logError("account.mfa-enrol", error);
    return { ok: false, message: "Something went wrong on our side. Please try again." };
  }
}
