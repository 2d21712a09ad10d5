// Memory of the real web host (`relance web`, built) holding 100k realistic sample leads (the
// sample generator's, ~1.1 KB of JSON each: the bench data dir's synthetic leads are smaller):
// VmRSS when every lead is in memory, when the search index is built, the peak, and 3 s later.
// Baseline in the same run: the same leads as one naive lowdb file, parsed by a plain Node process.
// Needs `npm run build`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeSampleLeads } from './fixtures';
import { median, type BenchRow, type BenchSection } from './harness';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'relance.mjs');
const RUNS = 3;

/** Resident set of a live process, from /proc (Linux). */
function rssMB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

interface HostMemory {
  loadedMB: number;
  indexedMB: number;
  settledMB: number;
  peakMB: number;
  indexedMs: number;
}

/** One start of the web host: RSS sampled every 20 ms until 3 s after the index is built. */
function measureHost(dataDir: string): Promise<HostMemory> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, 'web', '--data-dir', dataDir, '--port', '0'], {
      env: { ...process.env, RELANCE_DATA_DIR: '' },
    });
    let err = '';
    const m: HostMemory = { loadedMB: NaN, indexedMB: NaN, settledMB: NaN, peakMB: 0, indexedMs: NaN };
    const sample = () => {
      const rss = rssMB(child.pid!);
      m.peakMB = Math.max(m.peakMB, rss);
      return rss;
    };
    child.stderr.on('data', (c) => {
      err += c;
      if (Number.isNaN(m.loadedMB) && err.includes('"message":"leads loaded"')) m.loadedMB = sample();
      if (Number.isNaN(m.indexedMB) && err.includes('"message":"lead index built"')) {
        m.indexedMB = sample();
        m.indexedMs = performance.now() - t0;
      }
    });
    const timer = setInterval(() => {
      if (child.exitCode !== null) return;
      sample();
      if (!Number.isNaN(m.indexedMs) && performance.now() - t0 > m.indexedMs + 3000) {
        m.settledMB = sample();
        clearInterval(timer);
        child.kill('SIGTERM');
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      if (Number.isNaN(m.settledMB))
        reject(new Error(`relance web exited (${code}) before its index was built:\n${err}`));
      else resolve(m);
    });
  });
}

export const leadsMemorySection: BenchSection = {
  name: 'leads memory',
  async run(ctx) {
    if (!existsSync(path.join(root, 'out', 'cli', 'index.js'))) throw new Error('run "npm run build" before the bench');
    const dataDir = path.join(ctx.workDir, 'leads-memory');
    const naiveFile = path.join(ctx.workDir, 'leads-memory-naive.json');
    mkdirSync(dataDir, { recursive: true });
    const leads = await writeSampleLeads(dataDir, ctx.leads, { seed: 7, at: '2025-06-01T10:00:00.000Z' });
    writeFileSync(naiveFile, JSON.stringify({ leads }));
    const naiveMB = await naiveRss(naiveFile);
    const runs: HostMemory[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measureHost(dataDir));
    const s = 'leads memory';
    const label = `relance web, ${leads.length} sample leads`;
    const med = (pick: (m: HostMemory) => number) => median(runs.map(pick));
    return [
      {
        section: s,
        name: `${label}: RSS once every lead is loaded, median of ${RUNS}`,
        value: med((m) => m.loadedMB),
        unit: 'MB',
      },
      {
        section: s,
        name: `${label}: RSS once the search index is built`,
        value: med((m) => m.indexedMB),
        unit: 'MB',
        target: '< 400 MB',
        baseline: naiveMB,
      },
      { section: s, name: `${label}: RSS 3 s later`, value: med((m) => m.settledMB), unit: 'MB', target: '< 400 MB' },
      { section: s, name: `${label}: peak RSS from start`, value: med((m) => m.peakMB), unit: 'MB' },
      { section: s, name: `${label}: start to index built`, value: med((m) => m.indexedMs), unit: 'ms' },
    ] satisfies BenchRow[];
  },
};

/** Naive baseline: a plain Node process that parses the one naive file whole, RSS after a full GC. */
function naiveRss(file: string): Promise<number> {
  const code = `const d = JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8')); gc(); gc();
    console.log(d.leads.length > 0 ? process.memoryUsage().rss / 1e6 : NaN);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '-e', code]);
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.once('exit', (status) =>
      status === 0 ? resolve(Number(out.trim())) : reject(new Error(`naive child: ${status}`)),
    );
  });
}
