import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 10;

/** A password being chosen (sign-up, reset, change): the same rule everywhere. */
const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(256, "Use at most 256 characters.");

export const signInSchema = z.object({
  email: z.email({ error: "Enter the email address you signed up with." }).trim().toLowerCase(),
  password: z.string().min(1, "Enter your password."),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name; other admins see it in the member list and audit log.").max(80, "Use at most 80 characters."),
  email: z.email({ error: "Enter a valid email address, e.g. you@example.com." }).trim().toLowerCase(),
  password: newPassword,
});

export const forgotPasswordSchema = z.object({
  email: z.email({ error: "Enter the email address of your account, e.g. you@example.com." }).trim().toLowerCase(),
});

export const resetPasswordSchema = z
  .object({ newPassword, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ. Type the same new password twice." });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword,
    revokeOtherSessions: z.boolean().default(true),
  })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });

/** A 6-digit code from an authenticator app; spaces (as apps show "123 456") are ignored. */
export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code your authenticator app shows now.")),
});

/** A recovery code as shown when two-factor was turned on (10 characters, with or without its dash). */
export const recoveryCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter one of your recovery codes.")
    .max(40, "That is longer than a recovery code. Enter one code, as it was shown."),
});

export const passwordConfirmSchema = z.object({ password: z.string().min(1, "Enter your password to confirm it is you.") });

export const passkeyNameSchema = z.object({
  name: z.string().trim().min(1, "Name the passkey, e.g. “Work laptop”, so you can tell it apart later.").max(60, "Use at most 60 characters."),
});

/** Our own sign-in error (lib/auth/security-plugin.ts): an authenticator code entered a second time. */
export const CODE_ALREADY_USED = "CODE_ALREADY_USED";
export const CODE_ALREADY_USED_MESSAGE = "This code was already used. Wait for your app to show the next one, then enter that.";

/** Better Auth's error codes in words a person can act on. */
export function authErrorMessage(error: { status?: number; code?: string; message?: string }): string {
  if (error.status === 429) return "Too many attempts from this network. Wait about 10 seconds, then try again.";
  switch (error.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return "That email and password do not match an account. Check both, or create an account.";
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return "An account with this email already exists. Sign in instead.";
    case "PASSWORD_TOO_SHORT":
      return `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters.`;
    case "PASSWORD_TOO_LONG":
      return "The password is too long: use at most 256 characters.";
    case "INVALID_EMAIL":
      return "Enter a valid email address.";
    case "INVALID_CODE":
      return "That code is not right. Enter the 6-digit code your authenticator app shows now (codes change every 30 seconds; check the phone's clock if they never work).";
    case CODE_ALREADY_USED:
      return CODE_ALREADY_USED_MESSAGE;
    case "INVALID_BACKUP_CODE":
      return "That recovery code is not valid, or it was already used. Each recovery code works once.";
    case "INVALID_TWO_FACTOR_COOKIE":
      return "This sign-in step has expired (10 minutes). Sign in with your password again.";
    case "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE":
      return "Too many wrong codes for this sign-in. Sign in with your password again.";
    case "ACCOUNT_TEMPORARILY_LOCKED":
      return "Too many wrong codes: two-factor sign-in for this account is paused for 15 minutes. Try again later, or use a recovery code then.";
    case "INVALID_PASSWORD":
      return "That password is not right. Enter your current password.";
    case "INVALID_TOKEN":
      return "This reset link has expired or was already used. Links work once, for 30 minutes: request a new one.";
    case "PASSKEY_NOT_FOUND":
      return "This passkey is not registered with any account here. Sign in with your password instead.";
    case "AUTH_CANCELLED":
    case "ERROR_CEREMONY_ABORTED":
      return "The passkey prompt was closed before it finished. Try again, or sign in with your password.";
    case "CREDENTIAL_ACCOUNT_NOT_FOUND":
      return "This account has no password yet. Use “Forgot password?” on the sign-in page to set one.";
    default:
      return error.message ? `${error.message}.` : "Signing in failed. Try again in a moment.";
  }
}
