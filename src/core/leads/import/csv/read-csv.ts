import type { ColumnMapping, ImportReject } from '../../../../shared/domain/import-report';
import type { LeadDraft } from '../../../../shared/domain/lead';
import { resolveField, type ImportField } from '../mapping';
import { groupCells, valuesToDraft, type ConvertContext } from '../to-draft';
import type { CsvRecord, ParsedCsv } from './parse-csv';

export interface CsvRows {
  items: { draft: LeadDraft; line: number }[];
  rejects: ImportReject[];
  /** The records behind the rejects (same order, deduplicated), for the rejects file. */
  rejectedRecords: { record: CsvRecord; reasons: string[] }[];
  warnings: { line: number; message: string }[];
}

/** Parsed CSV + mapping -> drafts and rejects, each with its physical line. Pure. */
export function csvToDrafts(csv: ParsedCsv, mapping: ColumnMapping, ctx: ConvertContext): CsvRows {
  const columns: (ImportField | undefined)[] = csv.headers.map((h) =>
    mapping[h] ? resolveField(mapping[h]) : undefined,
  );
  const out: CsvRows = { items: [], rejects: [], rejectedRecords: [], warnings: [] };
  const reject = (record: CsvRecord, problems: { column?: string; reason: string }[]) => {
    for (const p of problems)
      out.rejects.push({ line: record.line, ...(p.column ? { column: p.column } : {}), reason: p.reason });
    out.rejectedRecords.push({
      record,
      reasons: problems.map((p) => (p.column ? `${p.column}: ${p.reason}` : p.reason)),
    });
  };
  for (const record of csv.records) {
    const truncated = csv.unterminatedAt !== undefined && record === csv.records.at(-1);
    if (truncated || record.cells.length !== csv.headers.length) {
      reject(record, [
        {
          reason: truncated
            ? `quoted field opened on line ${csv.unterminatedAt} never closes: the file looks truncated`
            : `row has ${record.cells.length} columns, the header has ${csv.headers.length} (a separator inside an unquoted value?)`,
        },
      ]);
      continue;
    }
    const { draft, problems } = valuesToDraft(groupCells(record.cells, columns, csv.headers), ctx);
    if (draft) out.items.push({ draft, line: record.line });
    else reject(record, problems);
  }
  if (csv.unterminatedAt !== undefined && !out.rejects.some((r) => /never closes/.test(r.reason)))
    out.rejects.push({
      line: csv.unterminatedAt,
      reason: `quoted field opened on line ${csv.unterminatedAt} never closes: the file looks truncated`,
    });
  return out;
}
