import { z } from 'zod';
import {
  CallbackListSchema,
  type CallbackEntry,
  type CallbackList,
  type ListProgress,
} from '../../shared/domain/callback-list';
import type { Collection, Store } from '../store';

/**
 * Callback lists: the lists themselves in the document `callback-lists.json`, their entries in
 * the sharded collection `callback-entries` (id `<listId>~<leadId>`), so marking one entry
 * rewrites one small shard, not a list of thousands.
 */
export interface CallbackLists {
  all(): CallbackList[];
  get(id: string): CallbackList | undefined;
  entries(listId: string): CallbackEntry[];
  entry(id: string): CallbackEntry | undefined;
  progress(listId: string): ListProgress;
  /** Entries first, then the list: a crash in between leaves unlisted entries, never a list without them. */
  create(list: CallbackList, entries: readonly CallbackEntry[]): Promise<void>;
  /** Updates entries (in memory at once, then on disk before resolving). */
  put(entries: readonly CallbackEntry[]): Promise<void>;
  remove(entryIds: readonly string[]): Promise<void>;
  touch(listId: string, at: string): Promise<void>;
  delete(listId: string): Promise<boolean>;
}

const FileSchema = z.object({ lists: z.array(CallbackListSchema) });
type ListsFile = z.infer<typeof FileSchema>;

export async function openCallbackLists(store: Store): Promise<CallbackLists> {
  const doc = await store.document<ListsFile>('callback-lists', {
    schemaVersion: 1,
    migrations: [],
    schema: FileSchema,
    defaults: { lists: [] },
  });
  // Entries are written only through this module, from valid builders: not re-validated on read.
  const col: Collection<CallbackEntry> = await store.collection<CallbackEntry>('callback-entries');
  // Each list's current entries, by id: a pick reads a whole list once per call, and looking
  // each entry up in the collection hashed its id to find its shard (1.2 ms a pick for 1000).
  const byList = new Map<string, Map<string, CallbackEntry>>();
  const index = (e: CallbackEntry) => {
    let list = byList.get(e.listId);
    if (!list) byList.set(e.listId, (list = new Map()));
    list.set(e.id, e);
  };
  for (const e of col.all()) index(e as CallbackEntry);
  /** Starts the write; the lists show what the collection now holds (nothing changes if it refused). */
  const write = (items: readonly CallbackEntry[]): Promise<void> => {
    const written = col.putMany(items);
    for (const e of items) {
      const current = col.get(e.id);
      if (current) index(current as CallbackEntry);
    }
    return written;
  };

  const entries = (listId: string): CallbackEntry[] => [...(byList.get(listId)?.values() ?? [])];

  return {
    all: () => structuredClone(doc.data.lists) as CallbackList[],
    get: (id) => {
      const found = doc.data.lists.find((l) => l.id === id);
      return found ? (structuredClone(found) as CallbackList) : undefined;
    },
    entries,
    entry: (id) => col.get(id) as CallbackEntry | undefined,
    progress(listId) {
      const p: ListProgress = { total: 0, toCall: 0, calling: 0, done: 0, skipped: 0 };
      for (const e of entries(listId)) {
        p.total++;
        if (e.status === 'to-call') p.toCall++;
        else if (e.status === 'calling') p.calling++;
        else if (e.status === 'done') p.done++;
        else p.skipped++;
      }
      return p;
    },
    async create(list, items) {
      await write(items);
      await doc.update((data) => {
        data.lists.push(list);
      });
    },
    put: write,
    async remove(ids) {
      const gone = ids.map((id) => col.get(id)).filter((e): e is NonNullable<typeof e> => e !== undefined);
      for (const e of gone) byList.get(e.listId)?.delete(e.id);
      await Promise.all(gone.map((e) => col.delete(e.id)));
    },
    async touch(listId, at) {
      await doc.update((data) => {
        const list = data.lists.find((l) => l.id === listId);
        if (list) list.updatedAt = at;
      });
    },
    async delete(listId) {
      if (!doc.data.lists.some((l) => l.id === listId)) return false;
      // The list first: if the entries' removal is cut short, orphans are harmless and unseen.
      await doc.update((data) => {
        data.lists = data.lists.filter((l) => l.id !== listId);
      });
      const ids = [...(byList.get(listId)?.keys() ?? [])];
      byList.delete(listId);
      await Promise.all(ids.map((id) => col.delete(id)));
      return true;
    },
  };
}
