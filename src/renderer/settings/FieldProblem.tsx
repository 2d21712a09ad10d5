import { useTranslation } from 'react-i18next';
import type { AppError, ErrorCode } from '../../shared/result';
import { serverErrorText } from './field-errors';
import type { LocalProblemDetail } from './form-model';
import { localProblemText } from './local-problem-text';

/** Why a field was refused: by the server (`path` and its English words) or by a check here. */
export type FieldProblem =
  | { kind: 'server'; code: ErrorCode; detail: string; path?: string }
  | ({ kind: 'local' } & LocalProblemDetail)
  | { kind: 'password-empty' };

/**
 * A failed request in the UI's language: the field's own sentence when core's path and words are
 * known, else the translated code. Core's English detail is a tooltip, on screen only in English.
 */
export function ServerErrorMessage({ error }: { error: Pick<AppError, 'code' | 'field' | 'message' | 'issues'> }) {
  const { t, i18n } = useTranslation();
  const text = serverErrorText(error, i18n.language);
  return (
    <span title={text.detail}>
      {t(text.key, text.values)}
      {text.showDetail && (
        <>
          {' '}
          <span className="detail">({text.detail})</span>
        </>
      )}
    </span>
  );
}

export function FieldProblemText({ problem }: { problem: FieldProblem }) {
  const { t, i18n } = useTranslation();
  switch (problem.kind) {
    case 'server':
      return (
        <ServerErrorMessage
          error={{ code: problem.code, message: problem.detail, ...(problem.path && { field: problem.path }) }}
        />
      );
    case 'local': {
      const text = localProblemText(problem, i18n.language);
      return <>{t(text.key, text.values)}</>;
    }
    case 'password-empty':
      return <>{t('settings.password.empty')}</>;
  }
}
