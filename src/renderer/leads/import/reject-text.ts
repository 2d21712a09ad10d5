import {
  rejectReasonText,
  warningText,
  type ImportReject,
  type ImportWarning,
} from '../../../shared/domain/import-report';
import { fallbackLocale, isLocale } from '../../i18n/locale';

const screenLocale = (language: string) => (isLocale(language) ? language : fallbackLocale);

/** A reject in the screen's language (French for a language the app does not have). */
export function rejectText(reject: Pick<ImportReject, 'reason' | 'problem'>, language: string): string {
  return rejectReasonText(reject, screenLocale(language));
}

/** A warning (what an ADF import dropped or reinterpreted) in the screen's language, the same way. */
export function importWarningText(warning: Pick<ImportWarning, 'message' | 'notice'>, language: string): string {
  return warningText(warning, screenLocale(language));
}
