import Papa from 'papaparse';
import { csvFormulaEscape } from '../../../shared/csv-cell';
import type { ImportReject } from '../../../shared/domain/import-report';
import type { CsvRecord, Separator } from './csv/parse-csv';

const BOM = '\uFEFF';

/**
 * The rejected rows as the user sent them plus a reason column, so they can fix them in Excel and
 * import that file again. UTF-8 with BOM (Excel reads accents right), same separator; formula-like
 * cells get the apostrophe the import takes off.
 */
export function rejectsCsv(
  headers: string[],
  rows: { record: CsvRecord; reasons: string[] }[],
  separator: Separator,
): string {
  const reasonHeader = separator === ';' ? 'Motif du rejet' : 'Reject reason';
  const lineHeader = separator === ';' ? 'Ligne' : 'Line';
  const data = rows.map(({ record, reasons }) => [
    ...headers.map((_, i) => record.cells[i] ?? ''),
    reasons.join(' ; '),
    String(record.line),
  ]);
  return (
    BOM +
    Papa.unparse(
      { fields: [...headers, reasonHeader, lineHeader], data },
      { delimiter: separator, newline: '\r\n', ...csvFormulaEscape },
    )
  );
}

/** ADF rejects have no columns to give back: line, element path and reason. */
export function adfRejectsCsv(rejects: ImportReject[]): string {
  const data = rejects.map((r) => [String(r.line), r.column ?? '', r.reason]);
  return (
    BOM +
    Papa.unparse(
      { fields: ['Ligne', 'Élément', 'Motif du rejet'], data },
      { delimiter: ';', newline: '\r\n', ...csvFormulaEscape },
    )
  );
}
