import type { ErrorBody } from "@/lib/errors";
import { Alert } from "./alert";

const TITLES: Partial<Record<ErrorBody["code"], string>> = {
  VALIDATION: "Please correct the highlighted fields",
  CONFLICT: "That conflicts with something that already exists",
  FORBIDDEN: "Not allowed",
  NOT_FOUND: "Not found",
  UNAUTHENTICATED: "Signed out",
  PRECONDITION_FAILED: "This cannot be done right now",
  RATE_LIMITED: "Too many attempts",
};

/** The form-level message for a failed action; field messages are shown next to their fields. */
export function FormError({ error }: { error: ErrorBody | null }) {
  if (!error) return null;
  const fieldCount = Object.keys(error.fieldErrors ?? {}).length;
  return (
    <Alert tone="danger" title={TITLES[error.code] ?? "Something went wrong"}>
      {fieldCount > 1 ? `${fieldCount} fields need attention. Nothing was saved.` : error.message}
    </Alert>
  );
}
