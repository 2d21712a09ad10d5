import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Journal } from '../../src/core/store/journal';
import { callsByLead } from '../../src/core/store/projection';
import type { StoreProblem } from '../../src/core/store/problems';
import { bundleChild, runAndKill } from './child';

const KILLS = 110;
const dataDir = mkdtempSync(path.join(tmpdir(), 'relance-journal-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('journal survives SIGKILL at random moments', () => {
  it(`keeps every acknowledged record over ${KILLS} kills in one data dir`, { timeout: 120_000 }, async () => {
    const script = await bundleChild(path.join(import.meta.dirname, 'journal-writer.ts'));
    const acked = new Set<string>();
    const kinds = new Map<string, number>();
    let tornTails = 0;
    for (let i = 0; i < KILLS; i++) {
      // 1 kill in 8 lands during startup (replay, torn-tail repair, checkpoint), the rest mid-append.
      const duringStartup = i % 8 === 7;
      const run = await runAndKill(
        script,
        [dataDir],
        duringStartup ? 20 + Math.random() * 80 : Math.random() * 60,
        duringStartup,
      );
      for (const line of run.lines) if (line.startsWith('ack ')) acked.add(line.slice(4));

      const problems: StoreProblem[] = [];
      const byLead = callsByLead();
      const journal = await Journal.open({ dataDir, projections: [byLead], report: (p) => problems.push(p) });
      for (const p of problems) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
      tornTails += problems.filter((p) => p.kind === 'journal-torn-tail').length;
      expect(problems.filter((p) => p.kind !== 'journal-torn-tail')).toEqual([]);
      for (const id of acked) if (!(await journal.has(id))) throw new Error(`kill ${i}: acknowledged ${id} lost`);
      expect(journal.count).toBeGreaterThanOrEqual(acked.size);
      let leadTotal = 0;
      for (let l = 0; l < 500; l++) leadTotal += byLead.get(`lead-${l}`)?.count ?? 0;
      expect(leadTotal).toBe(journal.count); // projection consistent with the records
      await journal.close();
    }
    // After the last repair every line of every file parses.
    const jdir = path.join(dataDir, 'journal');
    for (const f of readdirSync(jdir)) {
      const text = readFileSync(path.join(jdir, f), 'utf8');
      if (f.endsWith('.jsonl')) {
        expect(text.endsWith('\n')).toBe(true);
        for (const line of text.slice(0, -1).split('\n')) JSON.parse(line);
      } else JSON.parse(text);
    }
    const verify = await Journal.open({ dataDir }).then(async (j) => {
      const r = await j.verify();
      await j.close();
      return r;
    });
    expect(verify.ok).toBe(true);
    expect(verify.records).toBeGreaterThanOrEqual(acked.size);
    expect(acked.size).toBeGreaterThan(KILLS); // the test really exercised appends
    console.log(
      `journal crash: ${KILLS} kills, ${acked.size} acknowledged, ${verify.records} on disk, ${tornTails} torn tails repaired`,
    );
  });
});
