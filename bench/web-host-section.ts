// Cold start of the real web host (`relance web`, built) on realistic sample leads plus the bench
// data dir's call journal: spawn to the "Relance ready at" line, to every lead in memory (read
// from the host's main.log), and the process's RSS then; and spawn to the lead list's first page
// answered over the WebSocket, with and without the first-page snapshot. Needs `npm run build`.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { FIRST_PAGE_FILE } from '../src/core/leads/first-page-snapshot';
import { writeSampleLeads } from './fixtures';
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

const LIMIT_MS = 120_000;

/** `leadsLog`: the host's main.log, where core says when every lead is loaded (or why not). */
function startOnce(args: string[], ready: (line: string) => boolean, leadsLog?: string): Promise<Start> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, RELANCE_DATA_DIR: '' } });
    let out = '';
    let err = '';
    let readyMs = NaN;
    let leadsMs = NaN;
    let rss = NaN;
    const fail = (why: string) => {
      clearInterval(poll);
      child.kill('SIGKILL');
      reject(new Error(`${why}\n${err}`));
    };
    const limit = setTimeout(() => fail(`no result in ${LIMIT_MS / 1000} s`), LIMIT_MS);
    const finish = () => {
      if (Number.isNaN(readyMs) || (leadsLog && Number.isNaN(leadsMs))) return;
      clearTimeout(limit);
      clearInterval(poll);
      child.kill('SIGTERM');
      child.once('exit', () => resolve({ readyMs, leadsMs, rssMB: rss }));
    };
    const poll = setInterval(() => {
      if (!leadsLog || !Number.isNaN(leadsMs) || !existsSync(leadsLog)) return;
      const log = readFileSync(leadsLog, 'utf8');
      if (log.includes('"message":"leads could not be loaded"')) fail(`the leads did not load: see ${leadsLog}`);
      else if (log.includes('"message":"leads loaded"')) {
        leadsMs = performance.now() - t0;
        rss = Math.max(rss || 0, rssMB(child.pid!));
        finish();
      }
    }, 10);
    child.stderr.on('data', (c) => (err += c));
    child.stdout.on('data', (c) => {
      out += c;
      if (!ready(out) || !Number.isNaN(readyMs)) return;
      readyMs = performance.now() - t0;
      rss = Math.max(rss || 0, rssMB(child.pid!));
      finish();
    });
    child.once('exit', (code) => {
      clearTimeout(limit);
      clearInterval(poll);
      if (!ready(out)) reject(new Error(`exited ${code} before ready:\n${err}`));
    });
  });
}

const READY_LINE = /^Relance ready at (http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)$/m;

/**
 * Spawn to the answer of the Leads screen's first request (the default list's first 100 rows),
 * asked as soon as the host says ready, as the page does; `rows`: how many came back.
 */
function firstPageOnce(dataDir: string): Promise<{ ms: number; rows: number; total: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, 'web', '--data-dir', dataDir, '--port', '0'], {
      env: { ...process.env, RELANCE_DATA_DIR: '' },
    });
    let out = '';
    let err = '';
    const limit = setTimeout(() => stop(new Error(`no first page in ${LIMIT_MS / 1000} s\n${err}`)), LIMIT_MS);
    const stop = (error?: Error, result?: { ms: number; rows: number; total: number }) => {
      clearTimeout(limit);
      child.kill('SIGTERM');
      child.once('exit', () => (error ? reject(error) : resolve(result!)));
    };
    child.stderr.on('data', (c) => (err += c));
    child.stdout.on('data', (c) => {
      const before = out;
      out += c;
      const ready = READY_LINE.exec(out);
      if (!ready || READY_LINE.test(before)) return;
      const [, origin, token] = ready;
      const ws = new WebSocket(`${origin!.replace('http', 'ws')}/rpc?token=${token}`, { headers: { Origin: origin } });
      ws.on('error', (error) => stop(error));
      ws.on('open', () =>
        ws.send(
          JSON.stringify({
            id: 1,
            method: 'leads.search',
            payload: { text: '', sort: 'name', direction: 'asc', offset: 0, limit: 100 },
          }),
        ),
      );
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as {
          kind: string;
          id: number;
          result: { ok: boolean; value?: { total: number; items: unknown[] } };
        };
        if (message.kind !== 'response' || message.id !== 1) return;
        const ms = performance.now() - t0;
        ws.close();
        const page = message.result.value;
        if (!message.result.ok || !page) stop(new Error(`leads.search failed: ${String(data)}`));
        else stop(undefined, { ms, rows: page.items.length, total: page.total });
      });
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
    const full = path.join(ctx.workDir, 'web-host-data');
    await writeSampleLeads(full, ctx.leads, { seed: 7, at: '2025-06-01T10:00:00.000Z' });
    cpSync(path.join(ctx.dataDir, 'journal'), path.join(full, 'journal'), { recursive: true });
    const emptyRuns: Start[] = [];
    const fullRuns: Start[] = [];
    const isReady = (o: string) => /^Relance ready at /.test(o) && o.includes('\n');
    for (let i = 0; i < 5; i++) {
      emptyRuns.push(await startOnce([bin, 'web', '--data-dir', empty, '--port', '0'], isReady));
      rmSync(path.join(full, 'logs'), { recursive: true, force: true });
      fullRuns.push(
        await startOnce([bin, 'web', '--data-dir', full, '--port', '0'], isReady, path.join(full, 'logs', 'main.log')),
      );
    }
    // The Leads screen's first rows: from the snapshot the previous run left at close, then with
    // it deleted (the host answers once it has loaded and indexed every lead).
    await firstPageOnce(full); // leaves the snapshot: the runs above may have stopped before the index was built
    const withSnapshot: number[] = [];
    const withoutSnapshot: number[] = [];
    for (let i = 0; i < 5; i++) {
      const kept = await firstPageOnce(full);
      rmSync(path.join(full, FIRST_PAGE_FILE), { force: true });
      const loaded = await firstPageOnce(full);
      if (kept.rows !== 100 || loaded.rows !== 100 || kept.total !== loaded.total)
        throw new Error(`first pages differ: ${JSON.stringify({ kept, loaded })}`);
      withSnapshot.push(kept.ms);
      withoutSnapshot.push(loaded.ms);
    }
    const label = `${ctx.leads} sample leads + ${ctx.calls} calls`;
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
      {
        section: 'web host',
        name: `relance web, ${label}: to the lead list's first page, from the snapshot, median of 5`,
        value: median(withSnapshot),
        unit: 'ms',
        baseline: median(withoutSnapshot),
      },
    ];
    return rows;
  },
};
