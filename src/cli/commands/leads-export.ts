import path from 'node:path';
import { dispatch } from '../../core/rpc/dispatch';
import { writeFileDurably } from '../../core/store';
import type { RequestOutput } from '../../shared/contract';
import type { CliIo } from '../run';
import { withCore } from './leads-import';

export interface LeadsExportArgs {
  file: string;
  format: string | undefined;
  separator: string | undefined;
  stage: string[];
  owner: string[];
  source: string[];
  tag: string[];
  query: string | undefined;
  dataDir: string | undefined;
  version: string;
}

/** `relance leads export FILE`: all leads, or those matching the filters, as CSV or ADF. */
export async function leadsExport(args: LeadsExportArgs, io: CliIo): Promise<number> {
  const fail = (message: string) => (io.err(`relance leads export: ${message}`), 2);
  const format = args.format ?? (/\.(xml|adf)$/i.test(args.file) ? 'adf' : 'csv');
  if (format !== 'csv' && format !== 'adf') return fail(`--format must be csv or adf, got "${format}"`);
  const separator = args.separator === 'comma' ? ',' : args.separator === 'semicolon' ? ';' : args.separator;
  if (separator !== undefined && separator !== ';' && separator !== ',')
    return fail(`--separator must be ";" or ",", got "${args.separator}"`);
  const query = {
    ...(args.query ? { text: args.query } : {}),
    ...(args.stage.length ? { stages: args.stage } : {}),
    ...(args.owner.length ? { owners: args.owner } : {}),
    ...(args.source.length ? { sources: args.source } : {}),
    ...(args.tag.length ? { tags: args.tag } : {}),
  };
  const result = await withCore(args.dataDir, args.version, (core) =>
    dispatch(core.handlers, 'leads.export', { format, query, ...(separator ? { separator } : {}) }),
  );
  if (!result.ok) return fail(result.error.message);
  const out = result.value as RequestOutput<'leads.export'>;
  await writeFileDurably(path.resolve(args.file), Buffer.from(out.contentBase64, 'base64'));
  io.out(
    `${out.count} leads written to ${args.file} (${format === 'adf' ? 'ADF/XML' : `CSV, separator ${separator ?? ';'}`})`,
  );
  return 0;
}
