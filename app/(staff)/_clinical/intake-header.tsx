import { MarkReviewedButton } from "../appointments/[id]/intake/mark-reviewed-button";
import type { StaffIntakeDto } from "@/lib/staff/get-intake-for-staff";
import { dateTime, timeOf } from "./format";
import { STATUS_LABEL } from "./labels";

/** Who, when and where, and where the review stands. */
export function IntakeHeader({ dto }: { dto: StaffIntakeDto }) {
  const a = dto.appointment;
  const zone = a.timezone;
  const intake = dto.intake;
  return (
    <header className="intake-head">
      <div className="intake-head__who">
        <p className="eyebrow-staff">Intake summary · read before the visit</p>
        <h1>{a.patient.name}</h1>
        <p className="intake-head__meta">
          <span>{a.patient.age === null ? "Age unknown" : `${a.patient.age} years`}</span>
          <span>{a.service}</span>
          <span>
            {dateTime(a.start, zone)}–{timeOf(a.end, zone)}
          </span>
          <span>{a.online ? "Online, by video" : a.location}</span>
          <span>with {a.practitioner}</span>
          <span>
            <span className={`status status--${a.status}`}>{STATUS_LABEL[a.status] ?? a.status}</span>
          </span>
        </p>
      </div>
      {intake ? (
        <div className="intake-head__review">
          <p className="clin-small">
            Version {intake.version}, sent {dateTime(intake.submittedAt, zone)}
            {dto.draftInProgress ? <span className="badge badge--neutral">Newer draft in progress</span> : null}
          </p>
          {intake.reviewedAt ? (
            <p className="reviewed" role="status">
              <span className="badge badge--ok">Reviewed</span> by {intake.reviewedBy ?? "staff"},{" "}
              {dateTime(intake.reviewedAt, zone)}
            </p>
          ) : (
            <MarkReviewedButton appointmentId={a.id} version={intake.version} />
          )}
        </div>
      ) : null}
    </header>
  );
}
