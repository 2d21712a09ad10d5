import path from 'node:path';
import { Low } from 'lowdb';
import type { StoreContext } from './context';
import { ensureDir, removeStaleTemps } from './durable-write';
import { DurableFile } from './durable-file';
import { StoreError } from './problems';
import { assertSpec, decodeVersioned, type Versioned, type VersionedSpec } from './schema-version';

export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export interface DocumentOptions<T> extends VersionedSpec<T> {
  defaults: T | (() => T);
}

export interface Document<T> {
  readonly file: string;
  /** Live view of the current state; change it only through update(). */
  readonly data: DeepReadonly<T>;
  /** True when the file on disk has a newer schema: updates are refused. */
  readonly readOnly: boolean;
  /** Applies fn to the state; resolves when that state (or a newer one) is on disk. */
  update(fn: (draft: T) => void): Promise<void>;
  flush(): Promise<void>;
  /** Write/serialisation counters (for tests and benchmarks). */
  readonly stats: { readonly writes: number; readonly stringifies: number };
}

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

export function documentPath(dataDir: string, name: string): string {
  if (!NAME_RE.test(name) || name.includes('..')) throw new Error(`invalid document name: ${name}`);
  return path.join(dataDir, ...name.split('/')) + '.json';
}

/** A small JSON document `<dataDir>/<name>.json` (settings, templates…) held by lowdb. */
export async function openDocument<T extends object>(
  ctx: StoreContext,
  name: string,
  options: DocumentOptions<T>,
): Promise<Document<T>> {
  assertSpec(name, options);
  const file = documentPath(ctx.dataDir, name);
  await ensureDir(path.dirname(file));
  await removeStaleTemps(path.dirname(file));
  // schemaVersion first so every file reads `{"schemaVersion":N,…}`.
  const makeDefaults = (): Versioned<T> => ({
    schemaVersion: options.schemaVersion,
    ...structuredClone(typeof options.defaults === 'function' ? (options.defaults as () => T)() : options.defaults),
  });
  const adapter = new DurableFile<Versioned<T>>(file, ctx, { decode: (raw) => decodeVersioned(raw, options) });
  const db = new Low<Versioned<T>>(adapter, makeDefaults());
  await db.read();

  return {
    file,
    get data() {
      return db.data as DeepReadonly<T>;
    },
    get readOnly() {
      return adapter.readOnly;
    },
    get stats() {
      return adapter.stats;
    },
    async update(fn) {
      if (adapter.readOnly) throw new StoreError('read-only', `${file} has a newer schema than this app; not written`);
      fn(db.data);
      db.data.schemaVersion = options.schemaVersion;
      await db.write();
    },
    flush: () => adapter.flush(),
  };
}
