import Link from "next/link";
import type { MyAppointment } from "@/lib/staff/list-my-appointments";
import { timeOf } from "./format";
import { IntakeBadges } from "./intake-badges";
import { STATUS_LABEL } from "./labels";

/** One day of a practitioner's appointments; on narrow screens each row becomes a card. */
export function AppointmentTable({ appointments, caption }: { appointments: MyAppointment[]; caption: string }) {
  return (
    <div className="clin-table-wrap">
      <table className="clin-table clin-table--cards">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Patient</th>
            <th scope="col">Service and location</th>
            <th scope="col">Status</th>
            <th scope="col">Intake</th>
            <th scope="col">
              <span className="visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {appointments.map((a) => {
            const zone = a.location.timezone;
            const cancelled = a.status === "cancelled";
            return (
              <tr key={a.id} className={cancelled ? "is-cancelled" : undefined}>
                <th scope="row" className="clin-time">
                  {timeOf(a.start, zone)}
                  <span className="clin-time__end"> – {timeOf(a.end, zone)}</span>
                </th>
                <td data-label="Patient">
                  <strong>{a.patient.name}</strong>
                </td>
                <td data-label="Service">
                  {a.service}
                  {a.groupClass ? <span className="muted"> (class)</span> : null}
                  <span className="clin-sub">{a.location.online ? "Online, by video" : a.location.name}</span>
                </td>
                <td data-label="Status">
                  <span className={`status status--${a.status}`}>{STATUS_LABEL[a.status] ?? a.status}</span>
                </td>
                <td data-label="Intake">
                  <IntakeBadges intake={a.intake} needsCall={a.needsCall} />
                </td>
                <td className="clin-action">
                  <Link
                    className={`button button--small ${a.intake.status === "completed" && !a.intake.reviewed ? "" : "button--ghost"}`}
                    href={`/appointments/${a.id}/intake`}
                  >
                    Open intake
                    <span className="visually-hidden">
                      {" "}
                      for {a.patient.name} at {timeOf(a.start, zone)}
                    </span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
