import "server-only";
import type { Db, Tx } from "@/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/staff/staff-access";
import { computeReport } from "./compute-report";
import { loadReportRows } from "./load-report-rows";
import { reportQuerySchema, type ReportDetail, type ReportSummary } from "./schemas";

/** The report for a range, a location and a practitioner (admins only): the summary plus the page's weekly series. */
export async function getReport(db: Db | Tx, actor: Actor, input: unknown): Promise<ReportDetail> {
  await requireRole(db, actor, ["admin"], "reports.summary");
  const q = reportQuerySchema.parse(input);
  return computeReport(await loadReportRows(db, q));
}

/** The API's answer: exactly the contract's fields, in its order. */
export function summaryDto(r: ReportDetail): ReportSummary {
  return {
    from: r.from,
    to: r.to,
    utilisation: r.utilisation,
    appointments: r.appointments,
    newPatients: r.newPatients,
    bySource: r.bySource,
    intake: r.intake,
    routes: r.routes,
    practitioners: r.practitioners,
  };
}
