import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Append-only: a trigger refuses UPDATE and DELETE. Holds who did what, never clinical detail. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    // "admin" | "reception" | "practitioner" | "patient" | "system" | "anonymous"
    actorKind: text("actor_kind").notNull(),
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    outcome: text("outcome").notNull().default("ok"),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    patientId: uuid("patient_id"),
    ip: text("ip"),
    detail: jsonb("detail"),
  },
  (t) => [
    index("audit_at_idx").on(t.at),
    index("audit_actor_idx").on(t.actorUserId, t.at),
    index("audit_patient_idx").on(t.patientId, t.at),
    index("audit_action_idx").on(t.action, t.at),
  ],
);
