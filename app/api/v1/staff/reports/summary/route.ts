import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { searchParamsOf } from "@/lib/http/read-json";
import { getReport, summaryDto } from "@/lib/reports/get-report";
import { practitionersCsv } from "@/lib/reports/summary-csv";

/** The reports summary (admins only): JSON, or the per-practitioner rows as CSV (`Accept: text/csv` or `?format=csv`). */
export const GET = apiRoute(async (request) => {
  const actor = await requireStaffApi(["admin"], "GET /api/v1/staff/reports/summary");
  const { format, ...query } = searchParamsOf(request);
  const report = await getReport(await getDb(), actor, query);
  const csv = format === "csv" || (request.headers.get("accept") ?? "").includes("text/csv");
  if (!csv) return json(summaryDto(report));
  return new Response(practitionersCsv(report.practitioners), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="practitioners-${report.from}-to-${report.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
