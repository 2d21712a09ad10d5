import { DateTime } from 'luxon';
import { createCore } from '../../core/app-core';
import { DEFAULT_ZONE } from '../../core/leads/callback-due';
import { resolveDataDir } from '../../core/paths';
import { SessionSecretStore } from '../../core/secrets/secret-store';
import { LeadQuerySchema, type LeadSummary } from '../../shared/domain/lead-query';
import { parsePhone } from '../../shared/phone';
import type { CliIo } from '../run';

export interface LeadsSearchArgs {
  dataDir: string | undefined;
  query: string;
  json: boolean;
  limit: string | undefined;
  version: string;
}

/** `relance leads search QUERY`: the list's search box from a terminal; a table, or JSON with --json. */
export async function leadsSearch(args: LeadsSearchArgs, io: CliIo): Promise<number> {
  const limit = args.limit === undefined ? 20 : Number(args.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    io.err(`relance leads search: --limit must be a whole number from 1 to 500, got "${args.limit}"`);
    return 2;
  }
  const core = await createCore({
    dataDir: resolveDataDir(args.dataDir),
    shell: 'web',
    version: args.version,
    provisioningFiles: [],
    secrets: new SessionSecretStore(),
  });
  try {
    const page = await core.leadService.search({ ...LeadQuerySchema.parse({ text: args.query }), offset: 0, limit });
    const region = core.settings.current().defaultRegion;
    if (args.json) io.out(JSON.stringify({ total: page.total, items: page.items }, null, 2));
    else io.out(formatTable(page.items, page.total, region));
    return 0;
  } finally {
    await core.close();
  }
}

function formatTable(items: LeadSummary[], total: number, region: string): string {
  if (items.length === 0) return 'No lead matches.';
  const rows = items.map((l) => {
    const phone = l.phone ? parsePhone(l.phone, region) : undefined;
    return [
      l.name,
      phone?.ok ? (phone.country === region ? phone.national : phone.international) : (l.phone ?? ''),
      l.city ?? '',
      l.stage,
      l.nextCallbackAt ? DateTime.fromISO(l.nextCallbackAt, { zone: DEFAULT_ZONE }).toFormat('dd/MM/yyyy HH:mm') : '',
    ];
  });
  const header = ['Name', 'Phone', 'City', 'Stage', 'Next callback'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const shown = items.length < total ? `${items.length} of ${total} leads` : `${total} lead${total > 1 ? 's' : ''}`;
  return [line(header), ...rows.map(line), '', shown].join('\n');
}
