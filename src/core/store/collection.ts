import { setImmediate as nextTurn } from 'node:timers/promises';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { StoreContext } from './context';
import { ensureDir, removeStaleTemps } from './durable-write';
import { DurableFile, type Decoded } from './durable-file';
import type { DeepReadonly } from './document';
import { StoreError } from './problems';

/** Upgrades one item from version i+1 to i+2 (`itemMigrations[0]`: v1 -> v2). Must be pure. */
export type ItemMigration = (item: Record<string, unknown>) => Record<string, unknown>;

export interface CollectionOptions<T> {
  schemaVersion?: number;
  itemMigrations?: readonly ItemMigration[];
  /** Checked on put and on read (a shard with an invalid item is treated as damaged). */
  itemSchema?: z.ZodType<T>;
  /** Shards for a NEW collection; an existing one keeps the count in its manifest. */
  shards?: number;
  /**
   * Called on every item read from disk, shard by shard as each is parsed, before anyone sees
   * it (the leads share repeated strings here: done later, the copies it drops have already
   * been promoted to the old generation and stay in memory until a full collection).
   */
  onLoad?: (item: T) => void;
}

export interface Collection<T extends { id: string }> {
  readonly dir: string;
  readonly shardCount: number;
  readonly size: number;
  get(id: string): DeepReadonly<T> | undefined;
  all(): IterableIterator<DeepReadonly<T>>;
  /** Stores `item` by reference: do not mutate it afterwards. Resolves when its shard is on disk. */
  put(item: T): Promise<void>;
  putMany(items: Iterable<T>): Promise<void>;
  /** Resolves true if the item existed, once its shard is on disk. */
  delete(id: string): Promise<boolean>;
  flush(): Promise<void>;
  /** Total writes/serialisations over all shards. */
  stats(): { writes: number; stringifies: number };
}

// 64 shards for 100k leads of ~700 B: ~1.1 MB per shard, so one edit stringifies+writes ~1.1 MB
// (a few ms, well under the 50 ms event-loop budget) while a cold open still reads only 65 files.
// Measured with `npm run bench` (see bench/results.json, "shards" section).
export const DEFAULT_SHARDS = 64;

interface ShardData<T> {
  schemaVersion: number;
  items: Map<string, T>;
}

interface Shard<T> {
  data: ShardData<T>;
  file: DurableFile<ShardData<T>>;
}

/** FNV-1a 32-bit over UTF-16 code units: stable across versions and platforms. */
export function shardOf(id: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

const shardName = (i: number, shards: number) =>
  `${i.toString(16).padStart(Math.max(2, (shards - 1).toString(16).length), '0')}.json`;

/**
 * A large keyed collection (leads) split into shard files `<dataDir>/<name>/<shard>.json` by a
 * stable hash of the id, so one edit rewrites one shard (~1/64 of the data), not the whole set.
 */
export async function openCollection<T extends { id: string }>(
  ctx: StoreContext,
  name: string,
  options: CollectionOptions<T> = {},
): Promise<Collection<T>> {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) throw new Error(`invalid collection name: ${name}`);
  const schemaVersion = options.schemaVersion ?? 1;
  const migrations = options.itemMigrations ?? [];
  if (migrations.length !== schemaVersion - 1) {
    throw new Error(
      `${name}: schemaVersion ${schemaVersion} needs ${schemaVersion - 1} item migrations, got ${migrations.length}`,
    );
  }
  const dir = path.join(ctx.dataDir, name);
  await ensureDir(dir);
  await removeStaleTemps(dir);
  const { shards: shardCount, created } = await readShardCount(ctx, dir, options.shards ?? DEFAULT_SHARDS);

  const decode = (raw: unknown): Decoded<ShardData<T>> =>
    decodeShard(raw, schemaVersion, migrations, options.itemSchema, options.onLoad);
  const stringify = (d: ShardData<T>) =>
    JSON.stringify({ schemaVersion: d.schemaVersion, items: [...d.items.values()] });

  const shards: Shard<T>[] = await mapLimited(shardCount, READ_CONCURRENCY, async (i) => {
    const file = new DurableFile<ShardData<T>>(path.join(dir, shardName(i, shardCount)), ctx, { decode, stringify });
    const data = (await file.read()) ?? { schemaVersion, items: new Map<string, T>() };
    data.schemaVersion = schemaVersion;
    return { data, file };
  });
  // Every shard exists from the start, so the file names alone always tell the shard count.
  if (created) await Promise.all(shards.map((s) => s.file.write(s.data)));
  let size = shards.reduce((n, s) => n + s.data.items.size, 0);
  const shardFor = (id: string) => shards[shardOf(id, shardCount)]!;
  const check = (item: T): T => {
    if (typeof item?.id !== 'string' || item.id.length === 0)
      throw new StoreError('invalid-record', `${name}: item without a string "id"`);
    if (!options.itemSchema) return item;
    const r = options.itemSchema.safeParse(item);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new StoreError(
        'invalid-record',
        `${name}: field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`,
      );
    }
    return r.data;
  };
  const writable = (shard: Shard<T>): Shard<T> => {
    if (shard.file.readOnly)
      throw new StoreError('read-only', `${shard.file.file} has a newer schema than this app; not written`);
    return shard;
  };
  const set = (item: T): Shard<T> => {
    const shard = writable(shardFor(item.id));
    if (!shard.data.items.has(item.id)) size++;
    shard.data.items.set(item.id, item);
    return shard;
  };

  return {
    dir,
    shardCount,
    get size() {
      return size;
    },
    get: (id) => shardFor(id).data.items.get(id) as DeepReadonly<T> | undefined,
    *all() {
      for (const s of shards) yield* s.data.items.values() as IterableIterator<DeepReadonly<T>>;
    },
    async put(item) {
      const shard = set(check(item));
      await shard.file.write(shard.data);
    },
    async putMany(items) {
      const checked = [...items].map(check); // all valid or nothing changes
      for (const item of checked) writable(shardFor(item.id));
      const touched = new Set(checked.map(set));
      const writes: Promise<void>[] = [];
      for (const shard of touched) {
        const written = shard.file.write(shard.data);
        written.catch(() => undefined); // handled below, by Promise.all: not an unhandled rejection meanwhile
        writes.push(written);
        // A shard is stringified as its write starts (~18 ms at 100k leads): one macrotask apart,
        // a big import's 64 shards never hold up the event loop for a second at once.
        if (touched.size > 1) await nextTurn();
      }
      await Promise.all(writes);
    },
    async delete(id) {
      const shard = writable(shardFor(id));
      if (!shard.data.items.delete(id)) return false;
      size--;
      await shard.file.write(shard.data);
      return true;
    },
    async flush() {
      await Promise.all(shards.map((s) => s.file.flush()));
    },
    stats() {
      let writes = 0;
      let stringifies = 0;
      for (const s of shards) {
        writes += s.file.stats.writes;
        stringifies += s.file.stats.stringifies;
      }
      return { writes, stringifies };
    },
  };
}

