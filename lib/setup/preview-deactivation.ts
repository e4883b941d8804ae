import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locations, practitioners } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import { futureClashes } from "./future-clashes";
import { slugSchema } from "./schemas";
import { requireSetupAdmin } from "./setup-access";
import { notFound } from "./setup-rows";

/** Before an admin deactivates a location or practitioner: the booked patients it would leave without working time. */
export async function previewDeactivation(
  db: Db,
  actor: Actor,
  what: { kind: "location" | "practitioner"; slug: string },
  now = new Date(),
): Promise<{ clashes: StaffAppointmentDto[] }> {
  await requireSetupAdmin(db, actor, "setup.deactivation.preview");
  const slug = slugSchema.safeParse(what.slug);
  if (!slug.success) throw notFound(what.kind);
  if (what.kind === "location") {
    const [row] = await db.select({ id: locations.id }).from(locations).where(eq(locations.slug, slug.data));
    if (!row) throw notFound("location");
    return { clashes: await futureClashes(db, { locationId: row.id }, now) };
  }
  const [row] = await db.select({ id: practitioners.id }).from(practitioners).where(eq(practitioners.slug, slug.data));
  if (!row) throw notFound("practitioner");
  return { clashes: await futureClashes(db, { practitionerId: row.id }, now) };
}
