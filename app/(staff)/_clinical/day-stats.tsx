import type { MyAppointment } from "@/lib/staff/list-my-appointments";

/** The numbers a practitioner scans first: how many visits, how many intakes still to read, how many flagged. */
export function DayStats({ appointments }: { appointments: MyAppointment[] }) {
  const active = appointments.filter((a) => a.status !== "cancelled");
  const toReview = active.filter((a) => a.intake.status === "completed" && !a.intake.reviewed).length;
  const flagged = active.filter((a) => a.intake.flagCount > 0).length;
  const missing = active.filter((a) => a.intake.status !== "completed").length;
  const stats = [
    { label: "Appointments", value: active.length, tone: "" },
    { label: "Intakes to review", value: toReview, tone: toReview ? "stat--brand" : "" },
    { label: "With red flags", value: flagged, tone: flagged ? "stat--danger" : "" },
    { label: "Intake not done", value: missing, tone: "" },
  ];
  return (
    <dl className="stats">
      {stats.map((s) => (
        <div key={s.label} className={`stat ${s.tone}`}>
          <dt>{s.label}</dt>
          <dd>{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}
