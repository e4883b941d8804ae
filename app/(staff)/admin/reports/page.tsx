import type { Metadata } from "next";
import { DateTime } from "luxon";
import { ZodError } from "zod";
import { requireStaffPage } from "@/lib/auth";
import { listLocations } from "@/lib/catalog/list-locations";
import { listPractitioners } from "@/lib/catalog/list-practitioners";
import { getDb } from "@/lib/db";
import { DomainError, fieldErrors } from "@/lib/errors";
import { getReport } from "@/lib/reports/get-report";
import { presetRange, PRESET_LABEL, RANGE_PRESETS, type RangePreset } from "@/lib/reports/report-range";
import type { ReportDetail } from "@/lib/reports/schemas";
import { CLINIC_ZONE } from "@/lib/staff/practice-schemas";
import { ReportFilters, type FilterErrors } from "./_components/report-filters";
import { ReportView } from "./_components/report-view";
import "../../_clinical/clinical.css";
import "./reports.css";

export const metadata: Metadata = { title: "Reports" };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage(["admin"], "/admin/reports");
  const params = await searchParams;
  const asked = one(params.range) as RangePreset;
  const preset: RangePreset = RANGE_PRESETS.includes(asked) ? asked : params.from || params.to ? "custom" : "this-week";
  const today = DateTime.now().setZone(CLINIC_ZONE).toISODate()!;
  const range = preset === "custom" ? { from: one(params.from), to: one(params.to) } : presetRange(preset, today);
  const values = { ...range, location: one(params.location), practitioner: one(params.practitioner) };

  const db = await getDb();
  const [locations, practitioners] = await Promise.all([listLocations(db), listPractitioners(db)]);
  let report: ReportDetail | null = null;
  let errors: FilterErrors = {};
  try {
    report = await getReport(db, actor, values);
  } catch (e) {
    if (e instanceof ZodError) errors = fieldErrors(e.issues);
    else if (e instanceof DomainError && e.fields) errors = e.fields;
    else throw e;
  }
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ""));

  return (
    <div className="clin-page report-page">
      <header className="page-head">
        <div>
          <p className="eyebrow-staff">Administration</p>
          <h1>Reports</h1>
          <p className="muted page-head__sub">
            How full each practitioner was, who did not come, new patients and where bookings came from.
            {report ? (
              <>
                {" "}
                <strong>
                  {PRESET_LABEL[preset] === "Custom dates" ? "" : `${PRESET_LABEL[preset]}: `}
                  {formatRange(report.from, report.to)}
                </strong>
              </>
            ) : null}
          </p>
        </div>
      </header>
      <ReportFilters
        preset={preset}
        values={values}
        errors={errors}
        locations={locations.map((l) => ({ slug: l.slug, name: l.name }))}
        practitioners={practitioners.map((p) => ({ slug: p.slug, name: p.name }))}
      />
      {report ? (
        <ReportView report={report} query={query.toString()} />
      ) : (
        <p className="panel report-empty" role="alert">
          Fix the highlighted filter to see the report.
        </p>
      )}
    </div>
  );
}

function formatRange(from: string, to: string): string {
  const f = DateTime.fromISO(from);
  const t = DateTime.fromISO(to);
  return from === to ? f.toFormat("d LLL yyyy") : `${f.toFormat("d LLL yyyy")} to ${t.toFormat("d LLL yyyy")}`;
}
