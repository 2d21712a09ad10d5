import { useRef, useState } from 'react';
import type { Disposition } from '../../shared/domain/disposition';
import { Dialog } from '../leads/detail/ConfirmDialog';
import {
  editingOutcome,
  outcomeSaveStep,
  type DoNotCallQuestion,
  type OutcomeSaveEvent,
  type OutcomeSaveState,
} from './do-not-call-confirm';

/**
 * The outcome save with its do-not-call question (`outcomeSaveStep`). The state is also kept in
 * a ref, so two key presses before React draws again still see one question and one send.
 */
export function useOutcomeSave<T>(send: (outcome: T) => Promise<void>) {
  const [state, setState] = useState<OutcomeSaveState<T>>(editingOutcome);
  const current = useRef<OutcomeSaveState<T>>(editingOutcome);
  const dispatch = (event: OutcomeSaveEvent<T>) => {
    const step = outcomeSaveStep(current.current, event);
    current.current = step.state;
    setState(step.state);
    const outcome = step.send;
    if (outcome !== undefined)
      void send(outcome).finally(() => {
        current.current = outcomeSaveStep(current.current, { kind: 'settled' }).state;
        setState(current.current);
      });
  };
  return {
    state,
    submit: (outcome: T, disposition: Pick<Disposition, 'doNotCall'>) =>
      dispatch({ kind: 'submit', outcome, disposition }),
    confirm: () => dispatch({ kind: 'confirm' }),
    cancel: () => dispatch({ kind: 'cancel' }),
  };
}

/**
 * « Ne plus jamais appeler ce numéro ? », "Annuler" first and focused: Enter or Esc out of habit
 * keeps the number callable. Rendered outside the outcome form, so its keys never reach the form's
 * digit and Enter shortcuts.
 */
export function DoNotCallDialog({
  question,
  onConfirm,
  onCancel,
}: {
  question: DoNotCallQuestion | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog open={question !== null} title={question?.title ?? ''} onClose={onCancel} className="do-not-call-dialog">
      {question?.warning && <p className="note-warning">{question.warning}</p>}
      {question?.paragraphs.map((text) => (
        <p key={text}>{text}</p>
      ))}
      <div className="form-actions dialog-actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          {question?.cancel}
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm}>
          {question?.confirm}
        </button>
      </div>
    </Dialog>
  );
}
