import "server-only";
import type { Db, Tx } from "@/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/staff/staff-access";

export type SetupActor = Extract<Actor, { kind: "staff" | "system" }>;

/**
 * Clinic setup is for admins only. The system actor (the demo seed, a set-up script) may also run these verbs: no
 * request ever carries it, and its changes are audited as "system".
 */
export async function requireSetupAdmin(db: Db | Tx, actor: Actor, what: string): Promise<SetupActor> {
  if (actor.kind === "system") return actor;
  return requireRole(db, actor, ["admin"], what);
}
