import { z } from 'zod';
import type { Store } from '../store';

const MergeRecordSchema = z.object({
  /** The lead merged away (deleted). */
  from: z.string().min(1),
  /** The lead it went into. */
  into: z.string().min(1),
  at: z.string(),
});
const MergedLeadsFileSchema = z.object({ merges: z.array(MergeRecordSchema) });
type MergedLeadsFile = z.infer<typeof MergedLeadsFileSchema>;

/** The store document `lead-merges.json`. */
export const MERGED_LEADS_DOCUMENT = 'lead-merges';

/**
 * Which lead each merged-away lead went into. The call journal is append-only and its records
 * keep the lead id they were made with, so a call of a lead merged away is found through this:
 * its lead is `resolve(record.leadId)`, and a lead's calls are those of `idsOf(lead)`.
 */
export interface MergedLeads {
  /** The lead this id lives on as: itself when never merged away, else the end of its chain of merges. */
  resolve(id: string): string;
  /** This id and every id merged into it, directly or through a chain (itself first). */
  idsOf(id: string): string[];
  /** Durable: resolves once on disk. `into` is a live lead, so a record saying it went elsewhere is dropped. */
  record(from: string, into: string, at: string): Promise<void>;
  /** Drops the records of leads that exist after all (a merge that did not finish); resolves once on disk. */
  forgetExisting(exists: (id: string) => boolean): Promise<void>;
  /** Called after each change on disk; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

const opened = new WeakMap<Store, Promise<MergedLeads>>();

/** One instance per store: the lead service writes it, the call log and the dialer read it. */
export function openMergedLeads(store: Store): Promise<MergedLeads> {
  let merges = opened.get(store);
  if (!merges) {
    merges = open(store);
    opened.set(store, merges);
    merges.catch(() => opened.delete(store));
  }
  return merges;
}

async function open(store: Store): Promise<MergedLeads> {
  const doc = await store.document<MergedLeadsFile>(MERGED_LEADS_DOCUMENT, {
    schemaVersion: 1,
    migrations: [],
    schema: MergedLeadsFileSchema,
    defaults: { merges: [] },
  });
  const listeners = new Set<() => void>();
  let into = new Map<string, string>();
  let merged = new Map<string, string[]>();
  const rebuild = () => {
    into = new Map(doc.data.merges.map((m) => [m.from, m.into]));
    merged = new Map();
    for (const [from, to] of into) merged.set(to, [...(merged.get(to) ?? []), from]);
  };
  rebuild();
  const changed = () => {
    rebuild();
    for (const listener of listeners) listener();
  };

  return {
    resolve(id) {
      // A file edited by hand could hold a loop: stop at the first id seen twice.
      const seen = new Set([id]);
      let at = id;
      for (let next = into.get(at); next !== undefined && !seen.has(next); next = into.get(at)) {
        seen.add(next);
        at = next;
      }
      return at;
    },
    idsOf(id) {
      // Most leads were never merged into: no set, no walk (the dialer asks this per lead of a list).
      if (!merged.has(id)) return [id];
      const ids = [id];
      const seen = new Set(ids);
      for (let i = 0; i < ids.length; i++) {
        for (const from of merged.get(ids[i]!) ?? []) if (!seen.has(from) && seen.add(from)) ids.push(from);
      }
      return ids;
    },
    async record(from, to, at) {
      await doc.update((data) => {
        data.merges = data.merges.filter((m) => m.from !== from && m.from !== to);
        data.merges.push({ from, into: to, at });
      });
      changed();
    },
    async forgetExisting(exists) {
      if (!doc.data.merges.some((m) => exists(m.from))) return;
      await doc.update((data) => {
        data.merges = data.merges.filter((m) => !exists(m.from));
      });
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