// Shards are parsed one at a time on this thread whatever the concurrency: reading all 64 at once
// only held every file's bytes and text in memory together (+100 MB of peak RSS at 100k leads).
const READ_CONCURRENCY = 4;

/** fn(0) … fn(count - 1) with at most `limit` running at once; results in index order. */
async function mapLimited<R>(count: number, limit: number, fn: (i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      out[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return out;
}

function decodeShard<T extends { id: string }>(
  raw: unknown,
  schemaVersion: number,
  migrations: readonly ItemMigration[],
  itemSchema: z.ZodType<T> | undefined,
  onLoad: ((item: T) => void) | undefined,
): Decoded<ShardData<T>> {
  const r = raw as { schemaVersion?: unknown; items?: unknown } | null;
  if (!r || typeof r !== 'object' || typeof r.schemaVersion !== 'number' || !Array.isArray(r.items)) {
    return { ok: false, kind: 'schema-invalid', detail: 'expected { schemaVersion, items: [] }' };
  }
  if (r.schemaVersion > schemaVersion) {
    return {
      ok: false,
      kind: 'newer-schema',
      detail: `schemaVersion ${r.schemaVersion} is newer than ${schemaVersion} known by this app`,
    };
  }
  const items = new Map<string, T>();
  for (const [i, original] of (r.items as Record<string, unknown>[]).entries()) {
    let item = original;
    for (let v = r.schemaVersion; v < schemaVersion; v++) item = migrations[v - 1]!(item);
    if (typeof item?.id !== 'string')
      return { ok: false, kind: 'schema-invalid', detail: `item ${i} has no string "id"` };
    if (itemSchema) {
      const checked = itemSchema.safeParse(item);
      if (!checked.success)
        return {
          ok: false,
          kind: 'schema-invalid',
          detail: `item ${i} (${item.id}): ${checked.error.issues[0]?.message}`,
        };
      items.set(item.id, checked.data);
    } else {
      items.set(item.id, item as unknown as T);
    }
  }
  if (onLoad) for (const item of items.values()) onLoad(item);
  return { ok: true, value: { schemaVersion, items } };
}

/** The shard count is fixed when the collection is created (hashing depends on it): kept in a manifest. */
async function readShardCount(
  ctx: StoreContext,
  dir: string,
  wanted: number,
): Promise<{ shards: number; created: boolean }> {
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > 4096) throw new Error(`invalid shard count ${wanted}`);
  type Manifest = { schemaVersion: number; shards: number };
  const manifest = new DurableFile<Manifest>(path.join(dir, '_manifest.json'), ctx, {
    decode: (raw) => {
      const m = raw as Partial<Manifest> | null;
      if (!m || m.schemaVersion !== 1 || !Number.isInteger(m.shards) || m.shards! < 1) {
        return typeof m?.schemaVersion === 'number' && m.schemaVersion > 1
          ? { ok: false, kind: 'newer-schema', detail: `manifest schemaVersion ${m.schemaVersion}` }
          : { ok: false, kind: 'schema-invalid', detail: 'expected { schemaVersion: 1, shards }' };
      }
      return { ok: true, value: m as Manifest };
    },
  });
  const existing = await manifest.read();
  if (existing) return { shards: existing.shards, created: false };
  // Manifest lost but shards present: the file names tell the count (always 0..n-1).
  const names = (await readdir(dir)).filter((n) => /^[0-9a-f]+\.json$/.test(n));
  const shards = names.length > 0 ? Math.max(...names.map((n) => parseInt(n, 16))) + 1 : wanted;
  if (manifest.readOnly) return { shards, created: false };
  await manifest.write({ schemaVersion: 1, shards });
  return { shards, created: names.length === 0 };
}
