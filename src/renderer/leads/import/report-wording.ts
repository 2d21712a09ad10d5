import type { ImportReport } from '../../../shared/domain/import-report';
import type { Translate } from '../../dialer/translate';
import { formatCount } from '../format';

/**
 * The import report's heading (i18n key under leads.import.report): a run that wrote nothing
 * never says "finished" as if leads had come in.
 */
export function reportTitleKey(
  report: Pick<ImportReport, 'dryRun' | 'refused' | 'imported' | 'merged'>,
): 'dryTitle' | 'refusedTitle' | 'nothingTitle' | 'title' {
  if (report.dryRun) return 'dryTitle';
  if (report.refused) return 'refusedTitle';
  return report.imported + report.merged === 0 ? 'nothingTitle' : 'title';
}

/**
 * A refused report's counts are all 0 (nothing was written): worth showing only once the rows
 * were imported, or would be.
 */
export const reportFigures = (report: Pick<ImportReport, 'refused'>) =>
  report.refused ? (['rows'] as const) : (['rows', 'imported', 'merged', 'unchanged'] as const);

/**
 * Whether to ask core again, as a dry run with keepValid, what ticking the box would import: only
 * for a refusal the box can change (not one made with the box ticked).
 */
export const asksWhatKeepValidWouldDo = (report: Pick<ImportReport, 'refused'>, keepValid: boolean): boolean =>
  report.refused && !keepValid;

/**
 * What ticking the box would import, from core's dry run with keepValid: "En cochant la case,
 * 3 nouveaux prospects seraient importés en ignorant les 2 lignes en erreur." Null when that run
 * was refused too (a file-level problem the box does not change).
 */
export function keepValidWouldText(
  wouldBe: Pick<ImportReport, 'refused' | 'imported' | 'merged' | 'rejected'>,
  t: Translate,
  language: string,
): string | null {
  if (wouldBe.refused) return null;
  const n = (count: number) => ({ count, n: formatCount(count, language) });
  const created = t('leads.import.report.ifKeepValid.created', n(wouldBe.imported));
  const ignored = t('leads.import.report.ifKeepValid.ignored', n(wouldBe.rejected.length));
  return wouldBe.merged > 0
    ? t('leads.import.report.ifKeepValid.withMerged', {
        created,
        merged: t('leads.import.report.ifKeepValid.merged', n(wouldBe.merged)),
        ignored,
      })
    : t('leads.import.report.ifKeepValid.sentence', { created, ignored });
}
