import type { ColumnMapping } from '../../../../shared/domain/import-report';
import { guessMapping, invalidMappingFields } from '../mapping';
import type { ConvertContext } from '../to-draft';
import { decodeText, type DetectedEncoding } from './decode';
import { CsvReader, type CsvRecord, type Separator } from './parse-csv';
import { CsvRowReader, emptyRows, type CsvRows } from './read-csv';

/** What the file says before any row is converted. */
export interface CsvHead {
  encoding: DetectedEncoding;
  separator: Separator;
  headers: string[];
  /** The mapping asked for, else the one guessed from the headers. */
  mapping: ColumnMapping;
  /** Why no row can be imported at all, if so (then no row is converted). */
  problem?: 'unknown-fields' | 'empty' | 'unmapped';
}

/** Rows converted so far: drafts, rejects and the rejected records, in file order; `read`: the share of the file read. */
export type CsvBatch = CsvRows & { read: number };

/** After the last batch. */
export interface CsvEnd {
  /** Records in the file (the header and blank lines not counted). */
  rows: number;
}

/**
 * Reads a CSV file as the importer needs it, in batches of converted rows: decode, header,
 * mapping, then `batch` records at a time. The same steps whether it runs on this thread or in
 * the import worker; a file-level problem stops it after the head.
 */
export function* readCsvFile(
  bytes: Uint8Array,
  options: { mapping?: ColumnMapping; ctx: ConvertContext; batch: number },
): Generator<{ head: CsvHead } | { batch: CsvBatch } | { end: CsvEnd }> {
  const { text, encoding } = decodeText(bytes);
  const reader = new CsvReader(text);
  const mapping = options.mapping ?? guessMapping(reader.headers);
  const problem =
    invalidMappingFields(mapping).length > 0
      ? 'unknown-fields'
      : reader.headers.length === 0
        ? 'empty'
        : !Object.values(mapping).some((f) => f !== 'ignore')
          ? 'unmapped'
          : undefined;
  yield {
    head: {
      encoding,
      separator: reader.separator,
      headers: reader.headers,
      mapping,
      ...(problem ? { problem } : {}),
    },
  };
  if (problem === 'unknown-fields') return;
  if (problem) {
    let rows = 0;
    while (reader.next()) rows++;
    yield { end: { rows } };
    return;
  }
  const rows = new CsvRowReader(reader.headers, mapping, options.ctx);
  let count = 0;
  let out = emptyRows();
  let inBatch = 0;
  // One record ahead: the reject of a quote left open goes with the file's last record.
  let record: CsvRecord | undefined = reader.next();
  while (record) {
    const next: CsvRecord | undefined = reader.next();
    count++;
    rows.read(record, out, next ? undefined : reader.unterminatedAt);
    record = next;
    if (++inBatch === options.batch) {
      yield { batch: { ...out, read: reader.read } };
      out = emptyRows();
      inBatch = 0;
    }
  }
  rows.finish(out, reader.unterminatedAt);
  yield { batch: { ...out, read: 1 } };
  yield { end: { rows: count } };
}
