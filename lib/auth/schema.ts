import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 10;

export const signInSchema = z.object({
  email: z.email({ error: "Enter the email address you signed up with." }).trim().toLowerCase(),
  password: z.string().min(1, "Enter your password."),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name; other admins see it in the member list and audit log.").max(80, "Use at most 80 characters."),
  email: z.email({ error: "Enter a valid email address, e.g. you@example.com." }).trim().toLowerCase(),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(256, "Use at most 256 characters."),
});

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
    default:
      return error.message ? `${error.message}.` : "Signing in failed. Try again in a moment.";
  }
}
