import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { getIntakeByToken } from "@/lib/intake/get-intake-by-token";
import { pageClinicIdentity } from "../../../_components/clinic-identity";
import { telHref } from "../../../_components/tel-href";
import { IntakeForm } from "./_components/intake-form";
import "./intake.css";

// The token is a secret: keep it out of search engines and other sites' Referer headers.
export const metadata: Metadata = {
  title: "Before your visit",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function IntakePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const [view, group] = await Promise.all([getIntakeByToken(await getDb(), token), pageClinicIdentity()]);
  if (!view) notFound();
  const { appointment, patient } = view;
  return (
    <div className="container intake">
      <header className="intake-header">
        <p className="intake-eyebrow">Before your visit</p>
        <h1>Hi {patient.firstName}, tell us about your pain</h1>
        <p className="intake-visit">
          For your <strong>{appointment.serviceName}</strong> with {appointment.practitionerName}
          {appointment.online ? " by video" : ` at ${appointment.locationName}`} on{" "}
          <strong>{appointment.startLabel}</strong>.
        </p>
      </header>
      {view.closed ? (
        <section className="card intake-card" aria-labelledby="intake-closed-title">
          <h2 id="intake-closed-title">This form is closed</h2>
          <p>
            {view.closed === "cancelled"
              ? "This appointment was cancelled, so there's nothing more to fill in. If you book again, you'll get a new form."
              : "This appointment has already taken place. If something has changed, please tell your practitioner at your next visit."}
          </p>
          <p>
            Questions? Call us on <a href={telHref(group.phone)}>{group.phone}</a>.
          </p>
        </section>
      ) : (
        <IntakeForm token={token} view={view} />
      )}
    </div>
  );
}
