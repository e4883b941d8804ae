import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getClinicIdentity } from "@/lib/setup/get-clinic-identity";
import { SetupNav } from "../_setup/setup-nav";
import { SettingsForm } from "./settings-form";
import "../../_clinical/clinical.css";
import "../../reception.css";
import "../_setup/setup.css";

export const metadata: Metadata = { title: "Group details" };

export default async function SettingsPage() {
  const actor = await requireStaffPage(["admin"], "/admin/settings");
  const { settings } = await getClinicIdentity(await getDb(), actor);
  return (
    <div className="clin-page">
      <SetupNav />
      <header className="page-head">
        <div>
          <p className="eyebrow-staff">Setup</p>
          <h1>Group details</h1>
          <p className="muted page-head__sub">
            Your clinic group&rsquo;s name, phone and addresses, as patients see them on the booking pages, in emails
            and in calendar entries.
          </p>
        </div>
      </header>
      {settings.configured ? null : (
        <p className="alert alert--info">
          These are the server&rsquo;s defaults. Check them and save to make them yours.
        </p>
      )}
      <SettingsForm initial={settings} />
    </div>
  );
}
