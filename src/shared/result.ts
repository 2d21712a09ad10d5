import { z } from 'zod';

/**
 * Errors cross every boundary (IPC, WebSocket, CLI) as values with a stable code;
 * the UI translates the code, the message is for logs and developers.
 */
export const errorCodes = [
  'invalid-request',
  'unknown-method',
  'forbidden',
  'not-found',
  'conflict',
  'locked-by-admin',
  'secret-storage-unavailable',
  'store-failure',
  'transport-closed',
  'internal',
] as const;

export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Dotted path of the offending field, when one field is to blame. */
  field: z.string().optional(),
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, extra: Partial<AppError> = {}): Result<never> => ({
  ok: false,
  error: { code, message, ...extra },
});

/** Thrown inside services; turned into a failed Result at the boundary. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

/** Flattens zod issues into `{ field: 'sip.server', message }` pairs a person can act on. */
export function describeZodError(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
