import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  CallbackListFilterSchema,
  CreateCallbackListInputSchema,
  MAX_LIST_ENTRIES,
  type CallbackEntry,
  type CallbackList,
  type CallbackListFilter,
  type CallbackListPage,
  type CallbackListSummary,
  type CreateCallbackListInput,
} from '../../shared/domain/callback-list';
import type { Lead } from '../../shared/domain/lead';
import { AppFailure } from '../../shared/result';
import { newRecordId } from '../store';
import type { CallbackLists } from './callback-lists';
import type { LeadAccess } from './lead-access';
import { checkedAgain, newEntry, recheckSkipped, refreshEntries, selectLeads, type LeadCheck } from './list-build';
import { listRows } from './list-view';

/** Skipped entries checked per turn (a check is ~10-20 µs once its reasons' words are known). */
const RECHECK_SLICE = 500;

export interface ListServiceDeps {
  lists: CallbackLists;
  leads: Pick<LeadAccess, 'ready' | 'query'>;
  /** A lead, or undefined (unknown, or leads still loading). */
  peek: (id: string) => Lead | undefined;
  lastCallAt: (leadId: string) => number | undefined;
  /** The dialer's check before a pick (numbers, do-not-call list, calling rules), for skipped entries. */
  check: LeadCheck;
  /** True while a dialer session works this list (it cannot be deleted then). */
  inSession: (listId: string) => boolean;
  now: () => number;
  seller: () => string;
  changed: (ids: string[]) => void;
}

/** Making, reading, refreshing and deleting callback lists. */
export interface ListService {
  all(): CallbackListSummary[];
  page(input: { id: string; offset?: number; limit?: number }): Promise<CallbackListPage>;
  countFilter(filter: CallbackListFilter): Promise<number>;
  create(input: CreateCallbackListInput): Promise<CallbackListSummary>;
  /** New matches in, unmatched uncalled entries out, skipped entries checked again (filter lists only). */
  refresh(id: string): Promise<CallbackListSummary>;
  /**
   * Offers again the entries the dialer's check skipped (calling rules, do-not-call list, no
   * number) once it allows them, and renews the reason of those it still refuses differently
   * (see recheckSkipped in list-build.ts): at a refresh and a session start. Resolves with how
   * many came back to be called.
   */
  recheckSkipped(id: string): Promise<number>;
  delete(id: string): Promise<boolean>;
  /** The list, or not-found naming `field`. */
  require(id: string, field?: string): CallbackList;
}

export function createListService(deps: ListServiceDeps): ListService {
  const { lists, leads } = deps;
  const require = (id: string, field = 'id'): CallbackList => {
    const list = lists.get(id);
    if (!list) throw new AppFailure('not-found', `no callback list ${id}`, field);
    return list;
  };
  const summary = (list: CallbackList): CallbackListSummary => ({ ...list, progress: lists.progress(list.id) });
  const matching = async (filter: CallbackListFilter): Promise<Lead[]> => {
    const parsed = CallbackListFilterSchema.parse(filter);
    await leads.ready();
    const matched = leads.query(parsed.query ?? { text: '', sort: 'name', direction: 'asc' });
    return selectLeads(matched, parsed, deps.lastCallAt);
  };
  // Checked in slices, so a list of thousands skipped at night does not hold the process; an
  // entry changed meanwhile (a session claimed it, a refresh removed it) keeps its change, since
  // entries are replaced on every write, never changed in place. Returns the changes to put
  // now, in the turn that kept them.
  const recheck = async (id: string): Promise<CallbackEntry[]> => {
    const at = new Date(deps.now());
    const read = lists.entries(id).filter(checkedAgain);
    const changed: CallbackEntry[] = [];
    for (let i = 0; i < read.length; i += RECHECK_SLICE) {
      if (i > 0) await nextTurn();
      changed.push(...recheckSkipped(read.slice(i, i + RECHECK_SLICE), deps.peek, deps.check, at));
    }
    const seen = new Map(read.map((e) => [e.id, e]));
    return changed.filter((e) => lists.entry(e.id) === seen.get(e.id));
  };
  const selection = async (leadIds: readonly string[]): Promise<Lead[]> => {
    await leads.ready();
    const selected: Lead[] = [];
    const seen = new Set<string>();
    leadIds.forEach((id, i) => {
      if (seen.has(id)) return;
      seen.add(id);
      const lead = deps.peek(id);
      if (!lead) throw new AppFailure('invalid-request', `no lead ${id}`, `source.leadIds.${i}`);
      selected.push(lead);
    });
    return selected;
  };

  return {
    all: () => lists.all().map(summary),
    require,
    async page({ id, offset = 0, limit = 100 }) {
      const list = require(id);
      await leads.ready();
      const rows = listRows(lists.entries(id), deps.peek, deps.lastCallAt);
      return { list: summary(list), total: rows.length, offset, items: rows.slice(offset, offset + limit) };
    },
    countFilter: async (filter) => (await matching(filter)).length,
    async create(input) {
      const { name, source, scope } = CreateCallbackListInputSchema.parse(input);
      const selected = source.kind === 'selection' ? await selection(source.leadIds) : await matching(source.filter);
      if (selected.length === 0) throw new AppFailure('invalid-request', 'the filter selects no lead', 'source.filter');
      if (selected.length > MAX_LIST_ENTRIES)
        throw new AppFailure('invalid-request', `a callback list holds at most ${MAX_LIST_ENTRIES} leads`, 'source');
      const at = new Date(deps.now()).toISOString();
      const list: CallbackList = {
        id: newRecordId(deps.now()),
        name,
        source,
        scope,
        createdBy: deps.seller(),
        createdAt: at,
        updatedAt: at,
      };
      await lists.create(
        list,
        selected.map((lead) => newEntry(list.id, lead, scope, at)),
      );
      deps.changed([list.id]);
      return summary(list);
    },
    async refresh(id) {
      const list = require(id);
      if (list.source.kind !== 'filter')
        throw new AppFailure('invalid-request', 'a list made from a selection has fixed leads', 'id');
      const at = new Date(deps.now()).toISOString();
      const matched = await matching(list.source.filter);
      const { added, removed } = refreshEntries(lists.entries(id), matched, id, list.scope, at);
      // Both change the entries in memory now, in the turn that read them: awaiting one before
      // starting the other let a session claim an entry that was then removed while dialled.
      await Promise.all([lists.put(added), lists.remove(removed)]);
      const rechecked = await recheck(id);
      if (rechecked.length > 0) await lists.put(rechecked);
      await lists.touch(id, at);
      deps.changed([id]);
      return summary(require(id));
    },
    async recheckSkipped(id) {
      require(id);
      await leads.ready();
      const rechecked = await recheck(id);
      if (rechecked.length === 0) return 0;
      await lists.put(rechecked);
      deps.changed([id]);
      return rechecked.filter((e) => e.status === 'to-call').length;
    },
    async delete(id) {
      if (deps.inSession(id)) throw new AppFailure('conflict', 'a dialer session is working this list', 'id');
      const deleted = await lists.delete(id);
      if (deleted) deps.changed([id]);
      return deleted;
    },
  };
}
