import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaffPage } from "@/lib/auth";
import { listServices } from "@/lib/catalog/list-services";
import { getDb } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import { getIntakeForStaff } from "@/lib/staff/get-intake-for-staff";
import { STAFF_ROLES } from "@/lib/staff/schemas";
import { IntakeAnswers } from "../../../_clinical/intake-answers";
import { IntakeFlags } from "../../../_clinical/intake-flags";
import { IntakeGoals } from "../../../_clinical/intake-goals";
import { IntakeHeader } from "../../../_clinical/intake-header";
import { IntakeHistory } from "../../../_clinical/intake-history";
import { IntakeRoute } from "../../../_clinical/intake-route";
import { IntakeSymptoms } from "../../../_clinical/intake-symptoms";
import "../../../_clinical/clinical.css";

export const metadata: Metadata = { title: "Intake summary", robots: { index: false } };

export default async function IntakePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Every staff role may ask; the verb decides, and records both the read and a refusal.
  const actor = await requireStaffPage(STAFF_ROLES, `/appointments/${id}/intake`);
  const dto = await getIntakeForStaff(await getDb(), actor, id).catch((error: unknown) => {
    if (error instanceof Forbidden || error instanceof NotFound) notFound();
    throw error;
  });
  const s = dto.intake?.summary;
  const back =
    actor.role === "practitioner" ? { href: "/my-day", label: "My day" } : { href: "/calendar", label: "Calendar" };

  return (
    <div className="clin-page">
      <p className="crumb">
        <Link href={back.href}>
          <span aria-hidden="true">← </span>
          {back.label}
        </Link>
      </p>
      <IntakeHeader dto={dto} />
      {s ? (
        <div className="intake-grid">
          <IntakeFlags flags={s.flags} />
          <IntakeRoute triage={s.triage} serviceNames={await serviceNames()} />
          <IntakeSymptoms s={s} />
          <IntakeHistory s={s} />
          <IntakeGoals s={s} zone={dto.appointment.timezone} />
          <IntakeAnswers dto={dto} />
        </div>
      ) : (
        <section className="panel" aria-labelledby="none-title">
          <h2 id="none-title" className="panel__title">
            No intake yet
          </h2>
          <p>
            {dto.draftInProgress
              ? "The patient has started the questionnaire but hasn’t sent it yet."
              : "The patient hasn’t started the questionnaire. Reception can resend the link from the calendar."}
          </p>
        </section>
      )}
    </div>
  );
}

/** Service names by slug, so the route says "Sports physiotherapy initial assessment", never a code. */
async function serviceNames(): Promise<Record<string, string>> {
  return Object.fromEntries(
    (await listServices(await getDb(), {}, { includeStaffOnly: true })).map((s) => [s.slug, s.name]),
  );
}
