import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContext } from '../../../src/core/store/context';
import { openDocument } from '../../../src/core/store/document';
import { writeFileDurably } from '../../../src/core/store/durable-write';
import type { FsDeps } from '../../../src/core/store/fs-deps';
import { nodeFs } from '../../../src/core/store/fs-deps';
import { clock, tempDir } from './helpers';

interface Counter {
  n: number;
  log: number[];
}
const counterOpts = { schemaVersion: 1, migrations: [], defaults: (): Counter => ({ n: 0, log: [] }) };

describe('document writes', () => {
  it('writes compact JSON with schemaVersion first and resolves once on disk', async () => {
    const dir = tempDir();
    const ctx = createContext(dir);
    const doc = await openDocument(ctx, 'counter', counterOpts);
    expect(doc.data).toEqual({ schemaVersion: 1, n: 0, log: [] });
    await doc.update((d) => {
      d.n = 5;
    });
    const text = readFileSync(path.join(dir, 'counter.json'), 'utf8');
    expect(text).toBe('{"schemaVersion":1,"n":5,"log":[]}');
    const again = await openDocument(createContext(dir), 'counter', counterOpts);
    expect(again.data.n).toBe(5);
  });

  it('coalesces rapid updates: far fewer writes than updates, one stringify per write, last state wins', async () => {
    const dir = tempDir();
    const doc = await openDocument(createContext(dir), 'counter', counterOpts);
    const pending: Promise<void>[] = [];
    for (let i = 1; i <= 200; i++) {
      pending.push(
        doc.update((d) => {
          d.n = i;
          d.log.push(i);
        }),
      );
      if (i % 50 === 0) await new Promise((r) => setImmediate(r)); // let some writes start in between
    }
    await Promise.all(pending);
    expect(doc.stats.writes).toBeLessThanOrEqual(10);
    expect(doc.stats.stringifies).toBe(doc.stats.writes);
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'counter.json'), 'utf8'));
    expect(onDisk.n).toBe(200);
    expect(onDisk.log).toHaveLength(200);
  });

  it('updates made while a write is in flight cost a single extra stringify', async () => {
    const dir = tempDir();
    const doc = await openDocument(createContext(dir), 'counter', counterOpts);
    const first = doc.update((d) => void (d.n = 1));
    await new Promise((r) => setImmediate(r)); // first write has started
    const rest = Array.from({ length: 100 }, (_, i) => doc.update((d) => void (d.n = i + 2)));
    await Promise.all([first, ...rest]);
    expect(doc.stats.stringifies).toBe(2);
    expect(JSON.parse(readFileSync(path.join(dir, 'counter.json'), 'utf8')).n).toBe(101);
  });

  it('validates with the optional schema on read', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'counter.json'), '{"schemaVersion":1,"n":"five","log":[]}');
    const ctx = createContext(dir);
    const schema = z.object({ n: z.number(), log: z.array(z.number()) });
    const doc = await openDocument(ctx, 'counter', { ...counterOpts, schema });
    expect(ctx.problems[0]).toMatchObject({ kind: 'schema-invalid' });
    expect(ctx.problems[0]!.detail).toMatch(/field "n"/);
    expect(doc.data.n).toBe(0);
  });
});

