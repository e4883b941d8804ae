import type { StaffIntakeDto } from "@/lib/staff/get-intake-for-staff";
import { dateTime } from "./format";

/** Every answer word for word, folded away, and the version history. */
export function IntakeAnswers({ dto }: { dto: StaffIntakeDto }) {
  const zone = dto.appointment.timezone;
  const lines = dto.intake?.answerList ?? [];
  const sections = [...new Set(lines.map((l) => l.section))];
  return (
    <section aria-labelledby="answers-title" className="panel panel--wide">
      <h2 id="answers-title" className="panel__title">
        All answers and versions
      </h2>
      <details className="answers">
        <summary>Show all {lines.length} answers as the patient gave them</summary>
        {sections.map((section) => (
          <table key={section} className="clin-table clin-table--compact answers__table">
            <caption>{section}</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Answer</th>
              </tr>
            </thead>
            <tbody>
              {lines
                .filter((l) => l.section === section)
                .map((l) => (
                  <tr key={l.linkId}>
                    <th scope="row">{l.question}</th>
                    <td>{l.answer}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        ))}
      </details>
      <table className="clin-table clin-table--compact">
        <caption className="visually-hidden">Versions of this intake</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Sent</th>
            <th scope="col">Reviewed</th>
          </tr>
        </thead>
        <tbody>
          {dto.versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">{v.version}</th>
              <td>{v.status === "completed" ? "Sent" : "Draft in progress"}</td>
              <td>{v.submittedAt ? dateTime(v.submittedAt, zone) : "–"}</td>
              <td>{v.reviewedAt ? dateTime(v.reviewedAt, zone) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
