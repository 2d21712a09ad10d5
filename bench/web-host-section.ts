// Cold start of the real web host (`relance web`, built) on the bench data dir: spawn to the
// "Relance ready at" line, and the process's RSS at that moment. Needs `npm run build`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, type BenchRow, type BenchSection } from './harness';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'relance.mjs');

interface Start {
  readyMs: number;
  /** When core logged that every lead is in memory (web host only). */
  leadsMs: number;
  rssMB: number;
}

/** Resident set of a live process, from /proc (Linux). */
function rssMB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

function startOnce(args: string[], ready: (line: string) => boolean, waitForLeads = false): Promise<Start> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, RELANCE_DATA_DIR: '' } });
    let out = '';
    let err = '';
    let readyMs = NaN;
    let leadsMs = NaN;
    let rss = NaN;
    const finish = () => {
      if (Number.isNaN(readyMs) || (waitForLeads && Number.isNaN(leadsMs))) return;
      child.kill('SIGTERM');
      child.once('exit', () => resolve({ readyMs, leadsMs, rssMB: rss }));
    };
    child.stderr.on('data', (c) => {
      err += c;
      if (Number.isNaN(leadsMs) && err.includes('"message":"leads loaded"')) {
        leadsMs = performance.now() - t0;
        rss = Math.max(rss || 0, rssMB(child.pid!));
        finish();
      }
    });
    child.stdout.on('data', (c) => {
      out += c;
      if (!ready(out) || !Number.isNaN(readyMs)) return;
      readyMs = performance.now() - t0;
      rss = Math.max(rss || 0, rssMB(child.pid!));
      finish();
    });
    child.once('exit', (code) => {
      if (!ready(out)) reject(new Error(`exited ${code} before ready:\n${err}`));
    });
  });
}

export const webHostSection: BenchSection = {
  name: 'web host',
  async run(ctx) {
    if (!existsSync(path.join(root, 'out', 'cli', 'index.js'))) throw new Error('run "npm run build" before the bench');
    // Baseline in the same run: what Node alone costs to start and print a line.
    const node: Start[] = [];
    for (let i = 0; i < 5; i++) node.push(await startOnce(['-e', 'console.log("up")'], (o) => o.includes('\n')));
    const empty = path.join(ctx.workDir, 'empty-data');
    const emptyRuns: Start[] = [];
    const fullRuns: Start[] = [];
    const isReady = (o: string) => /^Relance ready at /.test(o) && o.includes('\n');
    for (let i = 0; i < 5; i++) {
      emptyRuns.push(await startOnce([bin, 'web', '--data-dir', empty, '--port', '0'], isReady));
      fullRuns.push(await startOnce([bin, 'web', '--data-dir', ctx.dataDir, '--port', '0'], isReady, true));
    }
    const label = `${ctx.leads} leads + ${ctx.calls} calls`;
    const rows: BenchRow[] = [
      {
        section: 'web host',
        name: 'node -e: spawn to first line (baseline), median of 5',
        value: median(node.map((r) => r.readyMs)),
        unit: 'ms',
      },
      {
        section: 'web host',
        name: 'relance web, empty data dir: to ready, median of 5',
        value: median(emptyRuns.map((r) => r.readyMs)),
        unit: 'ms',
      },
      {
        section: 'web host',
        name: `relance web, ${label}: to ready, median of 5`,
        value: median(fullRuns.map((r) => r.readyMs)),
        unit: 'ms',
        target: '< 1500 ms',
      },
      {
        section: 'web host',
        name: `relance web, ${label}: worst of 5`,
        value: Math.max(...fullRuns.map((r) => r.readyMs)),
        unit: 'ms',
      },
      {
        section: 'web host',
        name: `relance web, ${label}: to every lead in memory, median of 5`,
        value: median(fullRuns.map((r) => r.leadsMs)),
        unit: 'ms',
      },
      {
        section: 'web host',
        name: `relance web, ${label}: peak RSS (ready, leads loaded)`,
        value: median(fullRuns.map((r) => r.rssMB)),
        unit: 'MB',
        target: '< 400 MB',
      },
    ];
    return rows;
  },
};
