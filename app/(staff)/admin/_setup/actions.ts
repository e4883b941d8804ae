"use server";

import { getStaffActor } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { previewDeactivation } from "@/lib/setup/preview-deactivation";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";

/** The booked patients a deactivation would leave without working time (admin only; the verb checks). */
export async function previewDeactivationAction(
  kind: "location" | "practitioner",
  slug: string,
): Promise<{ clashes: StaffAppointmentDto[] } | { error: string }> {
  const actor = await getStaffActor();
  if (!actor) return { error: "Your session has ended. Sign in again to continue." };
  try {
    return await previewDeactivation(await getDb(), actor, { kind, slug });
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message };
    throw error;
  }
}
