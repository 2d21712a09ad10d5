// The web host for the `dialer wire` bench: what `relance web` runs (createCore + startWebHost on the
// built renderer), started from code so the baseline can turn the dialer's look-ahead off
// (`--no-prepare`), with the call journal's append latency noted (append() called to resolved:
// queue, write and fdatasync). On SIGTERM it closes and prints `JOURNAL_APPEND_MS [...]`.
// Usage: tsx bench/dialer-wire-host.ts --data-dir DIR --provision FILE [--no-prepare]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createCore } from '../src/core/app-core';
import { consoleLogger, teeLogger } from '../src/core/log';
import { openFileLogs } from '../src/core/log-files/file-logs';
import { SessionSecretStore } from '../src/core/secrets/secret-store';
import { startWebHost } from '../src/web/server';

/** Read by bench/dialer-wire.ts. */
const APPEND_MARK = 'JOURNAL_APPEND_MS ';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    provision: { type: 'string' },
    'no-prepare': { type: 'boolean', default: false },
  },
});
const dataDir = values['data-dir'];
const provision = values.provision;
if (!dataDir || !provision) throw new Error('dialer-wire-host: --data-dir and --provision are required');
const staticDir = path.resolve(import.meta.dirname, '..', 'out', 'renderer');
if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('run "npm run build" before the bench');

// As `relance web`: rotating log files in <data>/logs; on the console, warnings and errors only.
const fileLogs = openFileLogs({
  dataDir,
  onError: (stream, error) => console.error(`${stream}.log: ${String(error)}`),
});
const console_ = consoleLogger();
const log = teeLogger({ info: () => undefined, warn: console_.warn, error: console_.error }, fileLogs.main);
const core = await createCore({
  dataDir,
  shell: 'web',
  version: 'bench',
  provisioningFiles: [provision],
  secrets: new SessionSecretStore(),
  log,
  fileLogs,
  ...(values['no-prepare'] ? { prepareNextCall: false } : {}),
});

fileLogs.setLevel(core.settings.current().logLevel);

// The call recorder holds this journal object and calls `append` on it at each call's end.
const appendMs: number[] = [];
const journal = core.store.journal;
const append = journal.append.bind(journal);
journal.append = (record) => {
  const t = performance.now();
  return append(record).finally(() => appendMs.push(performance.now() - t));
};

const host = await startWebHost({ core, staticDir, port: 0, log });
process.stdout.write(`Relance ready at ${host.url}\n`);

process.once('SIGTERM', () => {
  void (async () => {
    await host.close();
    await core.close();
    await fileLogs.close();
    process.stdout.write(`${APPEND_MARK}${JSON.stringify(appendMs)}\n`, () => process.exit(0));
  })();
});
