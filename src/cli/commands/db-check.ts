import { resolveDataDir } from '../../core/paths';
import { checkStore } from '../../core/store';
import type { CliIo } from '../run';

/** `relance db check`: reads everything, changes nothing, exits 1 when anything is damaged. */
export async function dbCheck(args: { dataDir: string | undefined; json: boolean }, io: CliIo): Promise<number> {
  const dataDir = resolveDataDir(args.dataDir);
  const report = await checkStore(dataDir);
  if (args.json) io.out(JSON.stringify(report, null, 2));
  else io.out(formatReport(dataDir, report));
  return report.ok ? 0 : 1;
}

type Report = Awaited<ReturnType<typeof checkStore>>;

function formatReport(dataDir: string, report: Report): string {
  const lines = [`Data folder: ${dataDir}`];
  for (const file of report.files)
    lines.push(
      `  ${file.status === 'ok' ? 'ok     ' : 'DAMAGED'}  ${file.file}${file.detail ? `  (${file.detail})` : ''}`,
    );
  lines.push(
    report.ok
      ? 'All files are sound.'
      : 'Damage found: the app will move damaged files aside and restore the last good backup at next start.',
  );
  return lines.join('\n');
}
