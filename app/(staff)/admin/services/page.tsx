import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listSetupLocations } from "@/lib/setup/list-setup-locations";
import { listSetupServices } from "@/lib/setup/list-setup-services";
import { SetupNav } from "../_setup/setup-nav";
import { ServicesManager } from "./services-manager";
import "../../_clinical/clinical.css";
import "../../reception.css";
import "../_setup/setup.css";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  const actor = await requireStaffPage(["admin"], "/admin/services");
  const db = await getDb();
  const [{ services }, { locations }] = await Promise.all([
    listSetupServices(db, actor),
    listSetupLocations(db, actor),
  ]);
  return (
    <div className="clin-page">
      <SetupNav />
      <header className="page-head">
        <div>
          <p className="eyebrow-staff">Setup</p>
          <h1>Services</h1>
          <p className="muted page-head__sub">
            What patients book, how long it takes, the booking rules, and where it is offered. A service bookable by
            staff only is booked by phone and never shown online.
          </p>
        </div>
      </header>
      <ServicesManager services={services} locations={locations} />
    </div>
  );
}
