import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { holidayRegions } from "@/lib/setup/holiday-regions";
import { listSetupLocations } from "@/lib/setup/list-setup-locations";
import { SetupNav } from "../_setup/setup-nav";
import { LocationsManager } from "./locations-manager";
import "../../_clinical/clinical.css";
import "../../reception.css";
import "../_setup/setup.css";

export const metadata: Metadata = { title: "Locations" };

export default async function LocationsPage() {
  const actor = await requireStaffPage(["admin"], "/admin/locations");
  const { locations } = await listSetupLocations(await getDb(), actor);
  // a new location starts in the zone the group already works in
  const defaultZone = locations.find((l) => l.active)?.timezone ?? "Australia/Sydney";
  return (
    <div className="clin-page">
      <SetupNav />
      <header className="page-head">
        <div>
          <p className="eyebrow-staff">Setup</p>
          <h1>Locations</h1>
          <p className="muted page-head__sub">
            Where patients come (or the online clinic). An inactive location offers no times and leaves the booking
            pages; its booked appointments stay.
          </p>
        </div>
      </header>
      <LocationsManager locations={locations} regions={[...holidayRegions()]} defaultZone={defaultZone} />
    </div>
  );
}
