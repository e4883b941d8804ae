import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { envClinicIdentity, readClinicIdentity } from "@/lib/setup/clinic-identity";
import type { ClinicIdentityDto } from "@/lib/setup/setup-types";

/**
 * The group's name and phone as the manager set them, read once per request (the title and the frame share it); a
 * page still renders, with the defaults, if the read fails.
 */
export const pageClinicIdentity = cache((): Promise<ClinicIdentityDto> =>
  getDb()
    .then(readClinicIdentity)
    .catch(() => envClinicIdentity()),
);
