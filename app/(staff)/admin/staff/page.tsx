import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listPractitionerChoices } from "@/lib/setup/list-practitioner-choices";
import { listStaff } from "@/lib/setup/list-staff";
import { CLINIC_ZONE } from "@/lib/staff/practice-schemas";
import { InviteStaffForm } from "./_components/invite-staff-form";
import { StaffTable } from "./_components/staff-table";
import "../../_clinical/clinical.css";
import "../../reception.css";

export const metadata: Metadata = { title: "Staff accounts" };

export default async function StaffAccountsPage() {
  const actor = await requireStaffPage(["admin"], "/admin/staff");
  const db = await getDb();
  const [{ staff }, practitioners] = await Promise.all([listStaff(db, actor), listPractitionerChoices(db, actor)]);
  return (
    <div className="clin-page">
      <header className="page-head">
        <div>
          <p className="eyebrow-staff">Administration</p>
          <h1>Staff accounts</h1>
          <p className="muted page-head__sub">
            Invite reception, practitioners and other admins by email, change what they can do, and deactivate accounts
            of people who have left: that signs them out everywhere at once.
          </p>
        </div>
      </header>
      <section aria-labelledby="invite-title" className="panel">
        <h2 id="invite-title" className="panel__title">
          Invite someone
        </h2>
        <p className="muted clin-small">
          They get an email with a link to choose their password. The link works once, for 72 hours.
        </p>
        <InviteStaffForm practitioners={practitioners} />
      </section>
      <StaffTable
        staff={staff}
        practitioners={practitioners}
        me={actor.userId}
        zone={CLINIC_ZONE}
        now={new Date().toISOString()}
      />
    </div>
  );
}
