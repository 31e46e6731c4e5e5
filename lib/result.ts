/**
 * The one shape of an outcome that can fail without throwing: `ok` says which; a success carries
 * its own fields, a failure carries `error` (a message, or a structured problem). Services throw
 * AppError instead; these are for checks whose caller decides what a failure means.
 */
export type Result<T extends object, E = string> = ({ ok: true } & T) | { ok: false; error: E };
