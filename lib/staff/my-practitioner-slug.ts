import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { practitioners } from "@/db/schema";
import type { StaffActor } from "@/lib/auth";

/** The signed-in practitioner's own slug (for links to their day sheet); null for other roles. */
export async function myPractitionerSlug(db: Db, actor: StaffActor): Promise<string | null> {
  if (actor.role !== "practitioner" || !actor.practitionerId) return null;
  const [row] = await db
    .select({ slug: practitioners.slug })
    .from(practitioners)
    .where(eq(practitioners.id, actor.practitionerId));
  return row?.slug ?? null;
}
