import type { ImportProgress } from '../../../shared/domain/import-report';

/** What the import screen shows while an import runs: a phase text and, while reading, a share. */
export interface ProgressView {
  /** i18n key under leads.import.progress. */
  text: 'started' | 'reading' | 'writing';
  /** 0 to 1 while the rows are read; absent (an indeterminate bar) before the first event and while writing. */
  share?: number;
}

/** Only this import's events count (another window may be importing too); a late reading event never undoes 'writing'. */
export function nextProgress(
  current: ImportProgress | null,
  event: { progressId: string; progress: ImportProgress },
  progressId: string,
): ImportProgress | null {
  if (event.progressId !== progressId) return current;
  if (current?.phase === 'writing' && event.progress.phase === 'reading') return current;
  return event.progress;
}

export function progressView(progress: ImportProgress | null): ProgressView {
  if (!progress) return { text: 'started' };
  return progress.phase === 'reading' ? { text: 'reading', share: progress.read } : { text: 'writing' };
}
