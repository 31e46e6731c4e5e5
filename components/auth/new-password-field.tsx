import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schema";
import { TextField } from "@/components/ui/field";

/** The one way to ask for a new password: the browser may suggest one, and the hint states the minimum length. */
export function NewPasswordField({ label, name, error }: { label: string; name: string; error?: string }) {
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      error={error}
    />
  );
}
