import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { resolveDataDir } from '../../core/paths';
import { checkStore } from '../../core/store';
import type { CliIo } from '../run';

/** `relance db check`: reads everything, changes nothing, exits 1 when anything is damaged. */
export async function dbCheck(args: { dataDir: string | undefined; json: boolean }, io: CliIo): Promise<number> {
  const dataDir = resolveDataDir(args.dataDir);
  if (!existsSync(dataDir)) {
    // A mistyped path must not be reported as sound.
    io.err(`relance db check: no data folder at ${dataDir}`);
    return 2;
  }
  const report = await checkStore(dataDir);
  if (args.json) io.out(JSON.stringify(report, null, 2));
  else io.out(formatReport(dataDir, report));
  return report.ok ? 0 : 1;
}

type Report = Awaited<ReturnType<typeof checkStore>>;

/** Damaged files by name (relative to the data folder), sound ones as a count: a report an IT admin can read. */
function formatReport(dataDir: string, report: Report): string {
  const damaged = report.files.filter((file) => file.status !== 'ok');
  const lines = [`Data folder: ${dataDir}`, `  ${report.files.length - damaged.length} files sound`];
  for (const file of damaged)
    lines.push(`  DAMAGED  ${relative(dataDir, file.file)}${file.detail ? `: ${file.detail}` : ''}`);
  lines.push(
    report.ok
      ? 'All files are sound.'
      : 'Damage found: at next start Relance moves damaged files to quarantine/ and restores the last good backup.',
  );
  return lines.join('\n');
}
