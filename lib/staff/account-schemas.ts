// Shapes shared by the account forms (react-hook-form) and the server actions that parse them again.
import { z } from "zod";

// The same numbers as lib/security/password-policy.ts, which also checks the list of common passwords on the server.
export const newPasswordSchema = z
  .string()
  .refine((p) => [...p].length >= 12, "Use at least 12 characters")
  .refine((p) => [...p].length <= 128, "Use at most 128 characters");
