// Child process (large heap): the same operations on naive lowdb, one JSONFile with everything.
// Usage: naive-child.ts <file> <leads> <calls>. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { prepareNaiveLowdb } from './fixtures';
import { median, percentile, withLoopDelay } from './harness';
import { makeCallRecord, rng } from './synthetic';

const [file, leads, calls] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const db = await prepareNaiveLowdb(file, { leads, calls });
const r = rng(99);
const SAMPLES = 3; // each write re-serialises the whole database: a few samples take seconds

const ack: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  const t = performance.now();
  db.data.calls.push(makeCallRecord(Date.now(), 'lead-000001', r));
  await db.write();
  ack.push(performance.now() - t);
}

const t = performance.now();
await Promise.all(
  Array.from({ length: 50 }, () => {
    db.data.calls.push(makeCallRecord(Date.now(), 'lead-000002', r));
    return db.write();
  }),
);
const burstMs = performance.now() - t;

const edits: number[] = [];
const { maxBlockMs } = await withLoopDelay(async () => {
  for (let i = 0; i < SAMPLES; i++) {
    const lead = db.data.leads[Math.floor(r() * db.data.leads.length)]!;
    const t0 = performance.now();
    lead.notes = `édité ${i}`;
    await db.write();
    edits.push(performance.now() - t0);
  }
});
console.log(
  JSON.stringify({
    ackP50: median(ack),
    ackP99: percentile(ack, 99),
    burstMs,
    editMs: median(edits),
    editMaxBlockMs: maxBlockMs,
  }),
);
