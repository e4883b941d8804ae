import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { practitioners, staffUsers } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/staff/staff-access";

export interface PractitionerChoice {
  slug: string;
  name: string;
  active: boolean;
  /** The staff account already linked to this practitioner, if any. */
  linkedTo: string | null;
}

/** The practitioners a practitioner account can be linked to, for the staff screen's selects. */
export async function listPractitionerChoices(db: Db, actor: Actor): Promise<PractitionerChoice[]> {
  await requireRole(db, actor, ["admin"], "staff.practitioner-choices");
  const rows = await db
    .select({
      slug: practitioners.slug,
      name: practitioners.name,
      active: practitioners.active,
      linkedTo: staffUsers.id,
    })
    .from(practitioners)
    .leftJoin(staffUsers, eq(staffUsers.practitionerId, practitioners.id))
    .orderBy(asc(practitioners.name));
  return rows.map((r) => ({ ...r, linkedTo: r.linkedTo ?? null }));
}
