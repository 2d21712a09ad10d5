// Starts the built `relance web` as a real child process, as a user or IT would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WebHostProcess {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  stdoutLines: () => string[];
  stderr: () => string;
  stop(): Promise<number | null>;
  /** Sends `signal` (e.g. SIGKILL: a crash or power cut) and resolves once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const READY = /^Relance ready at (http:\/\/127\.0\.0\.1:(\d+)\/)#token=([A-Za-z0-9_-]+)$/;

export async function startWebHostProcess(
  opts: { dataDir?: string; provision?: string; env?: NodeJS.ProcessEnv; args?: string[] } = {},
): Promise<WebHostProcess> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'relance-e2e-data-')));
  const args = ['bin/relance.mjs', 'web', '--data-dir', dataDir, '--port', '0'];
  if (opts.provision) args.push('--provision', opts.provision);
  if (opts.args) args.push(...opts.args);
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, args, {
    env: { ...process.env, RELANCE_DATA_DIR: '', ...opts.env },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const ready = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host not ready in 20 s:\n${stderr}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = stdout.split('\n')[0]?.match(READY);
      if (match && stdout.includes('\n')) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${stderr}`));
    });
  });
  const origin = ready[1]!.replace(/\/$/, '');
  return {
    url: `${ready[1]}#token=${ready[3]}`,
    origin,
    token: ready[3]!,
    dataDir,
    stdoutLines: () => stdout.split('\n').filter((line) => line !== ''),
    stderr: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
    kill: (signal) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
