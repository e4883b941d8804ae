import "../../_clinical/clinical.css";

export default function Loading() {
  return (
    <div className="clin-page" aria-busy="true">
      <header className="page-head">
        <div>
          <p className="eyebrow-staff">Administration</p>
          <h1>Staff accounts</h1>
        </div>
      </header>
      <p role="status" className="empty">
        Loading staff accounts…
      </p>
    </div>
  );
}
