// The import worker: reads a CSV file (decode, parse, convert rows) on another thread while the
// main one merges and stores the rows already read. Started by csv-in-worker.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { readCsvFile } from './csv-file';
import type { CsvWorkerInput, CsvWorkerMessage } from './csv-in-worker';

const input = workerData as CsvWorkerInput;
for (const step of readCsvFile(input.bytes, { mapping: input.mapping, ctx: input.ctx, batch: input.batch })) {
  // Drafts go as JSON text: JSON.parse on the main thread costs half what structured clone does.
  const message: CsvWorkerMessage =
    'batch' in step ? { batch: { ...step.batch, items: JSON.stringify(step.batch.items) } } : step;
  parentPort!.postMessage(message);
}
