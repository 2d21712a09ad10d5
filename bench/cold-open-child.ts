// Child process: measures a cold open in a fresh process (so RSS means something).
// Usage: cold-open-child.ts store <dataDir> | naive <file>. Prints one JSON line.
// Modules are imported before timing: module loading belongs to the web-host start section.
import { performance } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { openStore } from '../src/core/store';

const [kind, target] = process.argv.slice(2) as ['store' | 'naive', string];
const t0 = performance.now();
let leads = 0;
let calls = 0;
if (kind === 'store') {
  const store = await openStore({ dataDir: target });
  const col = await store.collection('leads');
  leads = col.size;
  calls = store.journal.count;
} else {
  const db = new Low<{ leads: unknown[]; calls: unknown[] }>(new JSONFile(target), { leads: [], calls: [] });
  await db.read();
  leads = db.data.leads.length;
  calls = db.data.calls.length;
}
const openMs = performance.now() - t0;
console.log(JSON.stringify({ openMs, rssMB: process.memoryUsage().rss / 1e6, leads, calls }));
process.exit(0);
