import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { practitioners, staffUsers } from "@/db/schema";
import { sqlConstraint, sqlState, ValidationFailed } from "@/lib/errors";

export const EMAIL_TAKEN = "There is already a staff account with this email";
export const PRACTITIONER_TAKEN = "This practitioner already has a staff account";

/** The practitioner a slug in a body names, free to link to `forUser` (else a 422 on `practitioner`). */
export async function practitionerToLink(tx: Db | Tx, slug: string, forUser?: string): Promise<string> {
  const [row] = await tx
    .select({ id: practitioners.id, linked: staffUsers.id })
    .from(practitioners)
    .leftJoin(staffUsers, eq(staffUsers.practitionerId, practitioners.id))
    .where(eq(practitioners.slug, slug));
  if (!row) throw new ValidationFailed({ practitioner: "There is no practitioner with this identifier" });
  if (row.linked && row.linked !== forUser) throw new ValidationFailed({ practitioner: PRACTITIONER_TAKEN });
  return row.id;
}

/** The unique violations two admins racing can still meet, as the 422 the pre-checks would have given. */
export function mapStaffUniqueViolation(error: unknown): never {
  if (sqlState(error) === "23505") {
    const constraint = sqlConstraint(error);
    if (constraint === "staff_users_email_unique") throw new ValidationFailed({ email: EMAIL_TAKEN });
    if (constraint === "staff_users_practitioner_id_unique")
      throw new ValidationFailed({ practitioner: PRACTITIONER_TAKEN });
  }
  throw error;
}
