import type { RequestOutput } from '../../../shared/contract';
import { notTextFileMessage } from '../../../shared/domain/import-report';
import { AppFailure } from '../../../shared/result';
import { decodeText, encodingLabel, looksBinary } from './csv/decode';
import { parseCsv } from './csv/parse-csv';
import { guessMapping } from './mapping';
import { detectFormat } from './run-import';

/**
 * What the mapping step shows before importing: format, detected encoding/separator, 5 rows, guesses.
 * A binary file (an .xlsx picked by mistake) is refused here, before any mapping is offered: no
 * separator or mapping can make it importable.
 */
export function inspectImport(bytes: Uint8Array): RequestOutput<'leads.inspectImport'> {
  if (looksBinary(bytes)) throw new AppFailure('invalid-request', notTextFileMessage, 'contentBase64');
  const { text, encoding } = decodeText(bytes);
  if (detectFormat(text) === 'adf') return { format: 'adf', headers: [], sampleRows: [], suggestedMapping: {} };
  // Only the head is needed: a 100k-row file is not parsed to show five rows.
  const head = text.length > 256 * 1024 ? text.slice(0, 256 * 1024) : text;
  const csv = parseCsv(head);
  return {
    format: 'csv',
    encoding: encodingLabel(encoding),
    separator: csv.separator === '\t' ? 'tab' : csv.separator,
    headers: csv.headers,
    sampleRows: csv.records.slice(0, 5).map((r) => r.cells),
    suggestedMapping: guessMapping(csv.headers),
  };
}
