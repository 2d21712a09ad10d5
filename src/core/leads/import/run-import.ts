import type { ImportProblem } from '../../../shared/domain/import-problems';
import type { ColumnMapping, ImportProgress, ImportReject, ImportReport } from '../../../shared/domain/import-report';
import type { Locale } from '../../../shared/domain/settings';
import { AppFailure } from '../../../shared/result';
import { MalformedXml } from './adf/xml';
import { parseAdf } from './adf/parse-adf';
import { readCsvFile, type CsvBatch, type CsvEnd, type CsvHead } from './csv/csv-file';
import { readCsvFileInWorker, WorkerUnavailable } from './csv/csv-in-worker';
import { decodeText, encodingLabel, looksBinary } from './csv/decode';
import { parseCsv, type CsvRecord, type Separator } from './csv/parse-csv';
import { columnOfLeadField, invalidMappingFields } from './mapping';
import { importReject } from './reject';
import { adfRejectsCsv, rejectsCsv } from './rejects-csv';
import type { ImportBatch, ImportTarget, TargetReject } from './target';

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
  /** The dealership's language (settings.locale): the rejects file's words. Default French. */
  locale?: Locale;
  /**
   * Read a CSV file in the import worker (the default for files over WORKER_MIN_BYTES, where a
   * worker exists); false reads it on this thread. The report is the same either way.
   */
  worker?: boolean;
  /** Called as the rows are read (a CSV file's share read, batch by batch) and before the write. */
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportOutcome {
  report: ImportReport;
  /** The rejected rows (CSV, UTF-8 with BOM), when there are any. */
  rejectsCsv?: string;
}

/** Below this a worker's start (~50 ms) costs more than reading the file here. */
export const WORKER_MIN_BYTES = 512 * 1024;
/** Rows per batch handed from the reader to the lead service. */
const BATCH = 1000;

/** Content decides, not the extension: dealers rename feeds. */
export function detectFormat(text: string): 'csv' | 'adf' {
  return /^\s*(<\?xml|<adf[\s>]|<!--|<!DOCTYPE)/i.test(text.replace(/^\uFEFF/, '')) ? 'adf' : 'csv';
}

/** The text the format shows in: the first 64 KB decoded (the whole file is decoded by its reader). */
function leadingText(bytes: Uint8Array): string {
  const head = decodeText(bytes.subarray(0, 65_536)).text;
  return bytes.length > 65_536 && head.trim() === '' ? decodeText(bytes).text : head;
}

const separatorName: Record<Separator, string> = { ';': ';', ',': ',', '\t': 'tab' };

type Counts = { imported: number; merged: number; unchanged: number };

/**
 * Parse -> drafts + rejects -> the lead service -> report. A CSV file is read in batches (in
 * the import worker for big files) that the service merges as they come. Nothing reaches the
 * store when any row is rejected and keepValid is off, or on a file-level error.
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
        rejected: [importReject(1, { code: 'not-text-file' })],
        warnings: [],
      },
    };
  }
  const format = request.format ?? detectFormat(leadingText(request.bytes));
  const onProgress = request.onProgress;
  const options = {
    dryRun: request.dryRun,
    fileName: request.fileName,
    keepValid: request.keepValid,
    ...(onProgress ? { onWriting: () => onProgress({ phase: 'writing' }) } : {}),
  };
  return format === 'adf'
    ? importAdf(request, target, ctx, base, options)
    : importCsv(request, target, ctx, base, options);
}

type Ctx = { region: string; zone: string };
type Base = { file: string; dryRun: boolean } & Counts;
type Options = { dryRun: boolean; fileName: string; keepValid: boolean; onWriting?: () => void };

/** The lead service's reject as a problem; one without a code keeps its words. */
const targetProblem = (r: TargetReject): ImportProblem => r.problem ?? { code: 'other', message: r.reason };

async function importAdf(
  request: ImportRequest,
  target: ImportTarget,
  ctx: Ctx,
  base: Base,
  options: Options,
): Promise<ImportOutcome> {
  const { text } = decodeText(request.bytes);
  let adf: ReturnType<typeof parseAdf>;
  try {
    adf = parseAdf(text, ctx);
  } catch (error) {
    if (!(error instanceof MalformedXml)) throw error;
    return {
      report: {
        ...base,
        format: 'adf',
        refused: true,
        rows: 0,
        rejected: [
          importReject(error.line, {
            code: 'xml-malformed',
            line: error.line,
            column: error.column,
            detail: error.detail,
          }),
        ],
        warnings: [],
      },
    };
  }
  request.onProgress?.({ phase: 'reading', read: 1 });
  const rejects = [...adf.rejects];
  const fileLevel = adf.prospects === 0;
  let counts: Counts = { imported: 0, merged: 0, unchanged: 0 };
  let refused = fileLevel || (rejects.length > 0 && !request.keepValid);
  if (!fileLevel && adf.items.length > 0) {
    const { rejected, ...done } = await target.importBatches([{ items: adf.items, fileRejects: rejects.length }], {
      ...options,
      via: 'import',
    });
    counts = done;
    if (rejected.length > 0) {
      refused ||= !request.keepValid;
      // ADF has no columns: the lead field at fault stands for one.
      for (const r of rejected) rejects.push(importReject(r.line, targetProblem(r), r.field.replaceAll('.', '/')));
      rejects.sort((a, b) => a.line - b.line);
    }
  }
  if (refused) counts = { imported: 0, merged: 0, unchanged: 0 };
  return {
    report: {
      ...base,
      ...counts,
      format: 'adf',
      refused,
      rows: adf.prospects,
      rejected: rejects,
      warnings: adf.warnings,
    },
    ...(rejects.length > 0 ? { rejectsCsv: adfRejectsCsv(rejects, request.locale ?? 'fr') } : {}),
  };
}

