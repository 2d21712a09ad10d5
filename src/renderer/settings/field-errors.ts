import type { AppError, ErrorCode } from '../../shared/result';

export interface ServerFieldError {
  code: ErrorCode;
  /** The server's own wording (English, for support); shown after the translated code. */
  detail: string;
}

/** The known field that a dotted error path points into: `ice.servers.0.urls` -> `ice.servers`. */
export function matchField(path: string, known: readonly string[]): string | null {
  return known.find((field) => path === field || path.startsWith(`${field}.`)) ?? null;
}

/** `sip.server: must be a ws:// URL` -> `must be a ws:// URL`. */
const stripFieldPrefix = (message: string, path: string) =>
  message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;

/**
 * Splits a failed request into errors to show next to fields and, when no field is to blame,
 * the error to show for the whole form.
 */
export function splitServerError(
  error: AppError,
  known: readonly string[],
): { fields: Record<string, ServerFieldError>; general: AppError | null } {
  const fields: Record<string, ServerFieldError> = {};
  const issues = error.issues?.length
    ? error.issues
    : error.field
      ? [{ field: error.field, message: error.message }]
      : [];
  for (const issue of issues) {
    const field = matchField(issue.field, known);
    if (field && !fields[field])
      fields[field] = { code: error.code, detail: stripFieldPrefix(issue.message, issue.field) };
  }
  return { fields, general: Object.keys(fields).length > 0 ? null : error };
}
