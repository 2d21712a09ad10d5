import { setImmediate as nextTurn } from 'node:timers/promises';
import { stages, type Lead } from '../../shared/domain/lead';
import type { LeadPage, ParsedLeadQuery } from '../../shared/domain/lead-query';
import { dueWindow, DEFAULT_ZONE } from './callback-due';
import { GramBitsets } from './gram-bitsets';
import {
  consentState,
  leadSummary,
  nameSortKey,
  pendingCallbackTimes,
  searchKey,
  type ConsentState,
} from './lead-facts';
import { searchTerms } from './query-terms';
import { SortedOrder } from './sorted-order';

export type SortKind = ParsedLeadQuery['sort'];
export type IndexQuery = Omit<ParsedLeadQuery, 'sort' | 'direction'> &
  Partial<Pick<ParsedLeadQuery, 'sort' | 'direction'>>;

export interface SearchContext {
  /** The clock and zone for callbackDue ("today" is the dealership's local day). */
  now: number;
  zone?: string;
}

const CONSENT: Record<ConsentState, number> = { none: 0, given: 1, revoked: 2 };
const STAGE_CODE = new Map(stages.map((s, i) => [s, i]));
/** Above this many matches a page is read off the kept sort orders; below, the matches are sorted. */
const SORT_MATCHES_BELOW = 2048;

/** Interned strings (owners, sources, tags) with live counts, for filters and facets. */
class Interned {
  readonly codes = new Map<string, number>();
  readonly names: string[] = [];
  readonly counts: number[] = [];
  code(name: string): number {
    let c = this.codes.get(name);
    if (c === undefined) {
      c = this.names.length;
      this.codes.set(name, c);
      this.names.push(name);
      this.counts.push(0);
    }
    return c;
  }
  live(collator: Intl.Collator): string[] {
    return this.names.filter((_, i) => this.counts[i]! > 0).sort(collator.compare);
  }
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, capacity: number): T {
  if (a.length >= capacity) return a;
  const next = new (a.constructor as new (n: number) => T)(capacity);
  next.set(a);
  return next;
}

/**
 * In-memory index of every lead, kept current by each write (upsert/remove), never rebuilt
 * per query. A lead lives in a slot; per-slot columns hold the folded search key, filter
 * codes and sort values; gram bitsets narrow text queries; sort orders are kept sorted.
 */
export class LeadSearchIndex {
  readonly #region: string;
  readonly #collator = new Intl.Collator('fr', { sensitivity: 'base' });
  #capacity = 0;
  readonly #slotOf = new Map<string, number>();
  readonly #free: number[] = [];
  #ids: string[] = [];
  #leads: (Lead | undefined)[] = [];
  #keys: string[] = [];
  #names: string[] = [];
  #tags: (readonly number[])[] = [];
  #callbacks: (readonly number[])[] = [];
  #stage: Uint8Array = new Uint8Array(0);
  #consent: Uint8Array = new Uint8Array(0);
  #owner: Int32Array = new Int32Array(0);
  #source: Int32Array = new Int32Array(0);
  #created: Float64Array = new Float64Array(0);
  #lastContact: Float64Array = new Float64Array(0);
  #nextCallback: Float64Array = new Float64Array(0);
  #live: Int32Array = new Int32Array(0);
  /** When each slot was last filled (a counter), to build the lookups in that order. */
  #filled: Int32Array = new Int32Array(0);
  #fills = 0;
  readonly #grams = new GramBitsets(0);
  readonly #owners = new Interned();
  readonly #sources = new Interned();
  readonly #tagNames = new Interned();
  /**
   * E.164 / e-mail -> the lead id holding it (an array only when several do: rare, and 100k
   * arrays cost ~5 MB). Only imports ask, so the maps (~8 MB at 100k) are built on the first ask.
   */
  #lookups: { byPhone: Map<string, Ids>; byEmail: Map<string, Ids> } | undefined;
  readonly #orders: Record<SortKind, SortedOrder<string | number>>;
  /** Each list order as positions, built on its first use after a change (see #listOrder). */
  readonly #listOrders = new Map<SortKind, ListOrder>();

