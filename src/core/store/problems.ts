/** Problems found on disk are never thrown: collected, reported, shown to the user. */
import type { StoreProblem } from '../../shared/domain/store-problem';

export type { StoreProblem };
export type StoreProblemKind = StoreProblem['kind'];

export type ProblemSink = (problem: StoreProblem) => void;

/** Error with a stable code, for callers that must tell store failures apart. */
export class StoreError extends Error {
  constructor(
    readonly code: 'invalid-record' | 'read-only' | 'closed' | 'io' | 'in-use',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
