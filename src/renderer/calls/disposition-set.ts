import type { Disposition } from '../../shared/domain/disposition';
import type { AppError, Result } from '../../shared/result';

/** What a screen holds of the dealership's disposition set: null until it first arrives. */
export interface DispositionSetState {
  dispositions: Disposition[] | null;
  error: AppError | null;
}

export type DispositionSetEvent =
  /** The answer to `dispositions.list` (on mount and after a reconnect). */
  | { kind: 'listed'; result: Result<Disposition[]> }
  /** `dispositions.changed`: a manager saved a new set, here or in another window. */
  | { kind: 'changed'; set: Disposition[] };

export const noDispositionSet: DispositionSetState = { dispositions: null, error: null };

/** The set follows core: a listing or a change replaces it; a failed listing keeps what is shown. */
export function followDispositionSet(state: DispositionSetState, event: DispositionSetEvent): DispositionSetState {
  switch (event.kind) {
    case 'listed':
      return event.result.ok
        ? { dispositions: event.result.value, error: null }
        : { dispositions: state.dispositions, error: event.result.error };
    case 'changed':
      return { dispositions: event.set, error: null };
  }
}
