import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createCore, type Core } from '../../core/app-core';
import { resolveDataDir } from '../../core/paths';
import { dispatch } from '../../core/rpc/dispatch';
import { SessionSecretStore } from '../../core/secrets/secret-store';
import { writeFileDurably } from '../../core/store';
import type { EventPayload, RequestOutput } from '../../shared/contract';
import type { CliIo } from '../run';

export interface LeadsImportArgs {
  file: string;
  format: string | undefined;
  mapping: string | undefined;
  keepValid: boolean;
  dryRun: boolean;
  json: boolean;
  dataDir: string | undefined;
  version: string;
}

/** Opens the same core the app runs (store, settings, lead service) for one CLI command. */
export async function withCore<T>(
  dataDir: string | undefined,
  version: string,
  fn: (core: Core) => Promise<T>,
): Promise<T> {
  const core = await createCore({
    dataDir: resolveDataDir(dataDir),
    shell: 'web',
    version,
    provisioningFiles: [],
    secrets: new SessionSecretStore(),
  });
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

/**
 * `relance leads import FILE`: the same path as the UI's import (the `leads.import` request).
 * Exit 0 when it ran (even with --keep-valid rejects), 1 when it wrote nothing because of errors,
 * 2 for bad arguments.
 */
export async function leadsImport(args: LeadsImportArgs, io: CliIo): Promise<number> {
  const fail = (message: string) => (io.err(`relance leads import: ${message}`), 2);
  if (args.format !== undefined && args.format !== 'csv' && args.format !== 'adf')
    return fail(`--format must be csv or adf, got "${args.format}"`);
  let bytes: Buffer;
  try {
    bytes = await readFile(args.file);
  } catch (error) {
    return fail(`cannot read ${args.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let mapping: Record<string, string> | undefined;
  if (args.mapping !== undefined) {
    try {
      const parsed: unknown = JSON.parse(await readFile(args.mapping, 'utf8'));
      if (
        typeof parsed !== 'object' ||
        parsed === null ||
        Array.isArray(parsed) ||
        Object.values(parsed).some((v) => typeof v !== 'string')
      )
        return fail(`--mapping ${args.mapping} must be a JSON object of "column header": "field"`);
      mapping = parsed as Record<string, string>;
    } catch (error) {
      return fail(`cannot read --mapping ${args.mapping}: ${(error as Error).message}`);
    }
  }

  const status = io.status?.bind(io);
  const result = await withCore(args.dataDir, args.version, async (core) => {
    const off = status
      ? core.subscribe((event, payload) => {
          if (event === 'leads.importProgress') status(progressText(payload as EventPayload<'leads.importProgress'>));
        })
      : undefined;
    try {
      return await dispatch(core.handlers, 'leads.import', {
        fileName: path.basename(args.file),
        contentBase64: bytes.toString('base64'),
        keepValid: args.keepValid,
        dryRun: args.dryRun,
        ...(args.format ? { format: args.format } : {}),
        ...(mapping ? { mapping } : {}),
        ...(status ? { progressId: 'cli' } : {}),
      });
    } finally {
      off?.();
      status?.('');
    }
  });
  if (!result.ok) return fail(result.error.message);
  const { rejectsCsvBase64, ...report } = result.value as RequestOutput<'leads.import'>;
  // The rejects file goes beside the imported file, when something was imported without them.
  if (rejectsCsvBase64 && args.keepValid && !args.dryRun && !report.refused) {
    const file = rejectsPath(args.file);
    await writeFileDurably(file, Buffer.from(rejectsCsvBase64, 'base64'));
    report.rejectsFile = file;
  }
  io.out(args.json ? JSON.stringify(report, null, 2) : summary(report));
  return report.refused ? 1 : 0;
}

function progressText({ progress }: EventPayload<'leads.importProgress'>): string {
  return progress.phase === 'reading' ? `reading rows: ${Math.floor(progress.read * 100)}%` : 'writing leads…';
}

/** `leads.csv` -> `leads.rejets.csv`, in the same folder. */
export function rejectsPath(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.rejets.csv`);
}

type Report = Omit<RequestOutput<'leads.import'>, 'rejectsCsvBase64'>;

function summary(r: Report): string {
  const d = r.detected;
  const lines = [
    `${r.file}: ${r.rows} ${r.format === 'adf' ? 'prospects' : 'rows'} (${r.format.toUpperCase()}${d ? `, ${d.encoding}, separator ${d.separator}` : ''})${r.dryRun ? ' — dry run' : ''}`,
    `  imported   ${r.imported}`,
    `  merged     ${r.merged}`,
    `  unchanged  ${r.unchanged}`,
    `  rejected   ${new Set(r.rejected.map((x) => x.line)).size}`,
  ];
  for (const x of r.rejected) lines.push(`  line ${x.line}${x.column ? `, column ${x.column}` : ''}: ${x.reason}`);
  for (const w of r.warnings) lines.push(`  warning, line ${w.line}: ${w.message}`);
  if (r.refused)
    lines.push(
      r.rows > 0 && r.rejected.every((x) => x.line > 1)
        ? 'Nothing was written: fix the rows above, or run again with --keep-valid to import the valid rows.'
        : 'Nothing was written: the file cannot be imported.',
    );
  else if (r.dryRun) lines.push('Dry run: nothing was written.');
  if (r.rejectsFile) lines.push(`Rejected rows written to ${r.rejectsFile}`);
  return lines.join('\n');
}
