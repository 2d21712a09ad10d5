import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/store';
import { bundleChild, runAndKill } from './child';

const KILLS = 40;
const dataDir = mkdtempSync(path.join(tmpdir(), 'relance-doc-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('document survives SIGKILL during coalesced writes', () => {
  it(`file always parses and holds the acknowledged state or newer (${KILLS} kills)`, { timeout: 90_000 }, async () => {
    const script = await bundleChild(path.join(import.meta.dirname, 'document-writer.ts'));
    let acked = 0;
    for (let i = 0; i < KILLS; i++) {
      const run = await runAndKill(script, [dataDir], Math.random() * 80);
      for (const line of run.lines) if (line.startsWith('ack ')) acked = Math.max(acked, Number(line.slice(4)));
      const file = path.join(dataDir, 'counter.json');
      // Killed before its first write landed (a loaded machine): nothing may have been acknowledged.
      if (!existsSync(file)) {
        expect(acked).toBe(0);
        continue;
      }
      const raw = JSON.parse(readFileSync(file, 'utf8')) as {
        schemaVersion: number;
        n: number;
      };
      expect(raw.schemaVersion).toBe(1);
      expect(raw.n).toBeGreaterThanOrEqual(acked);
      const store = await openStore({ dataDir });
      const doc = await store.document('counter', { schemaVersion: 1, migrations: [], defaults: { n: 0, pad: '' } });
      expect(store.problems).toEqual([]);
      expect(doc.data.n).toBe(raw.n);
      await store.close();
    }
    expect(acked).toBeGreaterThan(KILLS);
  });
});
