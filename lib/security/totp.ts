// TOTP (RFC 6238) through otplib: SHA-1, 6 digits, 30-second steps, as every authenticator app expects.
import { generate, generateSecret, generateURI, verify } from "otplib";

export const TOTP_PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return generateURI({ issuer, label: account, secret });
}

/**
 * The time step a code belongs to when it is right now (one step either side, for clock drift), or null. A step at
 * or before `afterStep` (the last one accepted) is refused, so a code works once.
 */
export async function verifyTotp(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: TOTP_PERIOD_SECONDS,
      ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** The code for a moment (tests; the app never generates codes). */
export function totpAt(secret: string, epochSeconds = Date.now() / 1000): Promise<string> {
  return generate({ secret, epoch: Math.floor(epochSeconds) });
}
