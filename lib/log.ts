/**
 * Server-side logging of unexpected failures. Only the error's name, message and stack are
 * written: never request input, which may hold tokens or key material.
 */
export function logUnexpected(where: string, error: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
  console.error(`[unexpected] ${where}: ${redactSecrets(detail)}`);
}

const JWT_LIKE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
const PEM_BLOCK = /-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g;

/** Defence in depth: a library error that quotes its input must not carry a token or a key into a log. */
export function redactSecrets(text: string): string {
  return text.replace(JWT_LIKE, "[redacted token]").replace(PEM_BLOCK, "[redacted PEM]");
}
