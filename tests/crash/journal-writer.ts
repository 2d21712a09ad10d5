// Child process for the journal crash test: appends call outcomes forever and prints
// `ack <id>` for each one the journal acknowledged. The parent SIGKILLs it at random.
import { Journal } from '../../src/core/store/journal';
import { newRecordId } from '../../src/core/store/ids';
import { callsByLead } from '../../src/core/store/projection';

const dataDir = process.argv[2]!;
// Frequent checkpoints so kills also land during checkpoint writes.
const journal = await Journal.open({ dataDir, projections: [callsByLead()], checkpointEvery: 37 });
process.stdout.write('ready\n'); // stdout on a pipe is synchronous on Linux: a printed ack is never lost

let n = 0;
for (;;) {
  const burst = 1 + Math.floor(Math.random() * 20);
  const appends = [];
  for (let i = 0; i < burst; i++) {
    const now = Date.now();
    const rec = {
      id: newRecordId(now),
      v: 1 as const,
      leadId: `lead-${n++ % 500}`,
      number: '+33612345678',
      direction: 'outbound' as const,
      startedAt: new Date(now).toISOString(),
      disposition: 'no-answer',
      notes: 'x'.repeat(Math.floor(Math.random() * 400)), // varied sizes: torn writes land anywhere
    };
    appends.push(journal.append(rec).then((r) => process.stdout.write(`ack ${r.id}\n`)));
  }
  await Promise.all(appends);
  await new Promise((r) => setTimeout(r, 2));
}
