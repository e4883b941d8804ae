import Link from "next/link";

// Shown for an unknown appointment and for one whose intake this person may not open; the two look alike on purpose.
export default function IntakeNotAvailable() {
  return (
    <div className="clin-page">
      <section className="panel denied" aria-labelledby="denied-title">
        <h1 id="denied-title">Intake not available</h1>
        <p>
          This appointment doesn’t exist, or its intake isn’t open to you. Intake answers are shown only to the
          patient’s own practitioner and to clinic managers, and every attempt to open one is recorded in the audit log.
        </p>
        <p className="muted">
          Reception can see an intake’s status, route and whether the patient needs a call on the calendar.
        </p>
        <Link className="button button--ghost" href="/staff">
          Back to my dashboard
        </Link>
      </section>
    </div>
  );
}