async function importCsv(
  request: ImportRequest,
  target: ImportTarget,
  ctx: Ctx,
  base: Base,
  options: Options,
): Promise<ImportOutcome> {
  const steps = csvSteps(request, ctx);
  const first = await steps.next();
  const head = (first.value as { head: CsvHead }).head;
  const warnings: ImportReport['warnings'] = [];
  const detected = {
    encoding: encodingLabel(head.encoding),
    separator: separatorName[head.separator],
    headers: head.headers,
  };
  // Keys in the order the report has always had (the CLI prints it as JSON).
  const report = (r: Pick<ImportReport, 'refused' | 'rows' | 'rejected'> & { counts?: Counts }): ImportReport => ({
    ...base,
    ...r.counts,
    format: 'csv',
    refused: r.refused,
    rows: r.rows,
    rejected: r.rejected,
    warnings,
    detected,
    mapping: head.mapping,
  });
  if (head.problem === 'unknown-fields') {
    await steps.return(undefined);
    const bad = invalidMappingFields(head.mapping);
    throw new AppFailure('invalid-request', `unknown lead field(s) in the mapping: ${bad.join(', ')}`, 'mapping');
  }

  // The service takes the drafts batch by batch; rejects and warnings are kept for the report.
  const rejects: ImportReject[] = [];
  const rejectedRecords: CsvBatch['rejectedRecords'] = [];
  let end: CsvEnd = { rows: 0 };
  async function* batches(): AsyncGenerator<ImportBatch> {
    for await (const step of steps) {
      if ('end' in step) end = step.end;
      if (!('batch' in step)) continue;
      const { items, rejects: batchRejects, rejectedRecords: records, warnings: batchWarnings } = step.batch;
      rejects.push(...batchRejects);
      rejectedRecords.push(...records);
      warnings.push(...batchWarnings);
      request.onProgress?.({ phase: 'reading', read: step.batch.read });
      yield { items, fileRejects: batchRejects.length };
    }
  }

  if (head.problem) {
    for await (const _ of batches()); // counts the rows
    const problem: ImportProblem = { code: head.problem === 'empty' ? 'file-empty' : 'no-column-matched' };
    return { report: report({ refused: true, rows: end.rows, rejected: [importReject(1, problem)] }) };
  }

  const { rejected, ...counts } = await target.importBatches(batches(), { ...options, via: 'import' });
  if (rejected.length > 0) {
    const records = recordsAt(request, new Set(rejected.map((r) => r.line)));
    for (const r of rejected) {
      const record = records.get(r.line);
      const column = record ? columnOfLeadField(r.field, head.headers, head.mapping, record.cells) : undefined;
      const problem = targetProblem(r);
      rejects.push(importReject(r.line, problem, column));
      if (record) rejectedRecords.push({ record, problems: [{ ...(column ? { column } : {}), problem }] });
    }
    rejects.sort((a, b) => a.line - b.line);
    rejectedRecords.sort((a, b) => a.record.line - b.record.line);
  }
  const refused = rejects.length > 0 && !request.keepValid;
  return {
    report: report({ ...(refused ? {} : { counts }), refused, rows: end.rows, rejected: rejects }),
    ...(rejectedRecords.length > 0
      ? { rejectsCsv: rejectsCsv(head.headers, rejectedRecords, head.separator, request.locale ?? 'fr') }
      : {}),
  };
}

/** readCsvFile's steps, from the import worker when it is worth one and there is one. */
async function* csvSteps(request: ImportRequest, ctx: Ctx): ReturnType<typeof readCsvFileInWorker> {
  const options = { ...(request.mapping ? { mapping: request.mapping } : {}), ctx, batch: BATCH };
  if (request.worker ?? request.bytes.length >= WORKER_MIN_BYTES) {
    const inWorker = readCsvFileInWorker(request.bytes, options);
    let first: IteratorResult<Awaited<ReturnType<typeof inWorker.next>>['value']>;
    try {
      first = await inWorker.next();
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
      return yield* readCsvFile(request.bytes, options);
    }
    if (first.done) return;
    yield first.value;
    return yield* inWorker;
  }
  return yield* readCsvFile(request.bytes, options);
}

/**
 * The records of a few lines (rows the lead service rejected), read again: rare, and the reader
 * (maybe in the worker) has let go of its records by then.
 */
function recordsAt(request: ImportRequest, lines: Set<number>): Map<number, CsvRecord> {
  const csv = parseCsv(decodeText(request.bytes).text);
  return new Map(csv.records.filter((r) => lines.has(r.line)).map((r) => [r.line, r]));
}