  constructor(options: { region?: string } = {}) {
    this.#region = options.region ?? 'FR';
    const id = (s: number) => this.#ids[s]!;
    // Columns are read through `this` on each call: they are reallocated when the index grows.
    const num = (column: () => Float64Array) => (s: number) => {
      const v = column()[s]!;
      return Number.isNaN(v) ? undefined : v;
    };
    this.#orders = {
      name: new SortedOrder((s) => this.#names[s] || undefined, id),
      created: new SortedOrder(
        num(() => this.#created),
        id,
      ),
      lastContact: new SortedOrder(
        num(() => this.#lastContact),
        id,
      ),
      nextCallback: new SortedOrder(
        num(() => this.#nextCallback),
        id,
      ),
    };
  }

  /** Builds the index for many leads at once (load, big imports): one sort per order. */
  static build(leads: Iterable<Lead>, options: { region?: string } = {}): LeadSearchIndex {
    const index = new LeadSearchIndex(options);
    index.upsertMany(leads);
    return index;
  }

  /**
   * The same as build, but yields to the event loop every `chunk` leads so that a 100k-lead
   * load never blocks the process for more than a few milliseconds at a time (calls, acks and
   * the UI keep being served); the orders are sorted once at the end.
   */
  static async buildInChunks(
    leads: readonly Lead[],
    options: { region?: string; chunk?: number } = {},
  ): Promise<LeadSearchIndex> {
    const index = new LeadSearchIndex(options);
    for (const _ of index.#fillBatch(leads, options.chunk ?? 1000)) await nextTurn();
    return index;
  }

  get size(): number {
    return this.#slotOf.size;
  }

  has(id: string): boolean {
    return this.#slotOf.has(id);
  }

  /** Lead ids holding this E.164 number (import dedupe). */
  idsByPhone(e164: string): readonly string[] {
    return idList(this.#lookupMaps().byPhone.get(e164));
  }

  /** Lead ids with this email, case-insensitive (import dedupe). */
  idsByEmail(email: string): readonly string[] {
    return idList(this.#lookupMaps().byEmail.get(email.trim().toLowerCase()));
  }

  /** idsByPhone(e164)[0], without the array. */
  firstIdByPhone(e164: string): string | undefined {
    const ids = this.#lookupMaps().byPhone.get(e164);
    return typeof ids === 'string' ? ids : ids?.[0];
  }

  /** idsByEmail(email)[0], without the array. */
  firstIdByEmail(email: string): string | undefined {
    const ids = this.#lookupMaps().byEmail.get(email.trim().toLowerCase());
    return typeof ids === 'string' ? ids : ids?.[0];
  }

  #lookupMaps(): { byPhone: Map<string, Ids>; byEmail: Map<string, Ids> } {
    if (!this.#lookups) {
      this.#lookups = { byPhone: new Map(), byEmail: new Map() };
      // In the order the slots were last filled: the order the maps would have had from the start.
      const slots = [...this.#slotOf.values()].sort((a, b) => this.#filled[a]! - this.#filled[b]!);
      for (const slot of slots) this.#addLookups(this.#leads[slot]!);
    }
    return this.#lookups;
  }

  #addLookups(lead: Lead): void {
    const maps = this.#lookups;
    if (!maps) return;
    for (const p of lead.contact.phones) addTo(maps.byPhone, p.e164, lead.id);
    if (lead.contact.email) addTo(maps.byEmail, lead.contact.email.trim().toLowerCase(), lead.id);
  }

  upsert(lead: Lead): void {
    const existing = this.#slotOf.get(lead.id);
    if (existing !== undefined) this.#unlink(existing, true);
    const slot = existing ?? this.#allocate(lead.id);
    this.#fill(slot, lead);
    for (const order of Object.values(this.#orders)) order.insert(slot);
  }

  /** Same as upsert for each lead, but re-sorts each order once when the batch is large. */
  upsertMany(leads: Iterable<Lead>): void {
    const batch = [...leads];
    if (this.#small(batch)) for (const lead of batch) this.upsert(lead);
    else for (const _ of this.#fillBatch(batch, batch.length)) continue; // in one go: nothing to yield to
  }

  /**
   * upsertMany for a big import: yields to the event loop every `chunk` leads and between sort
   * orders, so 100k leads (~2 s of work) never hold up requests for more than a few tens of ms.
   * The index is not consistent until it settles: the lead service lets nothing read or write it
   * meanwhile.
   */
  async upsertManyInChunks(leads: readonly Lead[], chunk = 500): Promise<void> {
    if (this.#small(leads)) for (const lead of leads) this.upsert(lead);
    else for (const _ of this.#fillBatch(leads, chunk)) await nextTurn();
  }

  #small(batch: readonly Lead[]): boolean {
    return batch.length < 256 || batch.length < this.size / 16;
  }

  /**
   * Fills a slot per lead without touching the sort orders, then re-sorts each order once:
   * cheaper than sorted inserts for a big batch. Yields after every `chunk` leads and each order.
   */
  *#fillBatch(batch: readonly Lead[], chunk: number): Generator<void> {
    this.#reserve(this.size + batch.length);
    // The lookups are rebuilt on their next use (in fill order: the same maps) rather than
    // kept up to date through 100k fills now, on the import's clock.
    this.#lookups = undefined;
    for (let start = 0; start < batch.length; start += chunk) {
      for (let i = start; i < Math.min(batch.length, start + chunk); i++) {
        const lead = batch[i]!;
        const existing = this.#slotOf.get(lead.id);
        if (existing !== undefined) this.#unlink(existing, false);
        this.#fill(existing ?? this.#allocate(lead.id), lead);
      }
      yield;
    }
    const live = [...this.#slotOf.values()];
    for (const order of Object.values(this.#orders)) {
      order.rebuild(live);
      yield;
    }
    // A list order taken while the orders were being rebuilt (a query in between) is stale.
    this.#listOrders.clear();
  }

  remove(id: string): void {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return;
    this.#unlink(slot, true);
    this.#slotOf.delete(id);
    this.#leads[slot] = undefined;
    this.#live[slot >>> 5]! &= ~(1 << (slot & 31));
    this.#free.push(slot);
  }

  facets(): { total: number; owners: string[]; sources: string[]; tags: string[] } {
    return {
      total: this.size,
      owners: this.#owners.live(this.#collator),
      sources: this.#sources.live(this.#collator),
      tags: this.#tagNames.live(this.#collator),
    };
  }

  search(query: IndexQuery & { offset: number; limit: number }, ctx: SearchContext): LeadPage {
    const { total, slots } = this.#run(query, ctx, query.offset, query.limit);
    return { total, offset: query.offset, items: slots.map((s) => leadSummary(this.#leads[s]!)) };
  }

  /**
   * Runs every list order and filter path once, results dropped, yielding between them. A
   * fresh process runs a 100k-lead loop unoptimised the first time (20-50 ms, against 1-2 ms
   * once V8 has optimised it), so without this the seller's first query of each kind pays it.
   * Only the default order is kept afterwards (each costs about 1 MB at 100k leads).
   */
  async warmUp(ctx: SearchContext): Promise<void> {
    const sorts: SortKind[] = ['name', 'lastContact', 'nextCallback', 'created'];
    const first = (interned: Interned) => (interned.names[0] === undefined ? undefined : [interned.names[0]]);
    const queries: IndexQuery[] = [
      ...sorts.flatMap((sort) => [
        { text: '', sort },
        { text: '', sort, direction: 'desc' as const },
      ]),
      { text: 'ma', stages: ['new', 'contacted'] },
      { text: 'mar', owners: first(this.#owners), sources: first(this.#sources) },
      { text: '06', tags: first(this.#tagNames) },
      { text: '', callbackDue: 'overdue', consent: 'given' },
      { text: '', callbackDue: 'today', consent: 'none' },
      { text: 'du', callbackDue: 'week', consent: 'revoked' },
    ];
    for (const query of queries) {
      this.search({ ...query, offset: 0, limit: 100 }, ctx);
      await nextTurn();
    }
    for (const key of [...this.#listOrders.keys()]) if (key !== 'name') this.#listOrders.delete(key);
  }

  /** Every matching lead in sort order (the exporter). */
  matching(query: IndexQuery, ctx: SearchContext): Lead[] {
    return this.#run(query, ctx, 0, Infinity).slots.map((s) => this.#leads[s]!);
  }

  #run(query: IndexQuery, ctx: SearchContext, offset: number, limit: number): { total: number; slots: number[] } {
    const matches = this.#matches(query, ctx);
    let total = 0;
    for (let i = 0; i < matches.length; i++) total += popcount(matches[i]!);
    const sort = query.sort ?? 'name';
    const desc = query.direction === 'desc';
    const wanted = Math.min(total - offset, limit);
    if (wanted <= 0) return { total, slots: [] };
    if (total < SORT_MATCHES_BELOW) {
      // The matches' positions in the list order, sorted as plain integers: a comparator
      // reading names and ids cost a prefix query ("mart", 1.3k matches) over 1 ms.
      const { position, slotAt, valued } = this.#listOrder(sort);
      // Descending: the leads with a value in reverse, those without still last (see #listOrder).
      const flip = desc ? valued - 1 : -1;
      const positions = new Int32Array(total);
      let n = 0;
      for (let w = 0; w < matches.length; w++) {
        let x = matches[w]!;
        while (x !== 0) {
          const low = x & -x;
          x ^= low;
          const p = position[(w << 5) | (31 - Math.clz32(low))]!;
          positions[n++] = p <= flip ? flip - p : p;
        }
      }
      positions.sort();
      const slots: number[] = [];
      for (let i = offset; i < offset + wanted; i++) {
        const p = positions[i]!;
        slots.push(slotAt[p <= flip ? flip - p : p]!);
      }
      return { total, slots };
    }
    return { total, slots: this.#walk(sort, desc, matches, offset, wanted) };
  }

  /** Bitset of slots matching text and filters. */
  #matches(query: IndexQuery, ctx: SearchContext): Int32Array {
    const candidates = this.#live.slice();
    const allTerms = searchTerms(query.text ?? '', this.#region);
    for (const term of allTerms) if (!this.#grams.narrow(candidates, term)) return candidates.fill(0);
    const terms = allTerms.filter((t) => !GramBitsets.decides(t));
    const f = this.#compileFilter(query, ctx);
    if (f === null) return candidates.fill(0);
    if (terms.length === 0 && f.all) return candidates;
    // Hot loop over up to 100k slots: plain typed-array reads, no closures.
    const { stageMask, owners, sources, tags, consent, due } = f;
    const stage = this.#stage;
    const owner = this.#owner;
    const source = this.#source;
    const consents = this.#consent;
    const keys = this.#keys;
    for (let w = 0; w < candidates.length; w++) {
      let bits = candidates[w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const s = (w << 5) | (31 - Math.clz32(low));
        let ok: boolean =
          ((stageMask >>> stage[s]!) & 1) === 1 &&
          (owners === null || owners[owner[s]!] === 1) &&
          (sources === null || sources[source[s]!] === 1) &&
          (consent < 0 || consents[s] === consent) &&
          (tags === null || this.#tags[s]!.some((t) => tags[t] === 1)) &&
          (due === null || this.#callbacks[s]!.some((t) => t >= due.from && t < due.to));
        if (ok && terms.length > 0) {
          const key = keys[s]!;
          for (let t = 0; ok && t < terms.length; t++) ok = key.includes(terms[t]!);
        }
        if (!ok) candidates[w]! &= ~low;
      }
    }
    return candidates;
  }

  /** The filters as lookup tables; null when no lead can pass (an unknown owner, say). */
  #compileFilter(query: IndexQuery, ctx: SearchContext) {
    const table = (interned: Interned, names: string[] | undefined): Uint8Array | null | false => {
      if (!names?.length) return null;
      const t = new Uint8Array(interned.names.length);
      let any = false;
      for (const n of names) {
        const c = interned.codes.get(n);
        if (c === undefined) continue;
        t[c] = 1;
        any = true;
      }
      return any ? t : false;
    };
    const owners = table(this.#owners, query.owners);
    const sources = table(this.#sources, query.sources);
    const tags = table(this.#tagNames, query.tags);
    if (owners === false || sources === false || tags === false) return null;
    let stageMask = 0x3f;
    if (query.stages?.length) stageMask = query.stages.reduce((m, st) => m | (1 << STAGE_CODE.get(st)!), 0);
    const consent = query.consent ? CONSENT[query.consent] : -1;
    const due = query.callbackDue ? dueWindow(query.callbackDue, ctx.now, ctx.zone ?? DEFAULT_ZONE) : null;
    const all = stageMask === 0x3f && !owners && !sources && !tags && consent < 0 && !due;
    return { stageMask, owners, sources, tags, consent, due, all };
  }

  /**
   * The list for this sort, every live lead in ascending order, and each slot's position in it;
   * kept until the next change to the index. The order: leads with the sort's value by (value,
   * id), then those without it by name, then those without a name by creation. Descending
   * reverses only the first `valued` positions (leads without a next callback stay last either
   * way): read through a flip, not built again.
   */
  #listOrder(sort: SortKind): ListOrder {
    let order = this.#listOrders.get(sort);
    if (order) return order;
    const slotAt = new Int32Array(this.size);
    const primary = this.#orders[sort].slots;
    slotAt.set(primary);
    let n = primary.length;
    // The orders hold only live slots, each order only those with its value.
    const column = sort === 'lastContact' ? this.#lastContact : sort === 'nextCallback' ? this.#nextCallback : null;
    const names = this.#names;
    // Indexed loops: this runs once per change, often before V8 has optimised it.
    const byName = this.#orders.name.slots;
    const byCreation = this.#orders.created.slots;
    if (column) {
      for (let i = 0; i < byName.length; i++) if (Number.isNaN(column[byName[i]!]!)) slotAt[n++] = byName[i]!;
      for (let i = 0; i < byCreation.length; i++) {
        const s = byCreation[i]!;
        if (Number.isNaN(column[s]!) && !names[s]) slotAt[n++] = s;
      }
    } else if (sort === 'name') {
      for (let i = 0; i < byCreation.length; i++) if (!names[byCreation[i]!]) slotAt[n++] = byCreation[i]!;
    }
    const position = new Int32Array(this.#capacity);
    for (let i = 0; i < n; i++) position[slotAt[i]!] = i;
    order = { position, slotAt, valued: primary.length };
    this.#listOrders.set(sort, order);
    return order;
  }

  /** A page of a big result: the list order read from the start, keeping the matches. */
  #walk(sort: SortKind, desc: boolean, matches: Int32Array, offset: number, wanted: number): number[] {
    const { slotAt, valued } = this.#listOrder(sort);
    const flip = desc ? valued - 1 : -1;
    const out: number[] = [];
    let skip = offset;
    for (let i = 0; i < slotAt.length && out.length < wanted; i++) {
      const s = slotAt[i <= flip ? flip - i : i]!;
      if ((matches[s >>> 5]! & (1 << (s & 31))) === 0) continue;
      if (skip > 0) skip--;
      else out.push(s);
    }
    return out;
  }

  #allocate(id: string): number {
    let slot = this.#free.pop();
    if (slot === undefined) {
      slot = this.#ids.length;
      this.#reserve(slot + 1);
    }
    this.#slotOf.set(id, slot);
    this.#ids[slot] = id;
    this.#live[slot >>> 5]! |= 1 << (slot & 31);
    return slot;
  }

  #reserve(needed: number): void {
    if (needed <= this.#capacity) return;
    const capacity = Math.max(1024, needed, this.#capacity * 2);
    this.#stage = grown(this.#stage, capacity);
    this.#consent = grown(this.#consent, capacity);
    this.#owner = grown(this.#owner, capacity);
    this.#source = grown(this.#source, capacity);
    this.#created = grown(this.#created, capacity);
    this.#lastContact = grown(this.#lastContact, capacity);
    this.#nextCallback = grown(this.#nextCallback, capacity);
    this.#live = grown(this.#live, Math.ceil(capacity / 32));
    this.#filled = grown(this.#filled, capacity);
    this.#grams.grow(capacity);
    this.#capacity = capacity;
  }

  #fill(slot: number, lead: Lead): void {
    if (this.#listOrders.size > 0) this.#listOrders.clear();
    const key = searchKey(lead, this.#region);
    this.#leads[slot] = lead;
    this.#keys[slot] = key;
    this.#names[slot] = nameSortKey(lead);
    this.#grams.add(slot, key);
    this.#stage[slot] = STAGE_CODE.get(lead.stage) ?? 0;
    this.#consent[slot] = CONSENT[consentState(lead)];
    this.#owner[slot] = lead.owner ? this.#owners.code(lead.owner) : -1;
    this.#source[slot] = lead.source?.name ? this.#sources.code(lead.source.name) : -1;
    this.#tags[slot] = lead.tags.length === 0 ? NONE : [...new Set(lead.tags)].map((t) => this.#tagNames.code(t));
    const callbacks = pendingCallbackTimes(lead);
    this.#callbacks[slot] = callbacks.length === 0 ? NONE : callbacks;
    this.#nextCallback[slot] = callbacks[0] ?? NaN;
    this.#created[slot] = Date.parse(lead.createdAt);
    this.#lastContact[slot] = lead.lastContactAt ? Date.parse(lead.lastContactAt) : NaN;
    this.#count(slot, 1);
    this.#filled[slot] = ++this.#fills;
    this.#addLookups(lead);
  }

  /** Takes a slot's current lead out of orders, grams, counts and lookups (before refill or removal). */
  #unlink(slot: number, fromOrders: boolean): void {
    if (this.#listOrders.size > 0) this.#listOrders.clear();
    if (fromOrders) for (const order of Object.values(this.#orders)) order.remove(slot);
    this.#grams.remove(slot, this.#keys[slot]!);
    this.#count(slot, -1);
    const lead = this.#leads[slot]!;
    const maps = this.#lookups;
    if (!maps) return;
    for (const p of lead.contact.phones) removeFrom(maps.byPhone, p.e164, lead.id);
    if (lead.contact.email) removeFrom(maps.byEmail, lead.contact.email.trim().toLowerCase(), lead.id);
  }

  #count(slot: number, delta: number): void {
    if (this.#owner[slot]! >= 0) this.#owners.counts[this.#owner[slot]!]! += delta;
    if (this.#source[slot]! >= 0) this.#sources.counts[this.#source[slot]!]! += delta;
    for (const t of this.#tags[slot]!) this.#tagNames.counts[t]! += delta;
  }

  /** Memory held by the index columns, for the bench (approximate; strings counted as 1 byte/char). */
  approximateBytes(): number {
    const strings =
      this.#keys.reduce((n, k) => n + (k?.length ?? 0), 0) + this.#names.reduce((n, k) => n + (k?.length ?? 0), 0);
    return strings + this.#grams.bytes() + this.#capacity * (1 + 1 + 4 + 4 + 8 * 3) + this.size * 8 * 4;
  }
}

interface ListOrder {
  position: Int32Array;
  slotAt: Int32Array;
  /** Leads with a value for the sort: the first positions, the ones descending reverses. */
  valued: number;
}

/** One id, or several in the order they were added. */
type Ids = string | string[];

const idList = (ids: Ids | undefined): readonly string[] =>
  ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids;

function addTo(map: Map<string, Ids>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, id);
  else if (typeof ids === 'string') {
    if (ids !== id) map.set(key, [ids, id]);
  } else if (!ids.includes(id)) ids.push(id);
}

function removeFrom(map: Map<string, Ids>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) return;
  const rest = idList(ids).filter((i) => i !== id);
  if (rest.length === 0) map.delete(key);
  else map.set(key, rest.length === 1 ? rest[0]! : rest);
}

/** Shared by every slot without tags or pending callbacks (most leads): one array, not 100k. */
const NONE: readonly number[] = Object.freeze([]);

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
