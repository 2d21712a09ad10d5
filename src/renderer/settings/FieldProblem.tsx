import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../shared/result';
import type { LocalProblem } from './form-model';

/** Why a field was refused: by the server (translated code plus its own words) or by a check here. */
export type FieldProblem =
  | { kind: 'server'; code: ErrorCode; detail: string }
  | { kind: 'local'; problem: LocalProblem; line?: number }
  | { kind: 'password-empty' };

export function FieldProblemText({ problem }: { problem: FieldProblem }) {
  const { t } = useTranslation();
  switch (problem.kind) {
    case 'server':
      return (
        <>
          {t(`errors.${problem.code}`)} {/* The server speaks English; say so to screen readers. */}
          <span className="detail" lang="en">
            ({problem.detail})
          </span>
        </>
      );
    case 'local':
      return <>{t(`settings.local.${problem.problem}`, { line: problem.line })}</>;
    case 'password-empty':
      return <>{t('settings.password.empty')}</>;
  }
}
