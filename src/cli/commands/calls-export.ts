import { existsSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { createCallLog } from '../../core/calls/call-log';
import { openMergedLeads } from '../../core/leads/merged-leads';
import { callsToCsv, callsToJson } from '../../core/calls/calls-export';
import { DEFAULT_ZONE } from '../../core/leads/callback-due';
import { openDispositionBook } from '../../core/outcomes/disposition-book';
import { openOutcomeLog } from '../../core/outcomes/outcome-log';
import { resolveDataDir } from '../../core/paths';
import { openStore, writeFileDurably } from '../../core/store';
import type { CallRow } from '../../shared/domain/dialer';
import { leadDisplayName, type Lead } from '../../shared/domain/lead';
import type { CliIo } from '../run';

export interface CallsExportArgs {
  file: string;
  from: string | undefined;
  to: string | undefined;
  format: string | undefined;
  dataDir: string | undefined;
}

/**
 * A `--from`/`--to` value as a time: a day (2026-05-31) is read in the dealership's zone and
 * `--to` includes it; a time without offset is local too; with an offset it is taken as given.
 */
export function readBound(value: string, bound: 'from' | 'to', zone = DEFAULT_ZONE): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = DateTime.fromISO(value, { zone });
    if (!day.isValid) return undefined;
    return (bound === 'to' ? day.plus({ days: 1 }) : day).toUTC().toISO()!;
  }
  const t = DateTime.fromISO(value, { zone, setZone: false });
  return t.isValid && /T\d{2}:\d{2}/.test(value) ? t.toUTC().toISO()! : undefined;
}

/** `relance calls export FILE`: the call log (outcomes applied) as CSV for Excel or JSON. */
export async function callsExport(args: CallsExportArgs, io: CliIo): Promise<number> {
  const fail = (message: string) => (io.err(`relance calls export: ${message}`), 2);
  const format = args.format ?? (/\.json$/i.test(args.file) ? 'json' : 'csv');
  if (format !== 'csv' && format !== 'json') return fail(`--format must be csv or json, got "${format}"`);
  const bounds: { from?: string; to?: string } = {};
  for (const bound of ['from', 'to'] as const) {
    const raw = args[bound];
    if (raw === undefined) continue;
    const at = readBound(raw, bound);
    if (!at) return fail(`--${bound} must be a day (2026-05-31) or an ISO-8601 time, got "${raw}"`);
    bounds[bound] = at;
  }
  if (bounds.from && bounds.to && bounds.from >= bounds.to) return fail('--from must be before --to');
  const dataDir = resolveDataDir(args.dataDir);
  if (!existsSync(dataDir)) return fail(`no data folder at ${dataDir}`);

  const store = await openStore({ dataDir });
  let rows: CallRow[];
  let label: (id: string) => string | undefined;
  try {
    const book = await openDispositionBook(store);
    label = (id) => book.get(id)?.labels.fr;
    // Lead names when there are leads; an export never creates the lead store.
    const leads = existsSync(path.join(dataDir, 'leads', '_manifest.json'))
      ? await store.collection<Lead>('leads')
      : undefined;
    const log = createCallLog({
      journal: store.journal,
      outcomes: openOutcomeLog(store),
      merges: await openMergedLeads(store),
      leadName: (id) => {
        const lead = leads?.get(id);
        return lead ? leadDisplayName(lead.contact) : undefined;
      },
    });
    rows = [];
    for await (const row of log.rows(bounds)) rows.push(row);
  } finally {
    await store.close();
  }
  rows.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || (a.id < b.id ? -1 : 1));
  const content =
    format === 'json' ? callsToJson(rows) : callsToCsv(rows, { dispositionLabel: label, zone: DEFAULT_ZONE });
  await writeFileDurably(path.resolve(args.file), content);
  io.out(
    `${rows.length} call${rows.length === 1 ? '' : 's'} written to ${args.file} (${format === 'json' ? 'JSON' : 'CSV'})`,
  );
  return 0;
}
