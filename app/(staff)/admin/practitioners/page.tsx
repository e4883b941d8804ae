import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listSetupLocations } from "@/lib/setup/list-setup-locations";
import { listSetupPractitioners } from "@/lib/setup/list-setup-practitioners";
import { SetupNav } from "../_setup/setup-nav";
import { PractitionersManager } from "./practitioners-manager";
import "../../_clinical/clinical.css";
import "../../reception.css";
import "../_setup/setup.css";

export const metadata: Metadata = { title: "Practitioners" };

export default async function PractitionersPage() {
  const actor = await requireStaffPage(["admin"], "/admin/practitioners");
  const db = await getDb();
  const [{ practitioners }, { locations }] = await Promise.all([
    listSetupPractitioners(db, actor),
    listSetupLocations(db, actor),
  ]);
  return (
    <div className="clin-page">
      <SetupNav />
      <header className="page-head">
        <div>
          <p className="eyebrow-staff">Setup</p>
          <h1>Practitioners</h1>
          <p className="muted page-head__sub">
            Who treats patients and where. A practitioner offers times once they have a roster; an inactive one offers
            none and leaves the booking pages.
          </p>
        </div>
      </header>
      <PractitionersManager practitioners={practitioners} locations={locations} />
    </div>
  );
}
