import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { openStore } from '../src/core/store';
import { prepareBenchDataDir } from './fixtures';
import { median, percentile, withLoopDelay, type BenchContext, type BenchRow, type BenchSection } from './harness';
import { makeCallRecord, rng, type BenchLead } from './synthetic';

const run = promisify(execFile);
const here = import.meta.dirname;

/** Runs a bench child script with tsx and parses its last stdout line as JSON. */
export async function runChild<T>(script: string, args: string[], nodeArgs: string[] = []): Promise<T> {
  const { stdout } = await run(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(here, script), ...args], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

interface NaiveResult {
  ackP50: number;
  ackP99: number;
  burstMs: number;
  editMs: number;
  editMaxBlockMs: number;
}
let naive: Promise<NaiveResult> | null = null;
/** Naive lowdb figures, computed once (in a child with a big heap) and shared by the sections. */
const naiveResults = (ctx: BenchContext) =>
  (naive ??= runChild<NaiveResult>(
    'naive-child.ts',
    [ctx.naiveFile, String(ctx.leads), String(ctx.calls)],
    ['--max-old-space-size=8192'],
  ));

const nextTick = () => new Promise((r) => setTimeout(r, 10));

export const journalSection: BenchSection = {
  name: 'journal',
  async run(ctx) {
    const store = await openStore({ dataDir: ctx.dataDir });
    const r = rng(5);
    // Warm-up: the first append opens the segment file; steady state is what a seller feels.
    for (let i = 0; i < 20; i++) await store.journal.append(makeCallRecord(Date.now(), 'lead-000010', r));
    const ack: number[] = [];
    for (let i = 0; i < 500; i++) {
      const rec = makeCallRecord(Date.now(), 'lead-000010', r);
      const t = performance.now();
      await store.journal.append(rec);
      ack.push(performance.now() - t);
    }
    const bursts: number[] = [];
    for (let i = 0; i < 20; i++) {
      const recs = Array.from({ length: 50 }, () => makeCallRecord(Date.now(), 'lead-000011', r));
      const t = performance.now();
      await Promise.all(recs.map((rec) => store.journal.append(rec)));
      bursts.push(performance.now() - t);
      await nextTick();
    }
    await store.close();
    const n = await naiveResults(ctx);
    return [
      {
        section: 'journal',
        name: 'outcome acknowledged p50 (append+fdatasync)',
        value: median(ack),
        unit: 'ms',
        baseline: n.ackP50,
      },
      {
        section: 'journal',
        name: 'outcome acknowledged p99',
        value: percentile(ack, 99),
        unit: 'ms',
        target: '< 5 ms',
        baseline: n.ackP99,
      },
      {
        section: 'journal',
        name: 'burst of 50 concurrent appends (median of 20)',
        value: median(bursts),
        unit: 'ms',
        target: '< 20 ms',
        baseline: n.burstMs,
      },
    ];
  },
};

/** Edits leads one at a time with gaps; returns median time-to-persisted and the worst loop block. */
async function editLeads(
  dataDir: string,
  samples: number,
): Promise<{ persistedMs: number; maxPersistedMs: number; maxBlockMs: number }> {
  const store = await openStore({ dataDir });
  const col = await store.collection<BenchLead>('leads');
  const ids = [...col.all()].map((l) => l.id);
  const times: number[] = [];
  const { maxBlockMs } = await withLoopDelay(async () => {
    for (let i = 0; i < samples; i++) {
      const lead = col.get(ids[(i * 7919) % ids.length]!)!;
      const t = performance.now();
      await col.put({ ...(lead as BenchLead), notes: `édité ${i}`, updatedAt: new Date().toISOString() });
      times.push(performance.now() - t);
      await nextTick();
    }
  });
  await store.close();
  return { persistedMs: median(times), maxPersistedMs: Math.max(...times), maxBlockMs };
}

export const leadsSection: BenchSection = {
  name: 'leads',
  async run(ctx) {
    const e = await editLeads(ctx.dataDir, 30);
    const n = await naiveResults(ctx);
    return [
      {
        section: 'leads',
        name: `edit one lead in ${ctx.leads} (median to persisted)`,
        value: e.persistedMs,
        unit: 'ms',
        target: '< 1000 ms',
        baseline: n.editMs,
      },
      {
        section: 'leads',
        name: 'edit one lead: max event-loop block',
        value: e.maxBlockMs,
        unit: 'ms',
        target: '< 50 ms',
        baseline: n.editMaxBlockMs,
      },
    ];
  },
};

interface ColdOpen {
  openMs: number;
  rssMB: number;
  leads: number;
  calls: number;
}

export const coldOpenSection: BenchSection = {
  name: 'cold open',
  async run(ctx) {
    const storeRuns: ColdOpen[] = [];
    for (let i = 0; i < 3; i++) storeRuns.push(await runChild<ColdOpen>('cold-open-child.ts', ['store', ctx.dataDir]));
    await naiveResults(ctx); // the naive file exists once its child has built it
    const naiveRun = await runChild<ColdOpen>(
      'cold-open-child.ts',
      ['naive', ctx.naiveFile],
      ['--max-old-space-size=8192'],
    );
    const label = `${ctx.leads} leads + ${ctx.calls} calls`;
    if (storeRuns[0]!.leads !== ctx.leads || storeRuns[0]!.calls < ctx.calls)
      throw new Error(`cold open saw ${JSON.stringify(storeRuns[0])}`);
    return [
      {
        section: 'cold open',
        name: `open store (${label}), median of 3`,
        value: median(storeRuns.map((s) => s.openMs)),
        unit: 'ms',
        target: 'part of < 1500 ms start',
        baseline: naiveRun.openMs,
      },
      {
        section: 'cold open',
        name: 'RSS after open',
        value: median(storeRuns.map((s) => s.rssMB)),
        unit: 'MB',
        baseline: naiveRun.rssMB,
      },
    ];
  },
};

/** Chooses the shard count: edit latency and loop block vs. open time, for a leads-only store. */
export const shardsSection: BenchSection = {
  name: 'shards',
  async run(ctx) {
    const rows: BenchRow[] = [];
    for (const shards of [16, 64, 256]) {
      const dir = mkdtempSync(path.join(ctx.workDir, `shards-${shards}-`));
      await prepareBenchDataDir(dir, { leads: ctx.leads, calls: 0, shards });
      const e = await editLeads(dir, 20);
      const open = await runChild<ColdOpen>('cold-open-child.ts', ['store', dir]);
      rows.push(
        { section: 'shards', name: `${shards} shards: edit to persisted (median)`, value: e.persistedMs, unit: 'ms' },
        { section: 'shards', name: `${shards} shards: max event-loop block`, value: e.maxBlockMs, unit: 'ms' },
        {
          section: 'shards',
          name: `${shards} shards: cold open of ${ctx.leads} leads`,
          value: open.openMs,
          unit: 'ms',
        },
      );
    }
    return rows;
  },
};
