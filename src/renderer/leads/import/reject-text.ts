import { importProblemText } from '../../../shared/domain/import-problems';
import type { ImportReject } from '../../../shared/domain/import-report';
import { fallbackLocale, isLocale } from '../../i18n/locale';

/** A reject in the screen's language; a report without a problem code has only its English reason. */
export function rejectText(reject: Pick<ImportReject, 'reason' | 'problem'>, language: string): string {
  if (!reject.problem) return reject.reason;
  return importProblemText(reject.problem, isLocale(language) ? language : fallbackLocale);
}
