import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a child script once: `node bundle.mjs` starts in ~50 ms where `node --import tsx`
 * takes ~400 ms, which is what lets 100+ kills fit in the time budget.
 */
export async function bundleChild(entry: string): Promise<string> {
  const outfile = path.join(
    mkdtempSync(path.join(tmpdir(), 'relance-crash-bundle-')),
    `${path.basename(entry, '.ts')}.mjs`,
  );
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

export interface KillRun {
  /** Complete stdout lines printed before the kill. */
  lines: string[];
  /** Whether the kill happened after the child said it was ready. */
  afterReady: boolean;
}

/** Starts the child, SIGKILLs it `delayMs` after it is ready (or during startup when `duringStartup`). */
export function runAndKill(script: string, args: string[], delayMs: number, duringStartup = false): Promise<KillRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready = false;
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    if (duringStartup) timer = setTimeout(kill, delayMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!ready && out.includes('ready')) {
        ready = true;
        if (!duringStartup) timer = setTimeout(kill, delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child exited by itself (${code}): ${err}`));
      const complete = out.slice(0, out.lastIndexOf('\n') + 1);
      resolve({ lines: complete.split('\n').filter(Boolean), afterReady: ready });
    });
  });
}
