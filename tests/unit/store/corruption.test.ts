import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/core/store/context';
import { openDocument } from '../../../src/core/store/document';
import { openCollection } from '../../../src/core/store/collection';
import { clock, tempDir } from './helpers';

const opts = { schemaVersion: 1, migrations: [], defaults: () => ({ n: 0 }) };
const SIX_MIN = 6 * 60_000;

/** A document written three times, 6 minutes apart: backups hold n=1 and n=2, the file n=3. */
async function documentWithBackups() {
  const dir = tempDir();
  const c = clock();
  const doc = await openDocument(createContext(dir, { now: c.now }), 'counter', opts);
  for (const n of [1, 2, 3]) {
    await doc.update((d) => void (d.n = n));
    c.advance(SIX_MIN);
  }
  return { dir, c, file: path.join(dir, 'counter.json') };
}

const damages: [string, (good: string) => Buffer | string][] = [
  ['invalid-json', () => '{"schemaVersion":1,"n":3,,}'],
  ['empty', () => ''],
  ['nul-filled', (good) => Buffer.alloc(good.length)],
  ['truncated', (good) => good.slice(0, good.length - 4)],
];

describe('damaged document', () => {
  it.each(damages)('%s: moved to quarantine, reported, restored from the newest good backup', async (kind, damage) => {
    const { dir, c, file } = await documentWithBackups();
    const bad = damage(readFileSync(file, 'utf8'));
    writeFileSync(file, bad);
    const ctx = createContext(dir, { now: c.now });
    const doc = await openDocument(ctx, 'counter', opts);
    expect(doc.data.n).toBe(2);
    expect(ctx.problems).toHaveLength(1);
    const p = ctx.problems[0]!;
    expect(p).toMatchObject({ kind, file });
    expect(p.movedTo).toMatch(new RegExp(`quarantine[/\\\\]counter\\.json\\.\\d{8}T\\d{9}Z\\.corrupt$`));
    expect(readFileSync(p.movedTo!)).toEqual(Buffer.from(bad));
    expect(p.restoredFrom).toMatch(/backups[/\\]counter\.json\..*\.bak$/);
    expect(JSON.parse(readFileSync(file, 'utf8')).n).toBe(2); // the good state is back on disk
    await doc.update((d) => void (d.n = 4));
    expect(JSON.parse(readFileSync(file, 'utf8')).n).toBe(4);
  });

  it('skips a damaged backup and uses the next older one', async () => {
    const { dir, c, file } = await documentWithBackups();
    const backups = readdirSync(path.join(dir, 'backups')).sort();
    writeFileSync(path.join(dir, 'backups', backups.at(-1)!), '{"schemaVersion":1,');
    writeFileSync(file, '');
    const ctx = createContext(dir, { now: c.now });
    const doc = await openDocument(ctx, 'counter', opts);
    expect(doc.data.n).toBe(1);
    expect(ctx.problems[0]!.restoredFrom).toContain(backups[0]);
  });

  it('starts from defaults and says so when no backup parses', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'counter.json');
    writeFileSync(file, Buffer.alloc(64));
    const ctx = createContext(dir);
    const doc = await openDocument(ctx, 'counter', opts);
    expect(doc.data.n).toBe(0);
    expect(ctx.problems[0]).toMatchObject({ kind: 'nul-filled' });
    expect(ctx.problems[0]!.detail).toMatch(/no usable backup, started from defaults/);
    expect(ctx.problems[0]!.restoredFrom).toBeUndefined();
    expect(readFileSync(ctx.problems[0]!.movedTo!)).toEqual(Buffer.alloc(64));
  });

  it('a backup is a hard link to the replaced file, at most one per interval, newest 3 kept', async () => {
    const dir = tempDir();
    const c = clock();
    const file = path.join(dir, 'counter.json');
    const doc = await openDocument(createContext(dir, { now: c.now }), 'counter', opts);
    await doc.update((d) => void (d.n = 1));
    c.advance(SIX_MIN);
    const inode = statSync(file).ino;
    await doc.update((d) => void (d.n = 2));
    const [first] = readdirSync(path.join(dir, 'backups'));
    expect(statSync(path.join(dir, 'backups', first!)).ino).toBe(inode);
    await doc.update((d) => void (d.n = 3)); // same interval: no new backup
    expect(readdirSync(path.join(dir, 'backups'))).toHaveLength(1);
    for (let n = 4; n < 10; n++) {
      c.advance(SIX_MIN);
      await doc.update((d) => void (d.n = n));
    }
    const kept = readdirSync(path.join(dir, 'backups')).sort();
    expect(kept).toHaveLength(3);
    expect(kept.map((b) => JSON.parse(readFileSync(path.join(dir, 'backups', b), 'utf8')).n)).toEqual([6, 7, 8]);
  });
});

describe('damaged collection shard', () => {
  it.each(damages)('%s: only that shard is restored from its backup', async (kind, damage) => {
    const dir = tempDir();
    const c = clock();
    const col = await openCollection<{ id: string; v: number }>(createContext(dir, { now: c.now }), 'leads', {
      shards: 4,
    });
    const ids = Array.from({ length: 40 }, (_, i) => `lead-${i}`);
    await col.putMany(ids.map((id) => ({ id, v: 1 })));
    c.advance(SIX_MIN);
    await col.putMany(ids.map((id) => ({ id, v: 2 }))); // backups now hold v=1
    const shardFile = path.join(dir, 'leads', '01.json');
    writeFileSync(shardFile, damage(readFileSync(shardFile, 'utf8')));
    const ctx = createContext(dir, { now: c.now });
    const again = await openCollection<{ id: string; v: number }>(ctx, 'leads');
    expect(ctx.problems.map((p) => [p.kind, p.file])).toEqual([[kind, shardFile]]);
    expect(again.size).toBe(40);
    const versions = new Set([...again.all()].map((l) => l.v));
    expect(versions).toEqual(new Set([1, 2])); // shard 1 is back at its backup, the rest untouched
  });
});
