import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../core/app-core';
import { seedDemoData } from '../../core/demo-data';
import { consoleLogger, teeLogger } from '../../core/log';
import { openFileLogs } from '../../core/log-files/file-logs';
import { resolveDataDir } from '../../core/paths';
import { SessionSecretStore } from '../../core/secrets/secret-store';
import { startWebHost } from '../../web/server';
import type { CliIo } from '../run';

export interface WebArgs {
  dataDir: string | undefined;
  port: string | undefined;
  provision: string | undefined;
  /** Sample leads on a fresh folder with no SIP account (see seedDemoData). */
  demo?: boolean;
  version: string;
}

/** `relance web`: the loopback web host. Prints exactly one line on stdout: where it is ready. */
export async function web(args: WebArgs, io: CliIo): Promise<number> {
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`relance web: --port must be a whole number from 0 to 65535, got "${args.port}"`);
    return 2;
  }
  if (args.provision !== undefined && !existsSync(args.provision)) {
    io.err(`relance web: provisioning file not found: ${args.provision}`);
    return 2;
  }
  const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  if (!existsSync(resolve(staticDir, 'index.html'))) {
    io.err(`relance web: the renderer is not built (${staticDir}); run "npm run build" first`);
    return 2;
  }

  const dataDir = resolveDataDir(args.dataDir);
  // Same rotating, redacted logs as the desktop app, in <data>/logs.
  const fileLogs = openFileLogs({
    dataDir,
    onError: (stream, error) => io.err(`relance web: cannot write ${stream}.log: ${String(error)}`),
  });
  const log = teeLogger(
    consoleLogger((line) => io.err(line)),
    fileLogs.main,
  );
  const core = await createCore({
    dataDir,
    shell: 'web',
    warmSearch: true,
    version: args.version,
    provisioningFiles: args.provision ? [resolve(args.provision)] : [],
    // A plain Node process has no OS keychain: the password lives for this run only, and the UI says so.
    secrets: new SessionSecretStore(),
    log,
    fileLogs,
  });
  fileLogs.setLevel(core.settings.current().logLevel);
  core.settings.onChange((view) => fileLogs.setLevel(view.values.logLevel));
  if (args.demo) {
    const { created } = await seedDemoData(core);
    if (created > 0) log.info('demo data loaded', { leads: created });
  }
  const host = await startWebHost({ core, staticDir, port, log });
  io.out(`Relance ready at ${host.url}`);

  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await core.close();
  await fileLogs.close();
  return 0;
}
