// Import of a 100k-row Windows-1252 `;` CSV, end to end into a fresh store (durable: the figure
// stops after the store's fsyncs), against a naive path in the same run: the same parsing, then
// one lowdb JSONFile write per 1000 rows (per row is hopeless: 100k rewrites of a growing file).
// Each side runs in its own child process so its peak RSS is its own.
// Also a child script: `leads-import-section.ts store|naive|parts <csv> <dir>` prints one JSON line.
// "parts" times each part of the work alone on one thread, over the store the import wrote. The
// leads must end as objects in the service's thread, with their index, and as JSON on disk; rows
// read on another thread reach it at best as that same JSON. So read + build + stringify + parse
// + index + write, over two cores, is the least any split of today's parts between two threads
// can take (the write is partly the disk's time: counted whole, it is an upper bound of its share).
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { leadsToCsv } from '../src/core/leads/export/csv-export';
import { decodeText } from '../src/core/leads/import/csv/decode';
import { readCsvFile } from '../src/core/leads/import/csv/csv-file';
import { parseCsv } from '../src/core/leads/import/csv/parse-csv';
import { csvToDrafts } from '../src/core/leads/import/csv/read-csv';
import { encodeWindows1252 } from '../src/core/leads/import/csv/windows-1252';
import { guessMapping } from '../src/core/leads/import/mapping';
import { runImport } from '../src/core/leads/import/run-import';
import { leadFromDraft } from '../src/core/leads/draft';
import { leadIssue } from '../src/core/leads/lead-check';
import { LeadService } from '../src/core/leads/lead-service';
import { LeadSearchIndex } from '../src/core/leads/search-index';
import { generateSampleLeads } from '../src/core/leads/sample/generate-leads';
import { openStore } from '../src/core/store';
import { writeFileDurably } from '../src/core/store/durable-write';
import { newRecordId } from '../src/core/store/ids';
import type { Lead, LeadDraft } from '../src/shared/domain/lead';
import { median, type BenchRow, type BenchSection } from './harness';
import { runChild } from './store-sections';

interface ChildResult {
  ms: number;
  /** CPU time of the whole process (every thread): what the import costs a machine that is busy. */
  cpuMs?: number;
  parseMs: number;
  /** The longest the importing thread went without serving its event loop (store side only). */
  stallMs?: number;
  rssMB: number;
  imported: number;
  merged: number;
  rejected: number;
}

/** Each part of the import's work timed alone, on one thread (median of 3 runs each), in ms. */
interface PartsResult {
  /** Decode, parse and convert every row to a draft (the import worker's job). */
  read: number;
  /** Today's hand-over of the drafts between threads: JSON.stringify in the worker, JSON.parse in the service. */
  handOver: number;
  /** Make a lead of each draft (ids, timeline) and check it against the schema. */
  build: number;
  /** The store's JSON: stringify every lead once (the shard files must be written). */
  stringify: number;
  /** The leads as objects in the lead service's thread: JSON.parse of the written shards. */
  parse: number;
  /** The search index over the leads. */
  index: number;
  /** The shard files written durably (UTF-8 encoding, write, fsync), one after the other. */
  write: number;
}

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

