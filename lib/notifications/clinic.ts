import { env } from "@/lib/env";

/** The group's own name and phone: the admin's settings (lib/setup/clinic-identity.ts), else lib/env.ts. */
export interface ClinicGroup {
  name: string;
  phone: string;
}

const ENV_GROUP: ClinicGroup = { name: env.CLINIC_NAME, phone: env.CLINIC_PHONE };

export interface ClinicInfo {
  groupName: string;
  /** "Harbour Physio Group Martin Place" */
  name: string;
  address: string | null;
  phone: string;
  /** One line for a calendar's LOCATION. */
  where: string;
  online: boolean;
}

/** What every patient email and calendar entry says about the clinic: name, address and phone. */
export function clinicOf(
  location: {
    name: string;
    address: string | null;
    phone: string | null;
    online: boolean;
  },
  GROUP: ClinicGroup = ENV_GROUP,
): ClinicInfo {
  const name = `${GROUP.name} ${location.name}`;
  const phone = location.phone ?? GROUP.phone;
  const where = location.online ? `${name} (video appointment)` : [name, location.address].filter(Boolean).join(", ");
  return {
    groupName: GROUP.name,
    name,
    address: location.online ? null : location.address,
    phone,
    where,
    online: location.online,
  };
}

/** The group as a whole, for an email that belongs to no one location. */
export function groupClinic(GROUP: ClinicGroup = ENV_GROUP): ClinicInfo {
  return {
    groupName: GROUP.name,
    name: GROUP.name,
    address: null,
    phone: GROUP.phone,
    where: GROUP.name,
    online: false,
  };
}
