import type { ColumnMapping, ImportReject, ImportReport } from '../../../shared/domain/import-report';
import type { LeadDraft } from '../../../shared/domain/lead';
import { AppFailure } from '../../../shared/result';
import { MalformedXml } from './adf/xml';
import { parseAdf } from './adf/parse-adf';
import { decodeText, encodingLabel, looksBinary } from './csv/decode';
import { parseCsv, type Separator } from './csv/parse-csv';
import { csvToDrafts } from './csv/read-csv';
import { guessMapping, invalidMappingFields } from './mapping';
import { adfRejectsCsv, rejectsCsv } from './rejects-csv';
import type { ImportTarget } from './target';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  format?: 'csv' | 'adf';
  /** header -> field; absent: guessed from the headers. */
  mapping?: ColumnMapping;
  keepValid: boolean;
  dryRun: boolean;
  region: string;
  zone?: string;
}

export interface ImportOutcome {
  report: ImportReport;
  /** The rejected rows (CSV, UTF-8 with BOM), when there are any. */
  rejectsCsv?: string;
}

/** Content decides, not the extension: dealers rename feeds. */
export function detectFormat(text: string): 'csv' | 'adf' {
  return /^\s*(<\?xml|<adf[\s>]|<!--|<!DOCTYPE)/i.test(text.replace(/^\uFEFF/, '')) ? 'adf' : 'csv';
}

const separatorName: Record<Separator, string> = { ';': ';', ',': ',', '\t': 'tab' };

/**
 * Parse -> drafts + rejects -> all or nothing (unless keepValid) -> the lead service -> report.
 * Nothing reaches the store when any row is rejected and keepValid is off, or on a file-level error.
 */
export async function runImport(request: ImportRequest, target: ImportTarget): Promise<ImportOutcome> {
  const ctx = { region: request.region, zone: request.zone ?? 'Europe/Paris' };
  const base = { file: request.fileName, dryRun: request.dryRun, imported: 0, merged: 0, unchanged: 0 };
  if (looksBinary(request.bytes)) {
    return {
      report: {
        ...base,
        format: request.format ?? 'csv',
        refused: true,
        rows: 0,
        rejected: [{ line: 1, reason: 'not a text file (an Excel .xlsx? save it as CSV first)' }],
        warnings: [],
      },
    };
  }
  const { text, encoding } = decodeText(request.bytes);
  const format = request.format ?? detectFormat(text);

  let parsed: {
    items: { draft: LeadDraft; line: number }[];
    rejects: ImportReject[];
    warnings: ImportReport['warnings'];
    rows: number;
    fileLevel: boolean;
    rejectsCsv?: string;
    detected?: ImportReport['detected'];
    mapping?: ColumnMapping;
  };
  if (format === 'adf') {
    try {
      const adf = parseAdf(text, ctx);
      parsed = { ...adf, rows: adf.prospects, fileLevel: adf.prospects === 0 };
      if (adf.rejects.length > 0) parsed.rejectsCsv = adfRejectsCsv(adf.rejects);
    } catch (error) {
      if (!(error instanceof MalformedXml)) throw error;
      parsed = {
        items: [],
        rejects: [{ line: error.line, reason: error.message }],
        warnings: [],
        rows: 0,
        fileLevel: true,
      };
    }
  } else {
    const csv = parseCsv(text);
    const mapping = request.mapping ?? guessMapping(csv.headers);
    const bad = invalidMappingFields(mapping);
    if (bad.length > 0)
      throw new AppFailure('invalid-request', `unknown lead field(s) in the mapping: ${bad.join(', ')}`, 'mapping');
    const detected = {
      encoding: encodingLabel(encoding),
      separator: separatorName[csv.separator],
      headers: csv.headers,
    };
    if (csv.headers.length === 0) {
      parsed = {
        items: [],
        rejects: [{ line: 1, reason: 'the file is empty' }],
        warnings: [],
        rows: 0,
        fileLevel: true,
        detected,
        mapping,
      };
    } else if (!Object.values(mapping).some((f) => f !== 'ignore')) {
      const reason = 'no column could be matched to a lead field: choose a mapping';
      parsed = {
        items: [],
        rejects: [{ line: 1, reason }],
        warnings: [],
        rows: csv.records.length,
        fileLevel: true,
        detected,
        mapping,
      };
    } else {
      const rows = csvToDrafts(csv, mapping, ctx);
      parsed = {
        ...rows,
        rows: csv.records.length,
        fileLevel: false,
        detected,
        mapping,
        ...(rows.rejectedRecords.length > 0
          ? { rejectsCsv: rejectsCsv(csv.headers, rows.rejectedRecords, csv.separator) }
          : {}),
      };
    }
  }

  const refused = parsed.fileLevel || (parsed.rejects.length > 0 && !request.keepValid);
  const counts =
    refused || parsed.items.length === 0
      ? { imported: 0, merged: 0, unchanged: 0 }
      : await target.importDrafts(parsed.items, { dryRun: request.dryRun, fileName: request.fileName, via: 'import' });
  const report: ImportReport = {
    ...base,
    ...counts,
    format,
    refused,
    rows: parsed.rows,
    rejected: parsed.rejects,
    warnings: parsed.warnings,
    ...(parsed.detected ? { detected: parsed.detected } : {}),
    ...(parsed.mapping ? { mapping: parsed.mapping } : {}),
  };
  return { report, ...(parsed.rejectsCsv ? { rejectsCsv: parsed.rejectsCsv } : {}) };
}
