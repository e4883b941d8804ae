import "server-only";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicSettings, locations, practitioners, rosterEntries, serviceLocations, services } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { requireSetupAdmin } from "./setup-access";

export type SetupStep = "group" | "location" | "service" | "practitioner" | "roster" | "patient";

export interface SetupProgress {
  done: Record<SetupStep, boolean>;
  /** No location yet: the clinic is not set up, and the admin's first screen is the checklist. */
  firstRun: boolean;
}

/** The first-run checklist, each step ticked from what the database holds now. */
export async function getSetupProgress(db: Db, actor: Actor): Promise<SetupProgress> {
  await requireSetupAdmin(db, actor, "setup.progress");
  const n = async (q: Promise<{ n: number }[]>) => ((await q)[0]?.n ?? 0) > 0;
  const [group, location, service, practitioner, roster, bookable] = await Promise.all([
    n(db.select({ n: count() }).from(clinicSettings)),
    n(db.select({ n: count() }).from(locations).where(eq(locations.active, true))),
    n(db.select({ n: count() }).from(services).where(eq(services.active, true))),
    n(db.select({ n: count() }).from(practitioners).where(eq(practitioners.active, true))),
    n(db.select({ n: count() }).from(rosterEntries)),
    // a patient sees something to book: an active, online-bookable service at an active location
    n(
      db
        .select({ n: count() })
        .from(serviceLocations)
        .innerJoin(services, eq(services.id, serviceLocations.serviceId))
        .innerJoin(locations, eq(locations.id, serviceLocations.locationId))
        .where(and(eq(services.active, true), eq(services.bookableOnline, true), eq(locations.active, true))),
    ),
  ]);
  const [anyLocation] = await db.select({ n: count() }).from(locations);
  return {
    done: { group, location, service, practitioner, roster, patient: roster && bookable && practitioner },
    firstRun: (anyLocation?.n ?? 0) === 0,
  };
}
