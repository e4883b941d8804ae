import "server-only";
import type { Db } from "@/db/client";
import { clinicSettings } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { readClinicIdentity } from "./clinic-identity";
import { clinicIdentitySchema } from "./schemas";
import { requireSetupAdmin } from "./setup-access";
import type { ClinicIdentityDto } from "./setup-types";

/** PATCH /api/v1/staff/admin/settings: any of name, phone, senderEmail, publicBaseUrl; the first save creates the row. */
export async function updateClinicIdentity(
  db: Db,
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<{ settings: ClinicIdentityDto }> {
  const admin = await requireSetupAdmin(db, actor, "setup.settings.update");
  const input = clinicIdentitySchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const before = await readClinicIdentity(tx);
    // the first save stores the whole identity as shown, so later env changes no longer alter what patients see
    const values = {
      name: input.name ?? before.name,
      phone: input.phone ?? before.phone,
      senderEmail: input.senderEmail ?? before.senderEmail,
      publicBaseUrl: input.publicBaseUrl ?? before.publicBaseUrl,
      updatedAt: now,
    };
    await tx
      .insert(clinicSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: clinicSettings.id, set: values });
    const settings = await readClinicIdentity(tx);
    await recordAudit(tx, admin, {
      action: "setup.settings.update",
      entityType: "clinic-settings",
      entityId: "1",
      detail: { before, after: settings },
    });
    return { settings };
  });
}
