import "server-only";
import { and, asc, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { auditLog, patients, staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth";
import { Forbidden } from "@/lib/errors";
import { AUDIT_PAGE_SIZE, auditFilterSchema, CLINIC_ZONE, type ParsedAuditFilter } from "./practice-schemas";
import { UUID_SHAPE } from "./reception-schemas";

export interface AuditRowDto {
  id: number;
  at: string;
  actor: { kind: string; label: string | null; email: string | null };
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  patient: { id: string; name: string | null } | null;
  ip: string | null;
}

export interface AuditPage {
  filter: ParsedAuditFilter;
  rows: AuditRowDto[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** Every action in the log, for the filter's list. */
  actions: string[];
}

/** `%`, `_` and `\` typed by a person are matched literally. */
const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const dayStart = (date: string) => DateTime.fromISO(date, { zone: CLINIC_ZONE }).startOf("day").toJSDate();

function conditions(f: ParsedAuditFilter): SQL[] {
  const where: SQL[] = [];
  if (f.person) where.push(or(ilike(auditLog.actorLabel, like(f.person)), ilike(staffUsers.email, like(f.person)))!);
  if (f.patient) {
    where.push(
      UUID_SHAPE.test(f.patient)
        ? eq(auditLog.patientId, f.patient)
        : ilike(sql`${patients.firstName} || ' ' || ${patients.lastName}`, like(f.patient)),
    );
  }
  if (f.from) where.push(gte(auditLog.at, dayStart(f.from)));
  if (f.to)
    where.push(
      lt(auditLog.at, DateTime.fromISO(f.to, { zone: CLINIC_ZONE }).plus({ days: 1 }).startOf("day").toJSDate()),
    );
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.outcome) where.push(eq(auditLog.outcome, f.outcome));
  return where;
}

/** The audit log, newest first, filtered by person, patient, dates (clinic days, inclusive), action and outcome. Admins only. */
export async function listAudit(db: Db, actor: StaffActor, rawFilter: unknown): Promise<AuditPage> {
  if (actor.role !== "admin") {
    await recordAudit(db, actor, { action: "audit.read", outcome: "denied", entityType: "audit_log" });
    throw new Forbidden("Only clinic managers can read the audit log.");
  }
  const filter = auditFilterSchema.parse(rawFilter);
  const where = and(...conditions(filter));
  const [totals] = await db
    .select({ total: count() })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorUserId))
    .leftJoin(patients, eq(patients.id, auditLog.patientId))
    .where(where);
  const total = totals?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);

  const rows = await db
    .select({ a: auditLog, email: staffUsers.email, firstName: patients.firstName, lastName: patients.lastName })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorUserId))
    .leftJoin(patients, eq(patients.id, auditLog.patientId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  const actions = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action));

  return {
    filter,
    total,
    page,
    pageCount,
    pageSize: AUDIT_PAGE_SIZE,
    actions: actions.map((x) => x.action),
    rows: rows.map(({ a, email, firstName, lastName }) => ({
      id: a.id,
      at: a.at.toISOString(),
      actor: { kind: a.actorKind, label: a.actorLabel, email },
      action: a.action,
      outcome: a.outcome,
      entityType: a.entityType,
      entityId: a.entityId,
      patient: a.patientId ? { id: a.patientId, name: firstName ? `${firstName} ${lastName}` : null } : null,
      ip: a.ip,
    })),
  };
}
