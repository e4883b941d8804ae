import type { Db, Tx } from "@/db/client";
import { auditLog } from "@/db/schema";

/** Who is acting. Patients act through a booking's token; staff through their session. */
export type Actor =
  | { kind: "patient"; appointmentId?: string }
  | { kind: "anonymous"; ip?: string }
  | { kind: "system" }
  | {
      kind: "staff";
      userId: string;
      role: "admin" | "reception" | "practitioner";
      practitionerId: string | null;
      name: string;
      ip?: string;
    };

export interface AuditEntry {
  action: string;
  outcome?: "ok" | "denied" | "failed";
  entityType?: string;
  entityId?: string;
  patientId?: string | null;
  detail?: Record<string, unknown>;
}

/** Writes one audit row; call it inside the transaction of the change it records. Never put clinical detail in `detail`. */
export async function recordAudit(db: Db | Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(auditRow(actor, entry));
}

function auditRow(actor: Actor, entry: AuditEntry): typeof auditLog.$inferInsert {
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
