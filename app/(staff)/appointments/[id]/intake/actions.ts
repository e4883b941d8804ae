"use server";

import { revalidatePath } from "next/cache";
import { getStaffActor } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { markIntakeReviewed } from "@/lib/staff/mark-intake-reviewed";

export type ReviewState = { ok: true; reviewedBy: string; reviewedAt: string } | { ok: false; error: string } | null;

/** "Mark reviewed": the verb checks who may, and audits it. */
export async function markReviewedAction(
  appointmentId: string,
  _prev: ReviewState,
  _form: FormData,
): Promise<ReviewState> {
  const actor = await getStaffActor();
  if (!actor) return { ok: false, error: "Your session has ended. Sign in again to mark this reviewed." };
  try {
    const r = await markIntakeReviewed(await getDb(), actor, appointmentId);
    revalidatePath(`/appointments/${appointmentId}/intake`);
    return { ok: true, reviewedBy: r.reviewedBy, reviewedAt: r.reviewedAt };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: error.message };
    throw error;
  }
}
