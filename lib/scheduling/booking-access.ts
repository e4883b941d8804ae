import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { appointments } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import { hashToken, tokenMatches } from "@/lib/security/tokens";

const idSchema = z.string().uuid();
const GONE = "We could not find that booking. Check the link in your confirmation email.";

/** The appointment a patient's manage token opens; a wrong id or token is the same plain 404. */
export async function appointmentForToken(
  db: Db | Tx,
  id: string,
  token: string | null,
  opts: { lock?: boolean } = {},
) {
  if (!token || !idSchema.safeParse(id).success) throw new NotFound(GONE);
  const q = db.select().from(appointments).where(eq(appointments.id, id));
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row || !tokenMatches(token, row.manageTokenHash)) throw new NotFound(GONE);
  return row;
}

/**
 * Who may change a booking: the patient with its manage token, or the front desk. A staff verb (lib/staff) checks
 * the staff member's role before it passes `{ staff: true }`; this is the change's one access check otherwise.
 */
export type ChangeAuth = { token: string | null } | { staff: true };

/** The appointment a change may touch, locked for the rest of its transaction; 404 for a wrong id or token. */
export async function appointmentToChange(tx: Tx, id: string, auth: ChangeAuth) {
  if ("token" in auth) return appointmentForToken(tx, id, auth.token, { lock: true });
  const [row] = idSchema.safeParse(id).success
    ? await tx.select().from(appointments).where(eq(appointments.id, id)).for("update")
    : [];
  if (!row) throw new NotFound("We could not find that appointment.");
  return row;
}

/** Looks an appointment up by the token alone (the manage page's URL carries no id). */
export async function appointmentIdForManageToken(db: Db, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(eq(appointments.manageTokenHash, hashToken(token)));
  return row?.id ?? null;
}

/** "Bearer abc" → "abc". */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m?.[1] ?? null;
}
