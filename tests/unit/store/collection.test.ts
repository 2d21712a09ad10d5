import { readFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openCollection, shardOf } from '../../../src/core/store/collection';
import { createContext } from '../../../src/core/store/context';
import { tempDir } from './helpers';

interface Lead {
  id: string;
  name: string;
  phone: string;
}
const lead = (i: number): Lead => ({
  id: `lead-${i}`,
  name: `Client ${i}`,
  phone: `+3361234${String(i).padStart(4, '0')}`,
});

describe('sharded collection', () => {
  it('put/get/all/size/delete and persistence across reopen', async () => {
    const dir = tempDir();
    const col = await openCollection<Lead>(createContext(dir), 'leads', { shards: 8 });
    await col.putMany(Array.from({ length: 100 }, (_, i) => lead(i)));
    await col.put({ ...lead(5), name: 'Léa' });
    expect(await col.delete('lead-7')).toBe(true);
    expect(await col.delete('missing')).toBe(false);
    expect(col.size).toBe(99);
    expect(col.get('lead-5')?.name).toBe('Léa');

    const again = await openCollection<Lead>(createContext(dir), 'leads');
    expect(again.shardCount).toBe(8);
    expect(again.size).toBe(99);
    expect(again.get('lead-5')?.name).toBe('Léa');
    expect(again.get('lead-7')).toBeUndefined();
    expect([...again.all()].map((l) => l.id).sort()).toEqual(
      Array.from({ length: 100 }, (_, i) => `lead-${i}`)
        .filter((id) => id !== 'lead-7')
        .sort(),
    );
  });

  it('one edit rewrites exactly one shard file', async () => {
    const dir = tempDir();
    const col = await openCollection<Lead>(createContext(dir), 'leads', { shards: 16 });
    await col.putMany(Array.from({ length: 500 }, (_, i) => lead(i)));
    const files = readdirSync(path.join(dir, 'leads')).filter((f) => f !== '_manifest.json');
    expect(files).toHaveLength(16);
    const before = Object.fromEntries(files.map((f) => [f, statSync(path.join(dir, 'leads', f)).ino]));
    const writes = col.stats().writes;
    await col.put({ ...lead(42), name: 'Edited' });
    expect(col.stats().writes - writes).toBe(1);
    const changed = files.filter((f) => statSync(path.join(dir, 'leads', f)).ino !== before[f]);
    const expected = `${shardOf('lead-42', 16).toString(16).padStart(2, '0')}.json`;
    expect(changed).toEqual([expected]);
    expect(readFileSync(path.join(dir, 'leads', expected), 'utf8')).toContain('"Edited"');
  });

  it('hands every item read from disk to onLoad, shard by shard, before anyone can get it', async () => {
    const dir = tempDir();
    const col = await openCollection<Lead>(createContext(dir), 'leads', { shards: 8 });
    await col.putMany(Array.from({ length: 100 }, (_, i) => lead(i)));
    const seen: string[] = [];
    const again = await openCollection<Lead>(createContext(dir), 'leads', {
      onLoad: (item) => {
        seen.push(item.id);
        item.name = item.name.toUpperCase();
      },
    });
    expect(seen.sort()).toEqual(Array.from({ length: 100 }, (_, i) => `lead-${i}`).sort());
    expect(again.get('lead-5')?.name).toBe('CLIENT 5');
  });

  it('hash is stable and spreads ids evenly', () => {
    expect(shardOf('lead-42', 64)).toBe(shardOf('lead-42', 64));
    expect(shardOf('abc', 1 << 30)).toBe(440920331); // FNV-1a('abc') mod 2^30: pinned so a change is caught
    const counts = new Array(64).fill(0);
    for (let i = 0; i < 64_000; i++) counts[shardOf(`lead-${i}`, 64)]++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
  });

  it('validates items with the schema: nothing changes when one is invalid', async () => {
    const dir = tempDir();
    const itemSchema = z.object({ id: z.string(), name: z.string().min(1), phone: z.string() });
    const col = await openCollection<Lead>(createContext(dir), 'leads', { shards: 2, itemSchema });
    await expect(col.putMany([lead(1), { ...lead(2), name: '' }])).rejects.toThrow(/field "name"/);
    expect(col.size).toBe(0);
  });

  it('migrates items on read', async () => {
    const dir = tempDir();
    const v1 = await openCollection<{ id: string; tel: string }>(createContext(dir), 'leads', { shards: 2 });
    await v1.put({ id: 'a', tel: '+33600000000' });
    const v2 = await openCollection<{ id: string; phones: string[] }>(createContext(dir), 'leads', {
      schemaVersion: 2,
      itemMigrations: [({ tel, ...rest }) => ({ ...rest, phones: [tel] })],
    });
    expect(v2.get('a')).toEqual({ id: 'a', phones: ['+33600000000'] });
  });

  it('recovers the shard count from file names if the manifest is lost', async () => {
    const dir = tempDir();
    const col = await openCollection<Lead>(createContext(dir), 'leads', { shards: 32 });
    await col.put(lead(1));
    unlinkSync(path.join(dir, 'leads', '_manifest.json'));
    const again = await openCollection<Lead>(createContext(dir), 'leads', { shards: 4 });
    expect(again.shardCount).toBe(32);
    expect(again.get('lead-1')?.name).toBe('Client 1');
  });
});
