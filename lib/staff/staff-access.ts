import "server-only";
import type { Db, Tx } from "@/db/client";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { Forbidden } from "@/lib/errors";
import type { StaffRole } from "./schemas";

export type StaffActorOf = Extract<Actor, { kind: "staff" }>;

/** Reception and admins run the front desk; practitioners only see their own. */
export const FRONT_DESK: readonly StaffRole[] = ["reception", "admin"];
export const ANY_STAFF: readonly StaffRole[] = ["reception", "admin", "practitioner"];

/** Refuses (and audits the refusal) unless the actor is staff in one of `roles`. */
export async function requireRole(
  db: Db | Tx,
  actor: Actor,
  roles: readonly StaffRole[],
  what: string,
): Promise<StaffActorOf> {
  if (actor.kind === "staff" && roles.includes(actor.role)) return actor;
  if (actor.kind === "staff")
    await recordAudit(db, actor, { action: "access.denied", outcome: "denied", entityType: "verb", entityId: what });
  throw new Forbidden();
}

/** A practitioner may only look at their own column. */
export function ownPractitionerOnly(actor: StaffActorOf): string | null {
  return actor.role === "practitioner" ? actor.practitionerId : null;
}
