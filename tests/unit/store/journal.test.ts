import {
  appendFileSync,
  constants,
  existsSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../src/core/store/journal';
import { callsByLead } from '../../../src/core/store/projection';
import type { StoreProblem } from '../../../src/core/store/problems';
import { makeCall, tempDir } from './helpers';

const JAN = Date.UTC(2025, 0, 15, 10);
const FEB = Date.UTC(2025, 1, 3, 10);
const MAR = Date.UTC(2025, 2, 20, 10);

async function openJ(dataDir: string, now = MAR, extra: { checkpointEvery?: number } = {}) {
  const problems: StoreProblem[] = [];
  const byLead = callsByLead();
  const journal = await Journal.open({
    dataDir,
    now: () => now,
    projections: [byLead],
    report: (p) => problems.push(p),
    ...extra,
  });
  return { journal, problems, byLead };
}

const seg = (dataDir: string, month: string) => path.join(dataDir, 'journal', `calls-${month}.jsonl`);

describe('journal append', () => {
  it.runIf(process.platform === 'linux')(
    'writes through an O_DSYNC descriptor: the write itself reaches the disk',
    async () => {
      const dir = tempDir();
      const { journal } = await openJ(dir);
      await journal.append(makeCall({}, MAR));
      const file = seg(dir, '2025-03');
      const fd = readdirSync('/proc/self/fd').find((n) => {
        try {
          return readlinkSync(`/proc/self/fd/${n}`) === file;
        } catch {
          return false;
        }
      });
      expect(fd).toBeDefined();
      const flags = parseInt(/^flags:\s+([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))![1]!, 8);
      expect(flags & constants.O_DSYNC).toBe(constants.O_DSYNC);
      expect(flags & constants.O_APPEND).toBe(constants.O_APPEND);
      await journal.close();
    },
  );

  it('writes one JSON line per record, id first, and counts it', async () => {
    const dir = tempDir();
    const { journal } = await openJ(dir);
    const rec = makeCall({}, MAR);
    await expect(journal.append(rec)).resolves.toEqual({ id: rec.id, duplicate: false });
    const text = readFileSync(seg(dir, '2025-03'), 'utf8');
    expect(text).toBe(JSON.stringify(rec) + '\n');
    expect(text.startsWith(`{"id":"${rec.id}","v":1,`)).toBe(true);
    expect(journal.count).toBe(1);
    expect(await journal.has(rec.id)).toBe(true);
    await journal.close();
  });

  it('rejects an invalid record with an error naming the field, writing nothing', async () => {
    const dir = tempDir();
    const { journal } = await openJ(dir);
    await expect(journal.append({ ...makeCall({}, MAR), direction: 'sideways' as never })).rejects.toThrow(
      /field "direction"/,
    );
    await expect(journal.append({ ...makeCall({}, MAR), startedAt: 'yesterday' })).rejects.toThrow(/field "startedAt"/);
    await expect(journal.append({ ...makeCall({}, MAR), colour: 'red' } as never)).rejects.toThrow(/colour/);
    await expect(journal.appendMany([makeCall({}, MAR), { ...makeCall({}, MAR), number: '' }])).rejects.toThrow(
      /field "number"/,
    );
    expect(existsSync(seg(dir, '2025-03'))).toBe(false);
    expect(journal.count).toBe(0);
    await journal.close();
  });

  it('is idempotent by id, also for concurrent appends of the same id', async () => {
    const dir = tempDir();
    const { journal } = await openJ(dir);
    const rec = makeCall({}, MAR);
    const [a, b] = await Promise.all([journal.append(rec), journal.append(rec)]);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(await journal.append(rec)).toEqual({ id: rec.id, duplicate: true });
    expect(readFileSync(seg(dir, '2025-03'), 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
    expect(journal.count).toBe(1);
    await journal.close();
  });

  it('group commit: a burst shares one write+fdatasync; appends during a sync share the next one', async () => {
    const dir = tempDir();
    const { journal } = await openJ(dir);
    await Promise.all(Array.from({ length: 50 }, () => journal.append(makeCall({}, MAR))));
    expect(journal.stats.commits).toBe(1);
    expect(journal.count).toBe(50);

    const first = journal.append(makeCall({}, MAR)); // starts a commit
    await new Promise((r) => setImmediate(r)); // that commit is now in flight
    const rest = Array.from({ length: 30 }, () => journal.append(makeCall({}, MAR)));
    await Promise.all([first, ...rest]);
    expect(journal.stats.commits).toBe(3);
    expect(journal.count).toBe(81);
    await journal.close();
  });

  it('puts each record in the segment of its id month (UTC)', async () => {
    const dir = tempDir();
    const { journal } = await openJ(dir);
    await journal.appendMany([
      makeCall({}, JAN),
      makeCall({}, FEB),
      makeCall({}, MAR),
      makeCall({}, Date.UTC(2025, 0, 31, 23, 59, 59)),
    ]);
    const files = readdirSync(path.join(dir, 'journal'))
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
    expect(files).toEqual(['calls-2025-01.jsonl', 'calls-2025-02.jsonl', 'calls-2025-03.jsonl']);
    expect(readFileSync(seg(dir, '2025-01'), 'utf8').trim().split('\n')).toHaveLength(2);
    await journal.close();
  });

  it('scan yields records in order within a time range', async () => {
    const dir = tempDir();
    const { journal } = await openJ(dir);
    const recs = [makeCall({}, JAN), makeCall({}, FEB), makeCall({}, FEB + 1000), makeCall({}, MAR)];
    for (const r of recs) await journal.append(r);
    const all = [];
    for await (const r of journal.scan()) all.push(r.id);
    expect(all).toEqual(recs.map((r) => r.id));
    const feb = [];
    for await (const r of journal.scan({ from: Date.UTC(2025, 1, 1), to: new Date(Date.UTC(2025, 2, 1)) }))
      feb.push(r.id);
    expect(feb).toEqual([recs[1]!.id, recs[2]!.id]);
    await journal.close();
  });
});

describe('journal replay and checkpoint', () => {
  it('replays after a reopen: count, has, projection', async () => {
    const dir = tempDir();
    const a = await openJ(dir);
    await a.journal.appendMany([
      makeCall({ leadId: 'L1' }, JAN),
      makeCall({ leadId: 'L1' }, MAR),
      makeCall({ leadId: 'L2' }, FEB),
    ]);
    // no close(): simulate a crash, nothing past the open-time checkpoint
    const b = await openJ(dir);
    expect(b.journal.count).toBe(3);
    expect(b.byLead.get('L1')).toEqual({ count: 2, lastCallAt: new Date(MAR).toISOString() });
    expect(b.byLead.get('L2')?.count).toBe(1);
    expect(b.problems).toEqual([]);
    await b.journal.close();
  });

  it('skips duplicate lines on replay (idempotent by id)', async () => {
    const dir = tempDir();
    const a = await openJ(dir);
    const rec = makeCall({ leadId: 'L1' }, MAR);
    await a.journal.append(rec);
    await a.journal.close();
    appendFileSync(seg(dir, '2025-03'), JSON.stringify(rec) + '\n'); // e.g. a restored copy
    const b = await openJ(dir);
    expect(b.journal.count).toBe(1);
    expect(b.byLead.get('L1')?.count).toBe(1);
    expect((await b.journal.verify()).segments[0]!.duplicates).toBe(1);
    await b.journal.close();
  });

  it('starts from the checkpoint: projection restored from its snapshot, only later bytes replayed', async () => {
    const dir = tempDir();
    const a = await openJ(dir);
    await a.journal.appendMany([makeCall({ leadId: 'L1' }, MAR), makeCall({ leadId: 'L1' }, MAR)]);
    await a.journal.close();
    const cpFile = path.join(dir, 'journal', 'checkpoint.json');
    const cp = JSON.parse(readFileSync(cpFile, 'utf8'));
    expect(cp.segments['calls-2025-03.jsonl']).toMatchObject({
      bytes: readFileSync(seg(dir, '2025-03')).length,
      count: 2,
    });
    // Sentinel in the snapshot: if open replayed from byte 0, L1 would be 2 again.
    cp.projections['callsByLead@2'] = { leadIds: ['L1'], counts: [40], lastCallAt: [MAR] };
    writeFileSync(cpFile, JSON.stringify(cp));
    appendFileSync(seg(dir, '2025-03'), JSON.stringify(makeCall({ leadId: 'L1' }, MAR + 5)) + '\n'); // written after the checkpoint
    const b = await openJ(dir);
    expect(b.byLead.get('L1')?.count).toBe(41);
    expect(b.journal.count).toBe(3);
    await b.journal.close();
  });

  it('writes checkpoints periodically', async () => {
    const dir = tempDir();
    const { journal } = await openJ(dir, MAR, { checkpointEvery: 10 });
    for (let i = 0; i < 25; i++) await journal.append(makeCall({}, MAR));
    await new Promise((r) => setTimeout(r, 50));
    const cp = JSON.parse(readFileSync(path.join(dir, 'journal', 'checkpoint.json'), 'utf8'));
    expect(cp.segments['calls-2025-03.jsonl'].count).toBeGreaterThanOrEqual(10);
    await journal.close();
  });

  it('loads an old month id set lazily and still detects duplicates there', async () => {
    const dir = tempDir();
    const a = await openJ(dir);
    const old = makeCall({}, JAN);
    await a.journal.append(old);
    await a.journal.close();
    const b = await openJ(dir);
    expect(await b.journal.append(old)).toEqual({ id: old.id, duplicate: true });
    expect(await b.journal.has(old.id)).toBe(true);
    expect(readFileSync(seg(dir, '2025-01'), 'utf8').trim().split('\n')).toHaveLength(1);
    await b.journal.close();
  });

  it('reports a segment shorter than the checkpoint and rebuilds from what is left', async () => {
    const dir = tempDir();
    const a = await openJ(dir);
    await a.journal.appendMany([makeCall({}, MAR), makeCall({}, MAR)]);
    await a.journal.close();
    const file = seg(dir, '2025-03');
    const firstLine = readFileSync(file, 'utf8').split('\n')[0]!;
    truncateSync(file, firstLine.length + 1);
    const b = await openJ(dir);
    expect(b.problems.map((p) => p.kind)).toEqual(['truncated']);
    expect(b.journal.count).toBe(1);
    await b.journal.close();
  });
});

describe('journal damage', () => {
  it('cuts a torn last line, saves its bytes to quarantine and reports it', async () => {
    const dir = tempDir();
    const a = await openJ(dir);
    const ok = makeCall({}, MAR);
    await a.journal.append(ok);
    await a.journal.close();
    const file = seg(dir, '2025-03');
    const good = readFileSync(file);
    const torn = JSON.stringify(makeCall({}, MAR)).slice(0, 40);
    appendFileSync(file, torn);
    const b = await openJ(dir);
    expect(b.problems).toHaveLength(1);
    expect(b.problems[0]).toMatchObject({ kind: 'journal-torn-tail', file });
    expect(readFileSync(b.problems[0]!.movedTo!, 'utf8')).toBe(torn);
    expect(readFileSync(file)).toEqual(good);
    expect(b.journal.count).toBe(1);
    const next = makeCall({}, MAR);
    await b.journal.append(next);
    await b.journal.close();
    const c = await openJ(dir);
    expect(c.problems).toEqual([]);
    expect(c.journal.count).toBe(2);
    await c.journal.close();
  });

  it('treats NUL bytes after the last line (power cut) as a torn tail', async () => {
    const dir = tempDir();
    const a = await openJ(dir);
    await a.journal.append(makeCall({}, MAR));
    const file = seg(dir, '2025-03');
    appendFileSync(file, Buffer.alloc(300));
    const b = await openJ(dir);
    expect(b.problems.map((p) => p.kind)).toEqual(['journal-torn-tail']);
    expect(readFileSync(file).includes(0)).toBe(false);
    await b.journal.close();
  });

  it('reports an invalid middle line with its line number and never rewrites it', async () => {
    const dir = tempDir();
    const a = await openJ(dir);
    await a.journal.append(makeCall({}, MAR));
    const file = seg(dir, '2025-03');
    appendFileSync(file, '{"id":"garbage\n');
    await a.journal.append(makeCall({}, MAR));
    const before = readFileSync(file);
    const b = await openJ(dir);
    expect(b.problems).toHaveLength(1);
    expect(b.problems[0]).toMatchObject({ kind: 'journal-bad-line', file });
    expect(b.problems[0]!.detail).toMatch(/^line 2:/);
    expect(b.journal.count).toBe(2);
    await b.journal.close();
    expect(readFileSync(file)).toEqual(before);
    // Still reported when the bad line is behind the checkpoint.
    const c = await openJ(dir);
    expect(c.problems.map((p) => p.detail)).toEqual([b.problems[0]!.detail]);
    const report = await c.journal.verify();
    expect(report.ok).toBe(false);
    expect(report.segments[0]!.badLines.map((l) => l.line)).toEqual([2]);
    await c.journal.close();
  });
});
