// Shapes shared by the account forms (react-hook-form) and the server actions that parse them again.
import { z } from "zod";

// The same numbers as lib/security/password-policy.ts, which also checks the list of common passwords on the server.
export const newPasswordSchema = z
  .string()
  .refine((p) => [...p].length >= 12, "Use at least 12 characters")
  .refine((p) => [...p].length <= 128, "Use at most 128 characters");

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(512, "That password is too long"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.confirmPassword === v.newPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords don’t match",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const sessionIdSchema = z.string().uuid("Choose a session");

export const forgotPasswordSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email")
    .max(254, "That email is too long")
    .email("Enter a valid email"),
});
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z
  .object({ newPassword: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.confirmPassword === v.newPassword, {
    path: ["confirmPassword"],
    message: "The two passwords don’t match",
  });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** A 6-digit code from the authenticator app, or one of the ten recovery codes (xxxxx-xxxxx). */
export const mfaCodeSchema = z
  .string()
  .trim()
  .min(1, "Enter the code")
  .regex(/^(\d{3} ?\d{3}|[A-Za-z2-9]{5}-?[A-Za-z2-9]{5})$/, "Enter the 6-digit code from your app, or a recovery code");

export const confirmMfaSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{3}$/, "Enter the 6-digit code your app shows"),
});
export type ConfirmMfaInput = z.infer<typeof confirmMfaSchema>;

export const secondStepSchema = z.object({ code: mfaCodeSchema });
export type SecondStepInput = z.infer<typeof secondStepSchema>;
