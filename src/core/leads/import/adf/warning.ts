import { importNoticeText, type ImportNotice } from '../../../../shared/domain/import-notices';
import type { ImportWarning } from '../../../../shared/domain/import-report';

/** A warning as reports carry it: the notice's code, and its English sentence (what the CLI prints). */
export function importWarning(line: number, notice: ImportNotice): ImportWarning {
  return { line, message: importNoticeText(notice, 'en'), notice };
}
