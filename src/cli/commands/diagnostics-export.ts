import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildDiagnosticsZip } from '../../core/diagnostics/build-zip';
import { readSettingsOffline } from '../../core/diagnostics/offline-settings';
import { resolveDataDir } from '../../core/paths';
import { writeFileDurably } from '../../core/store';
import type { CliIo } from '../run';

export interface DiagnosticsExportArgs {
  file: string;
  dataDir: string | undefined;
  /** Provisioning files to read, lowest precedence first (the app reads its own by itself). */
  provision: string[];
  version: string;
}

/**
 * `relance diagnostics export FILE`: the same zip as Settings > Export diagnostics, built from
 * the data folder without opening the store, so it is safe while Relance runs.
 */
export async function diagnosticsExport(args: DiagnosticsExportArgs, io: CliIo): Promise<number> {
  const fail = (message: string) => (io.err(`relance diagnostics export: ${message}`), 2);
  const dataDir = resolveDataDir(args.dataDir);
  if (!existsSync(dataDir)) return fail(`no data folder at ${dataDir}`);
  const missing = args.provision.find((file) => !existsSync(file));
  if (missing !== undefined) return fail(`provisioning file not found: ${missing}`);

  const { view, notes } = await readSettingsOffline(
    dataDir,
    args.provision.map((file) => path.resolve(file)),
  );
  if (args.provision.length === 0) {
    notes.push('built by the command line without --provision: settings show no machine-wide provisioning');
  }
  const zip = await buildDiagnosticsZip({
    dataDir,
    app: { version: args.version, shell: 'cli' },
    settings: view,
    notes,
  });
  const target = path.resolve(args.file);
  const file = existsSync(target) && statSync(target).isDirectory() ? path.join(target, zip.fileName) : target;
  await writeFileDurably(file, Buffer.from(zip.bytes));
  io.out(`Diagnostics written to ${file} (${Math.ceil(zip.bytes.length / 1024)} KB): ${zip.entries.join(', ')}`);
  return 0;
}
