import { type BackupPolicy } from './backups';
import { openCollection, type Collection, type CollectionOptions } from './collection';
import { createContext } from './context';
import { openDocument, type Document, type DocumentOptions } from './document';
import { lockDataDir } from './data-dir-lock';
import { ensureDir } from './durable-write';
import type { FsDeps } from './fs-deps';
import { Journal } from './journal';
import type { StoreProblem } from './problems';
import { callsByLead, type CallsByLead, type Projection } from './projection';

export { checkStore, type StoreCheckReport, type FileCheck } from './check';
export { removeStaleTemps, writeFileDurably, type DurableWriteOptions } from './durable-write';
export { quarantineFile } from './quarantine';
export { newRecordId, idTime, idMonth } from './ids';
export { Journal, type AppendResult, type ScanRange, type JournalOptions } from './journal';
export type { JournalReport, JournalSegmentReport } from './journal-verify';
export { callsByLead, type CallsByLead, type LeadCallStats, type Projection } from './projection';
export { StoreError, type StoreProblem, type StoreProblemKind } from './problems';
export { DATA_DIR_LOCK } from './data-dir-lock';
export type { Document, DocumentOptions, DeepReadonly } from './document';
export type { Migration } from './schema-version';
export type { Collection, CollectionOptions, ItemMigration } from './collection';
export type { BackupPolicy } from './backups';
export type { FsDeps } from './fs-deps';

export interface OpenStoreOptions {
  dataDir: string;
  /** Clock for ids, backups and problem times (tests). */
  now?: () => number;
  /** Injected fs calls (tests simulate Windows EPERM on rename). */
  fs?: FsDeps;
  backupPolicy?: BackupPolicy;
  /** Journal checkpoint cadence in records. */
  checkpointEvery?: number;
  /** Extra journal projections, besides the built-in callsByLead. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each projection has its own snapshot type
  projections?: readonly Projection<any>[];
}

export interface Store {
  readonly dataDir: string;
  /** Everything found wrong so far (at open and since); shown to the user. */
  readonly problems: readonly StoreProblem[];
  readonly journal: Journal;
  /** leadId -> { count, lastCallAt }, maintained from the journal. */
  readonly callsByLead: CallsByLead;
  /** `<dataDir>/<name>.json`; opening a name twice returns the same document. */
  document<T extends object>(name: string, options: DocumentOptions<T>): Promise<Document<T>>;
  /** `<dataDir>/<name>/<shard>.json`; opening a name twice returns the same collection. */
  collection<T extends { id: string }>(name: string, options?: CollectionOptions<T>): Promise<Collection<T>>;
  /** Called for every problem found after this call. */
  onProblem(listener: (problem: StoreProblem) => void): () => void;
  /** Resolves when every write requested so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const listeners = new Set<(p: StoreProblem) => void>();
  const ctx = createContext(options.dataDir, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.fs ? { fs: options.fs } : {}),
    ...(options.backupPolicy ? { backupPolicy: options.backupPolicy } : {}),
    report: (p) => {
      for (const l of listeners) l(p);
    },
  });
  await ensureDir(options.dataDir);
  const lock = await lockDataDir(options.dataDir);
  const byLead = callsByLead();
  let journal: Journal;
  try {
    journal = await Journal.open({
      dataDir: options.dataDir,
      now: ctx.now,
      projections: [byLead, ...(options.projections ?? [])],
      report: ctx.report,
      ...(options.checkpointEvery ? { checkpointEvery: options.checkpointEvery } : {}),
    });
  } catch (error) {
    await lock.release();
    throw error;
  }
  // One instance per file: two writers on one file would race their renames.
  /* eslint-disable @typescript-eslint/no-explicit-any -- one cache for documents and collections of every type */
  const documents = new Map<string, Promise<Document<any>>>();
  const collections = new Map<string, Promise<Collection<any>>>();
  /* eslint-enable @typescript-eslint/no-explicit-any */

  const store: Store = {
    dataDir: options.dataDir,
    problems: ctx.problems,
    journal,
    callsByLead: byLead,
    document<T extends object>(name: string, docOptions: DocumentOptions<T>) {
      let doc = documents.get(name);
      if (!doc) {
        doc = openDocument(ctx, name, docOptions);
        documents.set(name, doc);
        doc.catch(() => documents.delete(name));
      }
      return doc as Promise<Document<T>>;
    },
    collection<T extends { id: string }>(name: string, colOptions?: CollectionOptions<T>) {
      let col = collections.get(name);
      if (!col) {
        col = openCollection(ctx, name, colOptions);
        collections.set(name, col);
        col.catch(() => collections.delete(name));
      }
      return col as Promise<Collection<T>>;
    },
    onProblem(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async flush() {
      await journal.idle();
      await Promise.all(
        [...documents.values(), ...collections.values()].map(async (p) => (await p.catch(() => null))?.flush()),
      );
    },
    async close() {
      try {
        await store.flush();
        await journal.close();
      } finally {
        await lock.release();
      }
    },
  };
  return store;
}
