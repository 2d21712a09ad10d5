import { isRequestName, requests, type Handlers } from '../../shared/contract';
import { AppFailure, describeZodError, fail, ok, type Result } from '../../shared/result';

export interface DispatchLog {
  warn(message: string, meta?: Record<string, unknown>): void;
}

/**
 * The single entry point of both transports: checks the method, validates the payload
 * against the contract, runs the handler and turns any failure into a typed Result.
 * Nothing reaches a handler unvalidated.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  payload: unknown,
  log?: DispatchLog,
): Promise<Result<unknown>> {
  if (!isRequestName(method)) return fail('unknown-method', `Unknown request "${method}"`);
  const parsed = requests[method].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const issues = describeZodError(parsed.error);
    return fail('invalid-request', `Invalid ${method}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, {
      field: issues[0]?.field,
      issues,
    });
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown> | unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof AppFailure) return fail(error.code, error.message, error.field ? { field: error.field } : {});
    // Internal details go to the log, not across the boundary.
    log?.warn('handler failed', { method, error: error instanceof Error ? error.message : String(error) });
    return fail('internal', `${method} failed`);
  }
}
