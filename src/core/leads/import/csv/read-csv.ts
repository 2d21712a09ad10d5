import type { ColumnMapping, ImportReject, ImportWarning } from '../../../../shared/domain/import-report';
import type { LeadDraft } from '../../../../shared/domain/lead';
import { importWarning } from '../adf/warning';
import { resolveField, type ImportField } from '../mapping';
import { importReject } from '../reject';
import { RowConverter, type CellProblem, type ConvertContext } from '../to-draft';
import type { CsvRecord, ParsedCsv } from './parse-csv';

export interface CsvRows {
  items: { draft: LeadDraft; line: number }[];
  rejects: ImportReject[];
  /** The records behind the rejects (same order, deduplicated), for the rejects file. */
  rejectedRecords: RejectedRecord[];
  warnings: ImportWarning[];
}

/** A rejected row as the file had it, and why (the rejects file words it in the dealership's language). */
export interface RejectedRecord {
  record: CsvRecord;
  problems: CellProblem[];
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
  /** Whether the file-level "no name column" warning is out (once, with the first lead). */
  #saidNoNameColumn = false;

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
          problem:
            unterminatedAt !== undefined
              ? { code: 'quote-never-closes', line: unterminatedAt }
              : { code: 'column-count', cells: record.cells.length, columns },
        },
      ]);
      return;
    }
    const { draft, problems } = this.#converter.convert(record.cells);
    if (!draft) return this.#reject(out, record, problems);
    out.items.push({ draft, line: record.line });
    const { firstName, lastName, fullName } = draft.contact;
    if (firstName === undefined && lastName === undefined && fullName === undefined) this.#nameless(out, record.line);
  }

  /**
   * A row with no name and no company is imported, and said so. Refusing it would lose a real
   * lead (a web form often leaves only a number; the seller asks the name on the call) and, with
   * the box unticked, refuse the whole file; the warning names the line so a row that lost its
   * name by mistake gets fixed. A file with no name column at all says it once, on its header line.
   */
  #nameless(out: CsvRows, line: number): void {
    const where = this.#converter.nameColumns;
    if (where.length > 0) out.warnings.push(importWarning(line, { code: 'no-name', where: [...where] }));
    else if (!this.#saidNoNameColumn) {
      this.#saidNoNameColumn = true;
      out.warnings.push(importWarning(1, { code: 'no-name-column' }));
    }
  }

  /** After the last record: a quote left open where no record could carry the reject (the header row). */
  finish(out: CsvRows, unterminatedAt: number | undefined): void {
    if (unterminatedAt !== undefined && !this.#saidNeverCloses)
      out.rejects.push(importReject(unterminatedAt, { code: 'quote-never-closes', line: unterminatedAt }));
  }

  #reject(out: CsvRows, record: CsvRecord, problems: CellProblem[]): void {
    for (const p of problems) {
      if (p.problem.code === 'quote-never-closes') this.#saidNeverCloses = true;
      out.rejects.push(importReject(record.line, p.problem, p.column));
    }
    out.rejectedRecords.push({ record, problems });
  }
}