export const leadsImportSection: BenchSection = {
  name: 'leads import',
  async run(ctx) {
    const csvFile = path.join(ctx.workDir, 'leads-import-1252.csv');
    const t = performance.now();
    // The generator reuses e-mails across people (~14% of 100k): merged as one person, they chain
    // into leads of >20 phones that the schema refuses. A unique e-mail per row keeps 100k people.
    const drafts = generateSampleLeads(ROWS, { seed: 42, now: new Date('2026-01-15T10:00:00Z') }).map((d, i) =>
      d.contact.email ? { ...d, contact: { ...d.contact, email: d.contact.email.replace('@', `.${i}@`) } } : d,
    );
    const bytes = encodeWindows1252(leadsToCsv(drafts, { separator: ';' }).slice(1)); // Excel 1252 files have no BOM
    writeFileSync(csvFile, bytes);
    const genMs = performance.now() - t;
    const storeDir = path.join(ctx.workDir, 'import-store');
    const naiveDir = path.join(ctx.workDir, 'import-naive');
    mkdirSync(naiveDir, { recursive: true });
    const big = ['--max-old-space-size=8192'];
    const store = await runChild<ChildResult>('leads-import-section.ts', ['store', csvFile, storeDir], big);
    const parts = await runChild<PartsResult>('leads-import-section.ts', ['parts', csvFile, storeDir], big);
    const naive = await runChild<ChildResult>('leads-import-section.ts', ['naive', csvFile, naiveDir], big);
    const s = 'leads import';
    const leastCpu = parts.read + parts.build + parts.stringify + parts.parse + parts.index + parts.write;
    const part = (name: string, value: number): BenchRow => ({
      section: s,
      name: `  part alone: ${name}`,
      value,
      unit: 'ms',
    });
    return [
      {
        section: s,
        name: `generate ${ROWS} rows (${(bytes.length / 1e6).toFixed(1)} MB, 1252, ;)`,
        value: genMs,
        unit: 'ms',
      },
      {
        section: s,
        name: `import ${ROWS} rows end to end, durable`,
        value: store.ms,
        unit: 'ms',
        target: '< 5000 ms',
        baseline: naive.ms,
      },
      {
        section: s,
        name: '  until the first rows reach the lead service (naive: the whole parse)',
        value: store.parseMs,
        unit: 'ms',
        baseline: naive.parseMs,
      },
      {
        section: s,
        name: 'import throughput (rows/s)',
        value: Math.round(ROWS / (store.ms / 1000)),
        unit: 'count',
        baseline: Math.round(ROWS / (naive.ms / 1000)),
      },
      {
        section: s,
        name: 'leads created (after merging duplicates)',
        value: store.imported,
        unit: 'count',
        baseline: naive.imported,
      },
      { section: s, name: 'CPU time of the import, all threads', value: store.cpuMs ?? NaN, unit: 'ms' },
      part('read, parse and convert the rows', parts.read),
      part('make and check the leads', parts.build),
      part('stringify the leads (the shard files)', parts.stringify),
      part('parse the leads (the service thread)', parts.parse),
      part('build the search index', parts.index),
      part('write the shard files durably', parts.write),
      part('today, beside those: the drafts handed over as JSON', parts.handOver),
      {
        section: s,
        name: '  least wall time of any two-thread split of the six parts (their sum / 2)',
        value: leastCpu / 2,
        unit: 'ms',
        target: '< 5000 ms',
      },
      { section: s, name: 'peak RSS of the importing process', value: store.rssMB, unit: 'MB', baseline: naive.rssMB },
      {
        section: s,
        name: 'longest event-loop stall of the importing thread (requests wait that long)',
        value: store.stallMs ?? NaN,
        unit: 'ms',
      },
    ] satisfies BenchRow[];
  },
};

async function storeChild(csvFile: string, dataDir: string): Promise<ChildResult> {
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  const store = await openStore({ dataDir });
  const service = new LeadService({
    collection: store.collection<Lead>('leads'),
    seller: () => 'Bench',
    region: () => 'FR',
    emit: () => undefined,
  });
  let parseMs = 0;
  // Rows reach the service in batches as the file is read: "parse" ends when the first batch is in.
  const timed = {
    importBatches: (
      batches: Parameters<LeadService['importBatches']>[0],
      options: Parameters<LeadService['importBatches']>[1],
    ) => {
      parseMs = performance.now() - t;
      return service.importBatches(batches, options);
    },
  };
  const { report } = await runImport(
    {
      fileName: 'bench.csv',
      bytes: await readFile(csvFile),
      keepValid: true,
      dryRun: false,
      region: 'FR',
      ...(process.env.BENCH_IMPORT_WORKER ? { worker: process.env.BENCH_IMPORT_WORKER === '1' } : {}),
    },
    timed,
  );
  await store.close(); // every shard fsynced: durable
  const ms = performance.now() - t;
  stalls.disable();
  const cpu = process.cpuUsage(cpu0);
  return {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    parseMs,
    stallMs: stalls.max / 1e6,
    rssMB: process.resourceUsage().maxRSS / 1024,
    imported: report.imported,
    merged: report.merged,
    rejected: report.rejected.length,
  };
}