describe('migrations', () => {
  interface V3 {
    fullName: string;
    tags: string[];
    extra: boolean;
  }
  const migrations = [
    (d: Record<string, unknown>) => ({ fullName: `${d.first} ${d.last}`, tags: [] }),
    (d: Record<string, unknown>) => ({ ...d, extra: true }),
  ];

  it('applies pure migrations in order on read, and writes the new version only on update', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'profile.json');
    const v1 = '{"schemaVersion":1,"first":"Léa","last":"Martin"}';
    writeFileSync(file, v1);
    const doc = await openDocument<V3>(createContext(dir), 'profile', {
      schemaVersion: 3,
      migrations,
      defaults: { fullName: '', tags: [], extra: false },
    });
    expect(doc.data).toEqual({ schemaVersion: 3, fullName: 'Léa Martin', tags: [], extra: true });
    expect(readFileSync(file, 'utf8')).toBe(v1);
    await doc.update((d) => d.tags.push('vip'));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      schemaVersion: 3,
      fullName: 'Léa Martin',
      tags: ['vip'],
      extra: true,
    });
  });

  it('starts a v2 file at the second migration', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'profile.json'), '{"schemaVersion":2,"fullName":"Zoé Petit","tags":["a"]}');
    const doc = await openDocument<V3>(createContext(dir), 'profile', {
      schemaVersion: 3,
      migrations,
      defaults: { fullName: '', tags: [], extra: false },
    });
    expect(doc.data).toEqual({ schemaVersion: 3, fullName: 'Zoé Petit', tags: ['a'], extra: true });
  });

  it('refuses a spec whose migrations do not match its version', async () => {
    await expect(
      openDocument(createContext(tempDir()), 'x', { schemaVersion: 2, migrations: [], defaults: {} }),
    ).rejects.toThrow(/needs 1 migrations/);
  });

  it('leaves a file with a newer schema untouched, reports it, and refuses updates', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'counter.json');
    const newer = '{"schemaVersion":7,"n":99,"futureField":{}}';
    writeFileSync(file, newer);
    const ctx = createContext(dir);
    const doc = await openDocument(ctx, 'counter', counterOpts);
    expect(ctx.problems).toHaveLength(1);
    expect(ctx.problems[0]).toMatchObject({ kind: 'newer-schema', file });
    expect(ctx.problems[0]!.movedTo).toBeUndefined();
    expect(doc.readOnly).toBe(true);
    await expect(doc.update((d) => void (d.n = 1))).rejects.toThrow(/newer schema/);
    await doc.flush();
    expect(readFileSync(file, 'utf8')).toBe(newer);
    expect(readdirSync(dir).sort()).toEqual(['counter.json']);
  });
});

describe('durable write', () => {
  it('retries rename on EPERM/EBUSY (Windows antivirus) and leaves no temp file', async () => {
    const dir = tempDir();
    let failures = 0;
    const flaky: FsDeps = {
      ...nodeFs,
      rename: async (from, to) => {
        if (failures < 3) {
          failures++;
          throw Object.assign(new Error('operation not permitted'), { code: failures === 2 ? 'EBUSY' : 'EPERM' });
        }
        return nodeFs.rename(from, to);
      },
    };
    const doc = await openDocument(createContext(dir, { fs: flaky }), 'counter', counterOpts);
    await doc.update((d) => void (d.n = 3));
    expect(failures).toBe(3);
    expect(JSON.parse(readFileSync(path.join(dir, 'counter.json'), 'utf8')).n).toBe(3);
    expect(readdirSync(dir)).toEqual(['counter.json']);
  });

  it('gives up after the bounded backoff, keeps the old file and cleans the temp file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.json');
    writeFileSync(file, 'old');
    let attempts = 0;
    const locked: FsDeps = {
      ...nodeFs,
      rename: async () => {
        attempts++;
        throw Object.assign(new Error('locked'), { code: 'EPERM' });
      },
    };
    await expect(writeFileDurably(file, 'new', { fs: locked, retryDelaysMs: [1, 2, 4] })).rejects.toMatchObject({
      code: 'EPERM',
    });
    expect(attempts).toBe(4);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('does not retry errors that are not transient', async () => {
    const dir = tempDir();
    let attempts = 0;
    const failing: FsDeps = {
      ...nodeFs,
      rename: async () => {
        attempts++;
        throw Object.assign(new Error('nope'), { code: 'ENOSPC' });
      },
    };
    await expect(writeFileDurably(path.join(dir, 'b.json'), 'x', { fs: failing })).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(attempts).toBe(1);
  });

  it('creates missing parent dirs for nested documents', async () => {
    const dir = tempDir();
    const c = clock();
    const doc = await openDocument(createContext(dir, { now: c.now }), 'templates/sms', counterOpts);
    await doc.update((d) => void (d.n = 1));
    expect(existsSync(path.join(dir, 'templates', 'sms.json'))).toBe(true);
  });
});

describe('stale temp files', () => {
  it('are removed at open when their writer is dead, kept when it is alive', async () => {
    const dir = tempDir();
    const { writeFileSync, readdirSync: ls } = await import('node:fs');
    writeFileSync(path.join(dir, '.counter.json.999999999.1.tmp'), '{"schemaVersion":1,"n":');
    writeFileSync(path.join(dir, `.other.json.${process.ppid}.1.tmp`), 'in progress');
    await openDocument(createContext(dir), 'counter', counterOpts);
    expect(ls(dir)).toEqual([`.other.json.${process.ppid}.1.tmp`]);
  });
});
