import type { MyAppointment } from "@/lib/staff/list-my-appointments";
import { INTAKE_LABEL, ROUTE_LABEL, TIER_LABEL, tierTone } from "./labels";

/** Intake status as reception would see it, plus flags present: no codes, no answers. */
export function IntakeBadges({ intake, needsCall }: { intake: MyAppointment["intake"]; needsCall: boolean }) {
  if (intake.status !== "completed") {
    return <span className="badge badge--neutral">{INTAKE_LABEL[intake.status]}</span>;
  }
  return (
    <span className="badge-row">
      <span className={`badge ${intake.reviewed ? "badge--ok" : "badge--brand"}`}>
        {intake.reviewed ? "Reviewed" : "To review"}
      </span>
      {intake.flagCount > 0 && intake.topTier ? (
        <span className={`badge badge--${tierTone(intake.topTier)}`}>
          {intake.flagCount} {intake.flagCount === 1 ? "flag" : "flags"} · {TIER_LABEL[intake.topTier]}
        </span>
      ) : null}
      {needsCall ? <span className="badge badge--warn">Needs a call</span> : null}
      {intake.route ? <span className="badge-note">{ROUTE_LABEL[intake.route] ?? intake.route}</span> : null}
    </span>
  );
}
