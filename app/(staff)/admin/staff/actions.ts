"use server";
// The staff screen's adapters: who is signed in, one verb, errors mapped to plain results for the forms.
import { revalidatePath } from "next/cache";
import { getStaffActor } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { inviteStaff } from "@/lib/setup/invite-staff";
import { resendStaffInvitation } from "@/lib/setup/resend-staff-invitation";
import { sendStaffPasswordReset } from "@/lib/setup/send-staff-password-reset";
import { updateStaff } from "@/lib/setup/update-staff";

export type StaffResult =
  { ok: true; message: string } | { ok: false; message: string; fields?: Record<string, string> };

async function run(
  scope: string,
  fn: (actor: NonNullable<Awaited<ReturnType<typeof getStaffActor>>>) => Promise<string>,
) {
  const actor = await getStaffActor();
  if (!actor) return { ok: false, message: "Your session has ended. Sign in again." } satisfies StaffResult;
  try {
    const message = await fn(actor);
    revalidatePath("/admin/staff");
    return { ok: true, message } satisfies StaffResult;
  } catch (error) {
    if (error instanceof DomainError)
      return { ok: false, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } as StaffResult;
    logError(scope, error);
    return { ok: false, message: "Something went wrong on our side. Please try again." } satisfies StaffResult;
  }
}

export async function inviteStaffAction(input: unknown): Promise<StaffResult> {
  return run("staff.invite", async (actor) => {
    const { staff } = await inviteStaff(await getDb(), actor, input);
    return `Invitation sent to ${staff.email}. The link works for 72 hours.`;
  });
}

export async function updateStaffAction(id: string, input: unknown): Promise<StaffResult> {
  return run("staff.update", async (actor) => {
    const { staff } = await updateStaff(await getDb(), actor, String(id), input);
    return staff.status === "deactivated"
      ? `${staff.name} is deactivated and signed out everywhere.`
      : `${staff.name} is now ${staff.role}${staff.status === "active" ? "" : ` (${staff.status})`}.`;
  });
}

export async function resendInvitationAction(id: string): Promise<StaffResult> {
  return run("staff.invitation-resend", async (actor) => {
    const { staff } = await resendStaffInvitation(await getDb(), actor, String(id));
    return `A new invitation is on its way to ${staff.email}; the earlier link no longer works.`;
  });
}

export async function sendResetLinkAction(id: string): Promise<StaffResult> {
  return run("staff.password-reset", async (actor) => {
    const { staff } = await sendStaffPasswordReset(await getDb(), actor, String(id));
    return `A password-reset link is on its way to ${staff.email}. It works once, for one hour.`;
  });
}
