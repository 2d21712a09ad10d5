import type { ColumnMapping, ImportReject } from '../../../../shared/domain/import-report';
import type { LeadDraft } from '../../../../shared/domain/lead';
import { resolveField, type ImportField } from '../mapping';
import { RowConverter, type ConvertContext } from '../to-draft';
import type { CsvRecord, ParsedCsv } from './parse-csv';

export interface CsvRows {
  items: { draft: LeadDraft; line: number }[];
  rejects: ImportReject[];
  /** The records behind the rejects (same order, deduplicated), for the rejects file. */
  rejectedRecords: { record: CsvRecord; reasons: string[] }[];
  warnings: { line: number; message: string }[];
}

export const emptyRows = (): CsvRows => ({ items: [], rejects: [], rejectedRecords: [], warnings: [] });

/** Parsed CSV + mapping -> drafts and rejects, each with its physical line. Pure. */
export function csvToDrafts(csv: ParsedCsv, mapping: ColumnMapping, ctx: ConvertContext): CsvRows {
  const reader = new CsvRowReader(csv.headers, mapping, ctx);
  const out = emptyRows();
  const last = csv.records.length - 1;
  csv.records.forEach((record, i) => reader.read(record, out, i === last ? csv.unterminatedAt : undefined));
  reader.finish(out, csv.unterminatedAt);
  return out;
}

/** csvToDrafts one record at a time, for a file read as it is converted. */
export class CsvRowReader {
  readonly #headers: readonly string[];
  readonly #converter: RowConverter;
  /** Whether a reject already says a quoted field never closes (finish() then adds none). */
  #saidNeverCloses = false;

  constructor(headers: readonly string[], mapping: ColumnMapping, ctx: ConvertContext) {
    this.#headers = headers;
    const columns: (ImportField | undefined)[] = headers.map((h) =>
      mapping[h] ? resolveField(mapping[h]) : undefined,
    );
    this.#converter = new RowConverter(headers, columns, ctx);
  }

  /** `unterminatedAt`: given with the file's last record when a quoted field never closes (it opened on that line). */
  read(record: CsvRecord, out: CsvRows, unterminatedAt?: number): void {
    const columns = this.#headers.length;
    if (unterminatedAt !== undefined || record.cells.length !== columns) {
      this.#reject(out, record, [
        {
          reason:
            unterminatedAt !== undefined
              ? `quoted field opened on line ${unterminatedAt} never closes: the file looks truncated`
              : `row has ${record.cells.length} columns, the header has ${columns} (a separator inside an unquoted value?)`,
        },
      ]);
      return;
    }
    const { draft, problems } = this.#converter.convert(record.cells);
    if (draft) out.items.push({ draft, line: record.line });
    else this.#reject(out, record, problems);
  }

  /** After the last record: a quote left open where no record could carry the reject (the header row). */
  finish(out: CsvRows, unterminatedAt: number | undefined): void {
    if (unterminatedAt !== undefined && !this.#saidNeverCloses)
      out.rejects.push({
        line: unterminatedAt,
        reason: `quoted field opened on line ${unterminatedAt} never closes: the file looks truncated`,
      });
  }

  #reject(out: CsvRows, record: CsvRecord, problems: { column?: string; reason: string }[]): void {
    for (const p of problems) {
      if (/never closes/.test(p.reason)) this.#saidNeverCloses = true;
      out.rejects.push({ line: record.line, ...(p.column ? { column: p.column } : {}), reason: p.reason });
    }
    out.rejectedRecords.push({
      record,
      reasons: problems.map((p) => (p.column ? `${p.column}: ${p.reason}` : p.reason)),
    });
  }
}
