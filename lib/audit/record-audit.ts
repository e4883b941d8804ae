import { compiledInsertMany, type Db, type Tx } from "@/db/client";
import { auditLog } from "@/db/schema";

/** Who is acting. Patients act through a booking's token; staff through their session. */
export type Actor =
  | { kind: "patient"; appointmentId?: string }
  | { kind: "anonymous"; ip?: string }
  | { kind: "system" }
  | { kind: "staff"; userId: string; role: "admin" | "reception" | "practitioner"; practitionerId: string | null; name: string; ip?: string };

export interface AuditEntry {
  action: string;
  outcome?: "ok" | "denied" | "failed";
  entityType?: string;
  entityId?: string;
  patientId?: string | null;
  detail?: Record<string, unknown>;
}

const AUDIT_FIELDS = ["actorUserId", "actorKind", "actorLabel", "ip", "action", "outcome", "entityType", "entityId", "patientId", "detail"] as const;
type AuditField = (typeof AUDIT_FIELDS)[number];

// Every change writes at least one, so drizzle builds the statement once.
const insertAudits = compiledInsertMany(auditLog, AUDIT_FIELDS);

/** Writes one audit row; call it inside the transaction of the change it records. Never put clinical detail in `detail`. */
export async function recordAudit(db: Db | Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAudits(db, [{ actor, entry }]);
}

/** Several audit rows in one statement, for changes made together in one transaction. */
export async function recordAudits(db: Db | Tx, entries: { actor: Actor; entry: AuditEntry }[]): Promise<void> {
  if (entries.length > 0) await insertAudits.run(db, entries.map(({ actor, entry }) => auditRow(actor, entry)));
}

function auditRow(actor: Actor, entry: AuditEntry): { [K in AuditField]: (typeof auditLog.$inferInsert)[K] } {
  return {
    actorUserId: actor.kind === "staff" ? actor.userId : null,
    actorKind: actor.kind === "staff" ? actor.role : actor.kind,
    actorLabel: actor.kind === "staff" ? actor.name : null,
    ip: "ip" in actor ? (actor.ip ?? null) : null,
    action: entry.action,
    outcome: entry.outcome ?? "ok",
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    patientId: entry.patientId ?? null,
    detail: entry.detail ?? null,
  };
}
