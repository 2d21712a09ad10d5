import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldProblemText, type FieldProblem } from './FieldProblem';

export interface ControlProps {
  id: string;
  disabled: boolean;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  /** Locked by provisioning: shown disabled, with the reason attached to the control. */
  locked?: boolean;
  problem?: FieldProblem | undefined;
  /** Extra notes (by id) the control should be described by. */
  describedBy?: string[];
  /** A note about the saved value (one no longer accepted), under the control; its id goes in `describedBy`. */
  notice?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}

/** Label, control, and the notes a screen reader reads with it: error first, then lock, then hint. */
export function Field({ id, label, hint, locked = false, problem, describedBy = [], notice, children }: FieldProps) {
  const { t } = useTranslation();
  const ids = [problem && `${id}-error`, locked && `${id}-locked`, hint && `${id}-hint`, ...describedBy].filter(
    (value): value is string => Boolean(value),
  );
  return (
    <div className={problem ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        disabled: locked,
        ...(ids.length > 0 && { 'aria-describedby': ids.join(' ') }),
        ...(problem && { 'aria-invalid': true as const }),
      })}
      {problem && (
        <p id={`${id}-error`} className="field-error">
          <FieldProblemText problem={problem} />
        </p>
      )}
      {notice}
      {locked && (
        <p id={`${id}-locked`} className="field-locked">
          {t('settings.locked')}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
