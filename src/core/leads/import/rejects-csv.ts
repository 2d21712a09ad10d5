import Papa from 'papaparse';
import { csvFormulaEscape } from '../../../shared/csv-cell';
import { rejectReasonText, type ImportReject } from '../../../shared/domain/import-report';
import { importProblemText } from '../../../shared/domain/import-problems';
import type { Locale } from '../../../shared/domain/settings';
import type { RejectedRecord } from './csv/read-csv';
import type { Separator } from './csv/parse-csv';

const BOM = '\uFEFF';

const words = {
  fr: { reason: 'Motif du rejet', line: 'Ligne', element: 'Élément', colon: ' : ' },
  en: { reason: 'Reject reason', line: 'Line', element: 'Element', colon: ': ' },
} as const;

/**
 * The rejected rows as the user sent them plus a reason column, so they can fix them in Excel and
 * import that file again. UTF-8 with BOM (Excel reads accents right), same separator; formula-like
 * cells get the apostrophe the import takes off. Headers and reasons are in the dealership's
 * language (`locale`, the settings' one).
 */
export function rejectsCsv(headers: string[], rows: RejectedRecord[], separator: Separator, locale: Locale): string {
  const w = words[locale];
  const data = rows.map(({ record, problems }) => [
    ...headers.map((_, i) => record.cells[i] ?? ''),
    problems
      .map((p) => {
        const text = importProblemText(p.problem, locale);
        return p.column ? `${p.column}${w.colon}${text}` : text;
      })
      .join(' ; '),
    String(record.line),
  ]);
  return (
    BOM +
    Papa.unparse(
      { fields: [...headers, w.reason, w.line], data },
      { delimiter: separator, newline: '\r\n', ...csvFormulaEscape },
    )
  );
}

/** ADF rejects have no columns to give back: line, element path and reason. */
export function adfRejectsCsv(rejects: ImportReject[], locale: Locale): string {
  const w = words[locale];
  const data = rejects.map((r) => [String(r.line), r.column ?? '', rejectReasonText(r, locale)]);
  return (
    BOM +
    Papa.unparse(
      { fields: [w.line, w.element, w.reason], data },
      { delimiter: ';', newline: '\r\n', ...csvFormulaEscape },
    )
  );
}
