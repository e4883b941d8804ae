import type { StaffRole } from "./schemas";

export type MfaMode = "required" | "optional" | "off";

/** Roles that must use two-step sign-in when STAFF_MFA=required; reception may choose to. */
export const MFA_REQUIRED_ROLES: readonly StaffRole[] = ["admin", "practitioner"];

export interface MfaAccount {
  role: StaffRole;
  mfaEnabledAt: Date | null;
  mfaExempt: boolean;
}

/** Whether sign-in asks this account for a code, and whether it must enrol before anything else. */
export function mfaStatus(mode: MfaMode, user: MfaAccount): { challenge: boolean; mustEnrol: boolean } {
  if (mode === "off") return { challenge: false, mustEnrol: false };
  const enrolled = user.mfaEnabledAt !== null;
  return {
    challenge: enrolled,
    mustEnrol: mode === "required" && !enrolled && !user.mfaExempt && MFA_REQUIRED_ROLES.includes(user.role),
  };
}
