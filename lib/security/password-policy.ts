// Server-side half of the password policy (NIST SP 800-63B 3.1.1.2): the length rules are in the shared zod schema
// (lib/staff/account-schemas.ts); the list of common passwords is too big for the browser, so it is checked here.
import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  // About 49,000 passwords seen most often in breaches, kept up to date by the zxcvbn-ts project.
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Why this password may not be used, in words for the person choosing it, or null when it is fine. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  // "password1234", "Password2026!" and "passwordpassword" are all a common password with a little added
  const stripped = lower.replace(/[\d\W_]+$/u, "");
  const halves = lower.length % 2 === 0 && lower.slice(0, lower.length / 2) === lower.slice(lower.length / 2);
  if (
    list.has(lower) ||
    (stripped.length > 0 && list.has(stripped)) ||
    (halves && list.has(lower.slice(0, lower.length / 2)))
  ) {
    return "That password is too common: choose one that others are unlikely to use.";
  }
  if (new Set(lower).size < 5) return "That password is easy to guess: use more different characters.";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "Don’t use your email address in your password.";
  const name = context.name?.toLowerCase().replace(/\s+/g, "");
  if (name && name.length >= 4 && lower.replace(/\s+/g, "").includes(name))
    return "Don’t use your name in your password.";
  return null;
}