/** The same rows the simplest way: parse, dedupe in a Map, push, rewrite the JSON file every 1000 rows. */
async function naiveChild(csvFile: string, dir: string): Promise<ChildResult> {
  const t = performance.now();
  const { text } = decodeText(await readFile(csvFile));
  const csv = parseCsv(text);
  const { items, rejects } = csvToDrafts(csv, guessMapping(csv.headers), { region: 'FR', zone: 'Europe/Paris' });
  const parseMs = performance.now() - t;
  const db = new Low<{ leads: (LeadDraft & { id: string })[] }>(new JSONFile(path.join(dir, 'db.json')), { leads: [] });
  await db.read();
  const byKey = new Map<string, LeadDraft & { id: string }>();
  let imported = 0;
  let merged = 0;
  for (let i = 0; i < items.length; i++) {
    const draft = items[i]!.draft;
    const keys = [...draft.contact.phones.map((p) => p.e164), draft.contact.email].filter((k): k is string => !!k);
    const existing = keys.map((k) => byKey.get(k)).find(Boolean);
    if (existing) {
      merged++;
      existing.notes = [...(existing.notes ?? []), ...(draft.notes ?? [])];
    } else {
      const lead = { ...draft, id: `lead-${i}` };
      db.data.leads.push(lead);
      for (const k of keys) byKey.set(k, lead);
      imported++;
    }
    if ((i + 1) % 1000 === 0) await db.write();
  }
  await db.write();
  return {
    ms: performance.now() - t,
    parseMs,
    rssMB: process.resourceUsage().maxRSS / 1024,
    imported,
    merged,
    rejected: rejects.length,
  };
}

async function partsChild(csvFile: string, storeDir: string): Promise<PartsResult> {
  const bytes = await readFile(csvFile);
  const times = (fn: () => void): number => {
    const ms: number[] = [];
    for (let run = 0; run < 3; run++) {
      const t = performance.now();
      fn();
      ms.push(performance.now() - t);
    }
    return median(ms);
  };
  let batches: { draft: LeadDraft }[][] = [];
  const read = times(() => {
    batches = [];
    const ctx = { region: 'FR', zone: 'Europe/Paris' };
    for (const step of readCsvFile(bytes, { ctx, batch: 1000 })) if ('batch' in step) batches.push(step.batch.items);
  });
  const handOver = times(() => batches.map((batch) => JSON.parse(JSON.stringify(batch)) as unknown));
  const at = new Date().toISOString();
  const build = times(() => {
    for (const batch of batches)
      for (const { draft } of batch) {
        const lead = leadFromDraft(draft, { id: newRecordId(), at, via: 'import', newId: () => newRecordId() });
        if (leadIssue(lead)) throw new Error(`bench: an invalid lead ${lead.id}`);
      }
  });
  const dir = path.join(storeDir, 'leads');
  const shardTexts = await Promise.all(
    (await readdir(dir)).filter((f) => /^[0-9a-f]+\.json$/.test(f)).map((f) => readFile(path.join(dir, f), 'utf8')),
  );
  let shards: { items: Lead[] }[] = [];
  const parse = times(() => (shards = shardTexts.map((text) => JSON.parse(text) as { items: Lead[] })));
  const stringify = times(() => shards.map((shard) => JSON.stringify(shard)));
  const leads = shards.flatMap((shard) => shard.items);
  const index = times(() => LeadSearchIndex.build(leads, { region: 'FR' }));
  const writeDir = path.join(storeDir, 'bench-write');
  mkdirSync(writeDir, { recursive: true });
  const writes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    for (let i = 0; i < shardTexts.length; i++)
      await writeFileDurably(path.join(writeDir, `${i}.json`), shardTexts[i]!);
    writes.push(performance.now() - t);
  }
  return { read, handOver, build, stringify, parse, index, write: median(writes) };
}

if (process.argv[1] && path.basename(process.argv[1]) === 'leads-import-section.ts') {
  const [mode, csvFile, dir] = process.argv.slice(2);
  const result =
    mode === 'store'
      ? await storeChild(csvFile!, dir!)
      : mode === 'parts'
        ? await partsChild(csvFile!, dir!)
        : await naiveChild(csvFile!, dir!);
  console.log(JSON.stringify(result));
}
