import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerErrorMessage } from '../../settings/FieldProblem';
import type { FormProblem, LeadFormProblem } from './contact-fields';

/** A field's problem in the UI's words: the form's own (under `leads.create`) or core's. */
export function ProblemText({ problem }: { problem: FormProblem<LeadFormProblem> }) {
  const { t } = useTranslation();
  return problem.kind === 'local' ? (
    <>{t(`leads.create.${problem.problem}`)}</>
  ) : (
    <ServerErrorMessage error={problem.error} />
  );
}

/** The `aria-*` a control gets when its field has a problem, pointing at the message. */
export const problemA11y = (id: string, problem: unknown) =>
  problem ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

/** A label, one control (given the ids and a11y attributes) and its problem: the lead forms' field. */
export function FieldShell({
  id,
  label,
  problem,
  children,
  className,
}: {
  id: string;
  label: string;
  problem: FormProblem<LeadFormProblem> | undefined;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={['field', problem && 'field-invalid', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children}
      {problem && (
        <p id={`${id}-error`} className="field-error">
          <ProblemText problem={problem} />
        </p>
      )}
    </div>
  );
}

export function TextField({
  id,
  label,
  value,
  onChange,
  problem,
  type = 'text',
  autoComplete,
  maxLength,
  inputRef,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: FormProblem<LeadFormProblem> | undefined;
  type?: string;
  autoComplete?: string;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <FieldShell id={id} label={label} problem={problem}>
      <input
        ref={inputRef}
        id={id}
        type={type}
        autoComplete={autoComplete}
        maxLength={maxLength}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...problemA11y(id, problem)}
      />
    </FieldShell>
  );
}
