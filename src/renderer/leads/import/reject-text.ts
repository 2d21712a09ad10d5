import { rejectReasonText, type ImportReject } from '../../../shared/domain/import-report';
import { fallbackLocale, isLocale } from '../../i18n/locale';

/** A reject in the screen's language (French for a language the app does not have). */
export function rejectText(reject: Pick<ImportReject, 'reason' | 'problem'>, language: string): string {
  return rejectReasonText(reject, isLocale(language) ? language : fallbackLocale);
}
