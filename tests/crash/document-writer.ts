// Child process for the document crash test: updates a counter document in coalesced bursts and
// prints `ack <n>` once the update holding n is on disk. The parent SIGKILLs it at random.
import { openStore } from '../../src/core/store';

const dataDir = process.argv[2]!;
// Backup on every write so kills also land between the hard link and the rename.
const store = await openStore({ dataDir, backupPolicy: { intervalMs: 0, keep: 3 } });
const doc = await store.document('counter', {
  schemaVersion: 1,
  migrations: [],
  defaults: { n: 0, pad: '' },
});
process.stdout.write(`ready ${doc.data.n}\n`);
for (;;) {
  const burst = 1 + Math.floor(Math.random() * 10);
  const updates = [];
  for (let i = 0; i < burst; i++) {
    updates.push(
      doc.update((d) => {
        d.n++;
        d.pad = 'p'.repeat(Math.floor(Math.random() * 50_000)); // large enough for a write to take time
      }),
    );
  }
  const target = doc.data.n;
  await Promise.all(updates);
  process.stdout.write(`ack ${target}\n`);
}
