import { z } from 'zod';
import { ImportNoticeSchema, importNoticeText } from './import-notices';
import { ImportProblemSchema, importProblemText } from './import-problems';

export const importFormats = ['csv', 'adf'] as const;

/**
 * Why `leads.inspectImport` refuses a file at once (AppFailure 'invalid-request', field
 * `contentBase64`): it holds NUL bytes, so it is a workbook, an image or a damaged file, not a
 * text export. The UI recognises the refusal by this message and says it in its own language.
 */
export { notTextFileMessage } from './import-problems';

/** Maps file columns to lead fields; saved as presets ("Export DMS Renault"). */
export const ColumnMappingSchema = z.record(z.string().max(200), z.string().max(64));
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

export const ImportRejectSchema = z.object({
  /** 1-based line in the file (CSV: the header is line 1; ADF: the prospect's line). */
  line: z.number().int().positive(),
  /** The column header (CSV) or element path (ADF) at fault, when one is. */
  column: z.string().optional(),
  /** In English (the CLI prints it); `problem` says it in any language. */
  reason: z.string(),
  /** Optional: reports written before problems had codes carry only `reason`. */
  problem: ImportProblemSchema.optional(),
});
export type ImportReject = z.infer<typeof ImportRejectSchema>;

/** A reject's reason in `locale`; a report from before problems had codes has only its English reason. */
export function rejectReasonText(reject: Pick<ImportReject, 'reason' | 'problem'>, locale: 'fr' | 'en'): string {
  return reject.problem ? importProblemText(reject.problem, locale) : reject.reason;
}

export const ImportWarningSchema = z.object({
  /** 1-based line in the file (the prospect's line); 0 when it is not known. */
  line: z.number().int().nonnegative(),
  /** In English (the CLI prints it); `notice` says it in any language. */
  message: z.string(),
  /** Optional: reports written before warnings had codes carry only `message`. */
  notice: ImportNoticeSchema.optional(),
});
export type ImportWarning = z.infer<typeof ImportWarningSchema>;

/** A warning in `locale`; a report from before warnings had codes has only its English message. */
export function warningText(warning: Pick<ImportWarning, 'message' | 'notice'>, locale: 'fr' | 'en'): string {
  return warning.notice ? importNoticeText(warning.notice, locale) : warning.message;
}

/** What an import did, or would do with dryRun: the same report either way. */
export const ImportReportSchema = z.object({
  file: z.string(),
  format: z.enum(importFormats),
  dryRun: z.boolean(),
  /** Nothing was written because some rows were invalid and keepValid was not asked. */
  refused: z.boolean(),
  rows: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  rejected: z.array(ImportRejectSchema),
  /** Lenient ADF parsing: what was dropped or reinterpreted, e.g. "vehicle[1]/year: '2O23' is not a year, dropped". */
  warnings: z.array(ImportWarningSchema),
  /** Detected for CSV: encoding, separator, header row. */
  detected: z.object({ encoding: z.string(), separator: z.string(), headers: z.array(z.string()) }).optional(),
  mapping: ColumnMappingSchema.optional(),
  /** Path of the rejected rows written as CSV beside the report (CLI, keepValid). */
  rejectsFile: z.string().optional(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/**
 * Where a running import stands, for a screen that waits on a big file: `reading` the rows
 * (`read`: the share of the file read, 0 to 1), then `writing` the leads to disk. A dry run
 * or a refused import never writes.
 */
export const ImportProgressSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('reading'), read: z.number().min(0).max(1) }),
  z.object({ phase: z.literal('writing') }),
]);
export type ImportProgress = z.infer<typeof ImportProgressSchema>;
