import { DateTime } from "luxon";
import { ratioOf } from "@/lib/reports/compute-report";
import type { ReportDetail } from "@/lib/reports/schemas";
import { BarChart, ColumnChart, TrendChart } from "./chart";
import { ReportSection } from "./report-section";

const pct = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
const hours = (minutes: number) => (minutes / 60).toFixed(1);
const weekLabel = (week: string) => DateTime.fromISO(week).toFormat("d LLL");

const SOURCE_LABEL: Record<keyof ReportDetail["bySource"], string> = {
  online: "Online",
  phone: "Phone and front desk",
  waitlist: "Wait list",
  "booking-referral": "Referral link",
  import: "Imported",
};
const ROUTE_LABEL: Record<keyof ReportDetail["routes"], string> = {
  "sports-physio": "Sports physio",
  "exercise-physiology": "Exercise physiology",
  "online-rehab": "Online rehab",
  "urgent-care": "Urgent care",
  emergency: "Emergency",
};

/** Every figure of the report: headline numbers, then one section per chart with its table and CSV. */
export function ReportView({ report: r, query }: { report: ReportDetail; query: string }) {
  const name = (slug: string) => r.practitionerNames[slug] ?? slug;
  const file = (what: string) => `${what}-${r.from}-to-${r.to}.csv`;
  const a = r.appointments;
  const outcomes = [
    { name: "Attended", value: a.attended },
    { name: "No-show", value: a.noShow },
    { name: "Cancelled", value: a.cancelled },
    { name: "Late-cancelled", value: a.lateCancelled },
  ];
  return (
    <>
      <dl className="stats report-stats" aria-label="Headline figures">
        <div className="stat stat--brand">
          <dt>Utilisation</dt>
          <dd>{pct(r.utilisation.ratio)}</dd>
          <dd className="stat__note">
            {hours(r.utilisation.bookedMinutes)} of {hours(r.utilisation.availableMinutes)} hours booked
          </dd>
        </div>
        <div className="stat">
          <dt>Appointments</dt>
          <dd>{a.total}</dd>
          <dd className="stat__note">
            {a.noShow} no-show{a.noShow === 1 ? "" : "s"} ({pct(ratioOf(a.noShow, a.total))})
          </dd>
        </div>
        <div className="stat">
          <dt>New patients</dt>
          <dd>{r.newPatients}</dd>
          <dd className="stat__note">first ever appointment in the range</dd>
        </div>
        <div className="stat">
          <dt>Intake before the visit</dt>
          <dd>{pct(r.intake.ratio)}</dd>
          <dd className="stat__note">
            {r.intake.completedBeforeStart} of {r.intake.due} due
          </dd>
        </div>
      </dl>

      <ReportSection
        id="by-practitioner"
        title="Utilisation by practitioner"
        intro="Booked time as a share of rostered time (less breaks, leave, closures and public holidays)."
        chart={
          <BarChart
            label="Utilisation by practitioner, as a bar chart; the figures are in the table that follows."
            percent
            unit="Booked of available"
            rows={r.practitioners.map((p) => ({ name: name(p.practitioner), value: p.ratio }))}
          />
        }
        caption="Utilisation by practitioner"
        header={["Practitioner", "Available (h)", "Booked (h)", "Utilisation", "Attended", "No-show", "Cancelled"]}
        rows={r.practitioners.map((p) => [
          name(p.practitioner),
          hours(p.availableMinutes),
          hours(p.bookedMinutes),
          pct(p.ratio),
          p.attended,
          p.noShow,
          p.cancelled,
        ])}
        csvName={file("practitioners")}
        csvHref={`/api/v1/staff/reports/summary?${query}${query ? "&" : ""}format=csv`}
        empty="No practitioner was rostered or booked in this range."
        stacked
      />

      <ReportSection
        id="by-location"
        title="Utilisation by location"
        chart={
          <BarChart
            label="Utilisation by location, as a bar chart; the figures are in the table that follows."
            percent
            unit="Booked of available"
            rows={r.locations.map((l) => ({ name: l.name, value: l.ratio }))}
          />
        }
        caption="Utilisation by location"
        header={["Location", "Available (h)", "Booked (h)", "Utilisation"]}
        rows={r.locations.map((l) => [l.name, hours(l.availableMinutes), hours(l.bookedMinutes), pct(l.ratio)])}
        csvRows={r.locations.map((l) => [l.location, l.availableMinutes, l.bookedMinutes, l.ratio])}
        csvName={file("locations")}
        empty="No location had rostered or booked time in this range."
      />

      <ReportSection
        id="trend"
        title="Utilisation by week"
        intro="Weeks start on Monday; the first and last are cut to the range."
        chart={
          <TrendChart
            label="Utilisation by week, as a line chart; the figures are in the table that follows."
            points={r.weeks.map((w) => ({ week: weekLabel(w.week), value: w.ratio }))}
          />
        }
        caption="Utilisation by week"
        header={["Week starting", "Available (h)", "Booked (h)", "Utilisation"]}
        rows={r.weeks.map((w) => [weekLabel(w.week), hours(w.availableMinutes), hours(w.bookedMinutes), pct(w.ratio)])}
        csvRows={r.weeks.map((w) => [w.week, w.availableMinutes, w.bookedMinutes, w.ratio])}
        csvName={file("utilisation-by-week")}
      />

      <ReportSection
        id="appointments"
        title="Appointments"
        intro={`${a.total} appointment${a.total === 1 ? "" : "s"} started in the range. Rates are shares of all of them; late cancellations are also counted as cancelled.`}
        chart={
          <BarChart
            label="Appointments by outcome, as a bar chart; the figures are in the table that follows."
            unit="Appointments"
            rows={outcomes}
          />
        }
        caption="Appointments by outcome"
        header={["Outcome", "Appointments", "Rate"]}
        rows={outcomes.map((o) => [o.name, o.value, pct(ratioOf(o.value, a.total))])}
        csvRows={outcomes.map((o) => [o.name, o.value, ratioOf(o.value, a.total)])}
        csvName={file("appointments")}
      />

      <ReportSection
        id="new-patients"
        title="New patients by week"
        chart={
          <ColumnChart
            label="New patients by week, as a column chart; the figures are in the table that follows."
            unit="New patients"
            rows={r.weeks.map((w) => ({ name: weekLabel(w.week), value: w.newPatients }))}
          />
        }
        caption="New patients by week"
        header={["Week starting", "New patients"]}
        rows={r.weeks.map((w) => [weekLabel(w.week), w.newPatients])}
        csvRows={r.weeks.map((w) => [w.week, w.newPatients])}
        csvName={file("new-patients")}
      />

      <div className="report-pair">
        <ReportSection
          id="sources"
          title="Bookings by source"
          chart={
            <BarChart
              label="Bookings by source, as a bar chart; the figures are in the table that follows."
              unit="Appointments"
              rows={Object.entries(r.bySource).map(([k, v]) => ({
                name: SOURCE_LABEL[k as keyof typeof SOURCE_LABEL],
                value: v,
              }))}
            />
          }
          caption="Bookings by source"
          header={["Source", "Appointments"]}
          rows={Object.entries(r.bySource).map(([k, v]) => [SOURCE_LABEL[k as keyof typeof SOURCE_LABEL], v])}
          csvRows={Object.entries(r.bySource).map(([k, v]) => [k, v])}
          csvName={file("sources")}
        />
        <ReportSection
          id="routes"
          title="Triage routes"
          intro="Where “help me choose” sent people who took it in the range."
          chart={
            <BarChart
              label="Triage routes, as a bar chart; the figures are in the table that follows."
              unit="Triages"
              rows={Object.entries(r.routes).map(([k, v]) => ({
                name: ROUTE_LABEL[k as keyof typeof ROUTE_LABEL],
                value: v,
              }))}
            />
          }
          caption="Triage routes"
          header={["Route", "Triages"]}
          rows={Object.entries(r.routes).map(([k, v]) => [ROUTE_LABEL[k as keyof typeof ROUTE_LABEL], v])}
          csvRows={Object.entries(r.routes).map(([k, v]) => [k, v])}
          csvName={file("routes")}
        />
      </div>

      <ReportSection
        id="intake"
        title="Intake completion"
        intro="Appointments that were not cancelled and sent an intake, and how many intakes were submitted before the start."
        chart={
          <BarChart
            label="Intake completion, as a bar chart; the figures are in the table that follows."
            unit="Appointments"
            rows={[
              { name: "Submitted before the start", value: r.intake.completedBeforeStart },
              { name: "Not submitted in time", value: r.intake.due - r.intake.completedBeforeStart },
            ]}
          />
        }
        caption="Intake completion"
        header={["Intake", "Appointments", "Share"]}
        rows={[
          ["Due", r.intake.due, r.intake.due > 0 ? "100%" : "–"],
          ["Submitted before the start", r.intake.completedBeforeStart, pct(r.intake.ratio)],
          [
            "Not submitted in time",
            r.intake.due - r.intake.completedBeforeStart,
            pct(ratioOf(r.intake.due - r.intake.completedBeforeStart, r.intake.due)),
          ],
        ]}
        csvRows={[
          ["due", r.intake.due, 1],
          ["completedBeforeStart", r.intake.completedBeforeStart, r.intake.ratio],
        ]}
        csvName={file("intake")}
      />
    </>
  );
}
