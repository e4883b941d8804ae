import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { clinicSettings } from "@/db/schema";
import { env } from "@/lib/env";
import type { ClinicIdentityDto } from "./setup-types";

/** The address part of MAIL_FROM ("Harbour Physio Group <bookings@demo.clinic>" → "bookings@demo.clinic"). */
function envSenderEmail(): string {
  const m = /<([^>]+)>\s*$/.exec(env.MAIL_FROM);
  return (m?.[1] ?? env.MAIL_FROM).trim();
}

/**
 * The clinic group's identity as every email, calendar entry and public page shows it: the settings row, each unset
 * value falling back to the environment. Read on every use (one row by key), so a change shows in every process at once.
 */
export async function readClinicIdentity(db: Db | Tx): Promise<ClinicIdentityDto> {
  const [row] = await db.select().from(clinicSettings).where(eq(clinicSettings.id, 1));
  return identityOf(row);
}

/** The environment's identity alone: for a page that must still render while the database is unreachable. */
export function envClinicIdentity(): ClinicIdentityDto {
  return identityOf(undefined);
}

function identityOf(row: typeof clinicSettings.$inferSelect | undefined): ClinicIdentityDto {
  return {
    name: row?.name ?? env.CLINIC_NAME,
    phone: row?.phone ?? env.CLINIC_PHONE,
    senderEmail: row?.senderEmail ?? envSenderEmail(),
    publicBaseUrl: row?.publicBaseUrl ?? new URL(env.PUBLIC_BASE_URL).origin,
    configured: row !== undefined,
  };
}

/** "Name <address>", the From header of every email. */
export function senderOf(identity: Pick<ClinicIdentityDto, "name" | "senderEmail">): string {
  return `${identity.name.replace(/[<>"\r\n]/g, "")} <${identity.senderEmail}>`;
}
