import { parseArgs } from 'node:util';
import { dbCheck } from './commands/db-check';
import { web } from './commands/web';

declare const __RELANCE_VERSION__: string;
export const version = typeof __RELANCE_VERSION__ === 'string' ? __RELANCE_VERSION__ : '0.0.0-dev';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const usage = `Usage: relance <command> [options]

Commands:
  web [--data-dir DIR] [--port N] [--provision FILE]
                     Serve Relance on http://127.0.0.1 (loopback only) and print its URL.
  db check [--data-dir DIR] [--json]
                     Verify every data file and the call journal; exit 1 on damage. Changes nothing.

Options:
  --version          Print the version.
  --help             Print this help.

The data folder is RELANCE_DATA_DIR if set, else --data-dir, else the OS user-data folder.`;

/** Runs one CLI invocation; returns the exit status (the web host resolves only when stopped). */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(usage);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(version);
    return 0;
  }
  try {
    if (command === 'web') {
      const { values } = parseArgs({
        args: rest,
        options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, provision: { type: 'string' } },
        strict: true,
      });
      return await web({ dataDir: values['data-dir'], port: values.port, provision: values.provision, version }, io);
    }
    if (command === 'db' && rest[0] === 'check') {
      const { values } = parseArgs({
        args: rest.slice(1),
        options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
        strict: true,
      });
      return await dbCheck({ dataDir: values['data-dir'], json: values.json ?? false }, io);
    }
  } catch (error) {
    // parseArgs names the bad option; that is the whole message a user needs.
    io.err(`relance: ${(error as Error).message}`);
    return 2;
  }
  io.err(`relance: unknown command "${argv.join(' ')}"\n\n${usage}`);
  return 2;
}
