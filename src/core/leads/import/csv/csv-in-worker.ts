import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ColumnMapping } from '../../../../shared/domain/import-report';
import type { ConvertContext } from '../to-draft';
import type { CsvBatch, CsvEnd, CsvHead, readCsvFile } from './csv-file';

export interface CsvWorkerInput {
  bytes: Uint8Array;
  mapping?: ColumnMapping;
  ctx: ConvertContext;
  batch: number;
}

/** What the worker posts: readCsvFile's steps, a batch's drafts as JSON text. */
export type CsvWorkerMessage =
  { head: CsvHead } | { batch: Omit<CsvBatch, 'items'> & { items: string } } | { end: CsvEnd };

type Step = ReturnType<typeof readCsvFile> extends Generator<infer S> ? S : never;

/** The worker could not be started (no built worker file, no TypeScript loader): read on this thread. */
export class WorkerUnavailable extends Error {}

/**
 * readCsvFile in the import worker: the same steps, while this thread stays free to merge and
 * store the batches already read. Throws WorkerUnavailable, before any step, when no worker
 * can be started here (the caller then reads on its own thread).
 */
export async function* readCsvFileInWorker(
  bytes: Uint8Array,
  options: { mapping?: ColumnMapping; ctx: ConvertContext; batch: number },
): AsyncGenerator<Step> {
  const entry = workerEntry();
  if (!entry) throw new WorkerUnavailable('no import worker here');
  // A copy the worker owns (transferred, not cloned): the caller keeps its bytes, and a Buffer's
  // slice() would be a view whose whole ArrayBuffer (maybe Node's shared pool) would move.
  const copy = new Uint8Array(bytes);
  const input: CsvWorkerInput = { bytes: copy, ...options };
  const messages: CsvWorkerMessage[] = [];
  let failure: unknown;
  let exited = false;
  let wake: (() => void) | undefined;
  const worker = entry({
    workerData: input,
    transferList: [copy.buffer as ArrayBuffer],
    // Converting 100k rows makes much short-lived garbage: a larger young generation scavenges less.
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  worker.on('message', (m: CsvWorkerMessage) => {
    messages.push(m);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  worker.on('exit', () => {
    exited = true;
    wake?.();
  });
  let started = false;
  try {
    for (let next = 0; ;) {
      if (next < messages.length) {
        const m = messages[next]!;
        messages[next++] = undefined as never; // let each batch go once read
        started = true;
        yield 'batch' in m ? { batch: { ...m.batch, items: JSON.parse(m.batch.items) as CsvBatch['items'] } } : m;
        if ('end' in m) return;
        continue;
      }
      if (failure !== undefined) {
        if (!started) throw new WorkerUnavailable(`the import worker did not start: ${String(failure)}`);
        throw failure;
      }
      if (exited) throw new Error('the import worker stopped before the end of the file');
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    void worker.terminate();
  }
}

/**
 * How to start the worker from here. Built (the CLI bundle): `csv-import-worker.js` next to this
 * code's bundle, when the build made one. From source (tests, benches, tsx): csv-worker.ts
 * through tsx's loader. Else none.
 */
function workerEntry(): ((options: WorkerOptions) => Worker) | undefined {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const file = new URL('./csv-worker.ts', here);
    let loader: string;
    try {
      // tsx's ESM entry (its CommonJS one cannot be imported from an eval'd worker).
      const tsx = path.dirname(createRequire(here).resolve('tsx/package.json'));
      loader = pathToFileURL(path.join(tsx, 'dist/esm/api/index.mjs')).href;
      if (!existsSync(fileURLToPath(loader))) return undefined;
    } catch {
      return undefined;
    }
    const code = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`;
    return (options) => new Worker(code, { ...options, eval: true });
  }
  const file = new URL('./csv-import-worker.js', here);
  if (!existsSync(fileURLToPath(file))) return undefined;
  return (options) => new Worker(file, options);
}
