import { setImmediate as nextTurn } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { importProblemText, type ImportProblem } from '../../shared/domain/import-problems';
import {
  CONSENT_CLOCK_SKEW_MS,
  type Lead,
  type LeadDraft,
  type Stage,
  type TimelineEntry,
} from '../../shared/domain/lead';
import type { LeadPage, LeadSummary, ParsedLeadQuery } from '../../shared/domain/lead-query';
import type { ParsedInput } from '../../shared/contract';
import { AppFailure } from '../../shared/result';
import { silentLogger, type Logger } from '../log';
import { defaultSellerName } from '../settings/seller-name';
import { newRecordId, type Collection } from '../store';
import { sampleCallbacks, withSampleCallback, type SampleCallback } from './sample/callbacks';
import { generateSampleLeads } from './sample/generate-leads';
import { DEFAULT_ZONE } from './callback-due';
import { FIRST_PAGE_QUERY, firstPageFor, isFirstPageQuery, type FirstPageSnapshot } from './first-page-snapshot';
import { leadFromDraft } from './draft';
import { applyEdit, type LeadEdit } from './edit';
import { leadIssue } from './lead-check';
import { leadSummary } from './lead-facts';
import { mergeDraft, mergeLeads } from './merge';
import type { MergedLeads } from './merged-leads';
import { LeadSearchIndex } from './search-index';
import { leadStrings, shareLeadStrings } from './shared-strings';
import { UndoTokens } from './undo-tokens';

export interface LeadServiceDeps {
  /** core.leads: opened lazily so the shell is ready before 100k leads are parsed. */
  collection: Promise<Collection<Lead>>;
  /** The current seller (sellerName: sip.displayName, else "Vendeur"/"Seller" by locale): default owner and author. */
  seller: () => string;
  /** settings.defaultRegion, for phone digits in the search key. */
  region: () => string;
  /** Emits `leads.changed` on core's bus. */
  emit: (ids: string[] | 'all') => void;
  now?: () => number;
  /** The dealership's zone for "due today / this week". */
  zone?: string;
  log?: Logger;
  sample?: (count: number, now: Date) => LeadDraft[];
  /** Run each kind of query once after the index is built (LeadSearchIndex.warmUp): long-running shells. */
  warmUp?: boolean;
  /** The default list's first page kept on disk: answered from there while the leads load. */
  firstPage?: FirstPageSnapshot;
  /**
   * Where each merge is recorded (openMergedLeads), so the calls of a lead merged away follow
   * the lead it went into. Absent: merges are not recorded (tests of other things).
   */
  merges?: Promise<MergedLeads> | MergedLeads;
}

/** `callback`: sample leads only, a pending callback the new lead starts with. */
export type ImportItem = { draft: LeadDraft; line: number; callback?: SampleCallback };
/** Rows as the importer reads them; `fileRejects`: rows of this batch the file reader rejected already. */
export type ImportBatch = { items: ImportItem[]; fileRejects?: number };
export type ImportOptions = {
  dryRun: boolean;
  fileName: string;
  via: 'import' | 'sample';
  /** Write the valid rows even when some are rejected (else a reject means nothing is written). */
  keepValid?: boolean;
  /** Called once every row is merged, just before the leads are written (never on a dry run or a refusal). */
  onWriting?: () => void;
};
export type ImportCounts = { imported: number; merged: number; unchanged: number };
/** A row whose lead the lead rules refuse (a merge past 20 phones, say); `field` is the lead field at fault. */
export type ImportRowReject = { line: number; field: string; reason: string; problem?: ImportProblem };
export type ImportResult = ImportCounts & { rejected: ImportRowReject[] };

/** Above this many changed leads, one `leads.changed: 'all'` replaces a list of ids. */
const MANY = 500;
/** The first-page snapshot is taken again this long after the last change (and at close). */
const SNAPSHOT_AFTER_MS = 2000;

interface Loaded {
  collection: Collection<Lead>;
  index: LeadSearchIndex;
  merges: MergedLeads | undefined;
}

/**
 * Every lead operation. Each write validates the whole lead (on write, not on read: parsing
 * 100k leads through zod at open would cost ~1.2 s), updates the search index, resolves once
 * the shard is on disk, then emits `leads.changed`.
 */
export class LeadService {
  readonly #deps: LeadServiceDeps;
  readonly #now: () => number;
  readonly #undo: UndoTokens;
  #loading: Promise<Loaded> | undefined;
  /** A big import's index update (LeadSearchIndex.upsertManyInChunks), settled when none runs. */
  #indexUpdate: Promise<void> = Promise.resolve();
  #indexUpdating = false;
  /** True from an import's write until #indexUpdate settles: checked by #whenFree in its body's turn. */
  #importWriting = false;
  /** The import running or last run (see importBatches). */
  #imports: Promise<unknown> = Promise.resolve();
  /** Leads a merge holds until it is written, both of them (see merge, #whenFree). */
  readonly #merging = new Map<string, Promise<void>>();
  /** One map per running import: each merge done meanwhile, other -> kept (see #importInto). */
  readonly #mergeWatchers = new Set<Map<string, string>>();
  #loaded: Loaded | undefined;
  /** Index build time at load, for logs and the bench. */
  indexBuildMs = NaN;
  /** Settles once the index has run each kind of query once in the background (see warmUp). */
  warmed: Promise<void> = Promise.resolve();
  /** The first-page snapshot as found at start (undefined: none, or stale), read once. */
  readonly #keptFirstPage: Promise<LeadPage | undefined>;
  #snapshotTimer: NodeJS.Timeout | undefined;
  #snapshotSaving: Promise<void> = Promise.resolve();

  constructor(deps: LeadServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#undo = new UndoTokens(this.#now);
    // A failure to open it is reported when the leads load (see #load), not as an unhandled rejection.
    Promise.resolve(deps.merges).catch(() => undefined);
    // Read now, before anything can rewrite a shard: no lead is written before ready().
    this.#keptFirstPage = deps.firstPage?.load().catch(() => undefined) ?? Promise.resolve(undefined);
  }

  /**
   * Waits for the leads and builds the index once, then for a big import's index update if one
   * is running (the index is not consistent until it settles); every operation goes through this.
   */
  async ready(): Promise<Loaded> {
    const loaded = await this.#load();
    for (let busy = this.#indexUpdate; ; busy = this.#indexUpdate) {
      await busy;
      if (busy === this.#indexUpdate) return loaded;
    }
  }

  #load(): Promise<Loaded> {
    this.#loading ??= this.#deps.collection.then(async (collection) => {
      const t = performance.now();
      const { valid, skipped } = indexable(collection.all() as Iterable<Lead>);
      // Done as each shard loads when the collection was opened with leadCollectionOptions (then
      // this finds every string shared already); else here, in chunks like the index.
      for (let start = 0; start < valid.length; start += 2000) {
        for (let i = start; i < Math.min(valid.length, start + 2000); i++) shareLeadStrings(valid[i]!, leadStrings);
        await nextTurn();
      }
      const index = await LeadSearchIndex.buildInChunks(valid, { region: this.#deps.region() });
      this.indexBuildMs = performance.now() - t;
      const log = this.#deps.log ?? silentLogger;
      log.info('lead index built', { count: index.size, ms: Math.round(this.indexBuildMs) });
      if (skipped > 0) log.warn('leads not in the lead shape were left out of search', { skipped });
      // Without the record the leads still open; a merge is refused (see merge).
      const merges = await Promise.resolve(this.#deps.merges).catch((error: unknown) => {
        log.error('the merge record could not be opened', { error: String(error) });
        return undefined;
      });
      // A merge records itself before it deletes the other lead: a crash in between leaves
      // both leads and a record saying the other is gone; it is not, so its calls stay its own.
      await merges
        ?.forgetExisting((id) => collection.get(id) !== undefined)
        .catch((error: unknown) => log.warn('unfinished merges not cleared', { error: String(error) }));
      this.#loaded = { collection, index, merges };
      // After ready(), not before it: the first screen waits for the leads, not for this.
      if (this.#deps.warmUp) {
        const started = performance.now();
        this.warmed = index
          .warmUp(this.#searchContext())
          .then(() => log.info('lead search warmed', { ms: Math.round(performance.now() - started) }))
          .catch((error: unknown) => log.warn('lead index warm-up failed', { error: String(error) }));
      }
      // No snapshot, or a stale one: take it now, so the next start opens the list at once.
      if (this.#deps.firstPage && !(await this.#keptFirstPage)) this.#saveFirstPage();
      return this.#loaded;
    });
    return this.#loading;
  }

  async get(id: string): Promise<Lead> {
    const { collection } = await this.ready();
    return this.#existing(collection, id);
  }

  async search(input: ParsedInput<'leads.search'>): Promise<LeadPage> {
    if (!this.#loaded && isFirstPageQuery(input)) {
      // Right after start the leads are still loading: the list opens from the kept page.
      const kept = await this.#keptFirstPage;
      const page = kept && !this.#loaded ? firstPageFor(kept, input.limit) : undefined;
      if (page) return page;
    }
    const { index } = await this.ready();
    return index.search(input, this.#searchContext());
  }

  /** Takes a pending first-page snapshot now, and waits for one being written. */
  async close(): Promise<void> {
    if (this.#snapshotTimer) {
      clearTimeout(this.#snapshotTimer);
      this.#snapshotTimer = undefined;
      this.#saveFirstPage();
    }
    await this.#snapshotSaving;
  }

  /** Every lead matching the query in its sort order (the exporter). Call after ready(). */
  query(q: ParsedLeadQuery): Lead[] {
    if (!this.#loaded) throw new AppFailure('internal', 'leads are still loading');
    return this.#loaded.index.matching(q, this.#searchContext());
  }

  async facets(): Promise<{ total: number; owners: string[]; sources: string[]; tags: string[] }> {
    const { index } = await this.ready();
    return index.facets();
  }

  async create(draft: LeadDraft): Promise<Lead> {
    return this.#whenFree([], ({ collection, index }) => {
      const at = this.#iso();
      const lead = leadFromDraft(draft, { id: newRecordId(this.#now()), at, via: 'manual', author: this.#seller() });
      if (!lead.owner) lead.owner = this.#seller();
      return this.#write(collection, index, lead, 'draft');
    });
  }

  /** Leads holding one of these E.164 numbers or this e-mail (case-insensitive), each once, by name. */
  async findDuplicates(input: { phones: readonly string[]; email?: string | undefined }): Promise<LeadSummary[]> {
    const { collection, index } = await this.ready();
    const ids = new Set(input.phones.flatMap((e164) => index.idsByPhone(e164)));
    if (input.email?.trim()) for (const id of index.idsByEmail(input.email)) ids.add(id);
    return [...ids]
      .map((id) => collection.get(id) as Lead | undefined)
      .filter((lead): lead is Lead => lead !== undefined)
      .map(leadSummary)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }

  update(id: string, changes: LeadEdit): Promise<Lead> {
    return this.#change(id, (lead, entry) => {
      const { lead: next, fields } = applyEdit(lead, changes);
      return fields.length === 0 ? null : withEntry(next, entry({ kind: 'edited', fields }));
    });
  }

  setStage(id: string, stage: Stage): Promise<Lead> {
    return this.#change(id, (lead, entry) =>
      lead.stage === stage
        ? null
        : withEntry({ ...lead, stage }, entry({ kind: 'stage', from: lead.stage, to: stage })),
    );
  }

  addNote(id: string, text: string): Promise<Lead> {
    return this.#change(id, (lead, entry) => withEntry(lead, entry({ kind: 'note', text })));
  }

  setCallback(input: ParsedInput<'leads.setCallback'>): Promise<Lead> {
    return this.#change(input.id, (lead, entry, at) => {
      const callback = {
        id: newRecordId(this.#now()),
        dueAt: new Date(input.dueAt).toISOString(),
        owner: input.owner?.trim() || this.#seller(),
        scope: input.scope,
        status: 'pending' as const,
        ...(input.note ? { note: input.note } : {}),
        createdAt: at,
      };
      // The same callback asked twice (a retried request, two windows saving one outcome): set once.
      const same = (c: Lead['callbacks'][number]) =>
        c.status === 'pending' &&
        c.dueAt === callback.dueAt &&
        c.owner === callback.owner &&
        c.scope === callback.scope &&
        c.note === callback.note;
      if (lead.callbacks.some(same)) return null;
      return withEntry(
        { ...lead, callbacks: [...lead.callbacks, callback] },
        entry({ kind: 'callback-set', callbackId: callback.id, dueAt: callback.dueAt }),
      );
    });
  }

  completeCallback(id: string, callbackId: string): Promise<Lead> {
    return this.#change(id, (lead, entry, at) => {
      const callback = findOr404(lead.callbacks, callbackId, 'callbackId');
      if (callback.status === 'done') return null;
      const callbacks = lead.callbacks.map((c) =>
        c.id === callbackId ? { ...c, status: 'done' as const, doneAt: at } : c,
      );
      return withEntry({ ...lead, callbacks }, entry({ kind: 'callback-done', callbackId }));
    });
  }

  snoozeCallback(id: string, callbackId: string, dueAt: string): Promise<Lead> {
    return this.#change(id, (lead, entry) => {
      const callback = findOr404(lead.callbacks, callbackId, 'callbackId');
      if (callback.status === 'done') throw new AppFailure('conflict', 'this callback is already done', 'callbackId');
      const due = new Date(dueAt).toISOString();
      // Put off to the time it already has: nothing to record (a second click, two windows).
      if (due === callback.dueAt) return null;
      const callbacks = lead.callbacks.map((c) => (c.id === callbackId ? { ...c, dueAt: due } : c));
      return withEntry({ ...lead, callbacks }, entry({ kind: 'callback-snoozed', callbackId, dueAt: due }));
    });
  }

  addConsent(id: string, consent: ParsedInput<'leads.addConsent'>['consent']): Promise<Lead> {
    return this.#change(id, (lead, entry) => {
      // A consent records what the consumer already agreed to: one dated later would make calls legal in advance.
      if (Date.parse(consent.givenAt) > this.#now() + CONSENT_CLOCK_SKEW_MS)
        throw new AppFailure('invalid-request', 'the consent cannot be dated in the future', 'consent.givenAt');
      if (!lead.contact.phones.some((p) => p.e164 === consent.number))
        throw new AppFailure('invalid-request', 'the consent must cover one of the lead’s numbers', 'consent.number');
      const record = { ...consent, id: newRecordId(this.#now()) };
      return withEntry(
        { ...lead, consents: [...lead.consents, record] },
        entry({ kind: 'consent-given', consentId: record.id, number: record.number }),
      );
    });
  }

  revokeConsent(id: string, consentId: string): Promise<Lead> {
    return this.#change(id, (lead, entry, at) => {
      const consent = findOr404(lead.consents, consentId, 'consentId');
      if (consent.revokedAt) return null;
      const consents = lead.consents.map((c) => (c.id === consentId ? { ...c, revokedAt: at } : c));
      return withEntry({ ...lead, consents }, entry({ kind: 'consent-revoked', consentId, number: consent.number }));
    });
  }

  /**
   * `other` folds into `keep` and is deleted. Keep is written first, then the merge record (the
   * calls of `other` follow `keep` through it), then `other` goes: a crash in between leaves
   * both, never neither. No undo: like a delete's after its undo expires, the merge is final.
   */
  async merge(keepId: string, otherId: string): Promise<Lead> {
    if (keepId === otherId) throw new AppFailure('invalid-request', 'a lead cannot be merged with itself', 'otherId');
    return this.#whenFree([keepId, otherId], ({ collection, index, merges }) => {
      if (this.#deps.merges && !merges)
        throw new AppFailure('store-failure', 'the merge record could not be opened: the calls would be lost');
      const keep = this.#existing(collection, keepId, 'keepId');
      const other = this.#existing(collection, otherId, 'otherId');
      const at = this.#iso();
      const merged = mergeLeads(keep, other, at, () => newRecordId(this.#now()), this.#seller());
      // The kept lead is on disk before the other goes (a crash in between leaves both, nothing
      // lost); meanwhile both are held, so no change to either lands in between and is lost.
      const merging = (async () => {
        const written = await this.#write(collection, index, merged, 'lead', false);
        await merges?.record(otherId, keepId, at);
        index.remove(otherId);
        await collection.delete(otherId);
        for (const mergedInto of this.#mergeWatchers) mergedInto.set(otherId, keepId);
        this.#changed([keepId, otherId]);
        return written;
      })();
      const held = merging.then(
        () => undefined,
        () => undefined,
      );
      this.#merging.set(keepId, held).set(otherId, held);
      return merging.finally(() => {
        this.#merging.delete(keepId);
        this.#merging.delete(otherId);
      });
    });
  }

  /**
   * `body` once the leads are loaded, no import is writing and no merge holds any of these leads
   * (see merge), run in the same turn as that check: a body that reads and writes before its
   * first await cannot interleave with a merge, nor land between an import's index chunks
   * (ready() alone returns a promise turn after its own check, and an import can start in it).
   */
  async #whenFree<T>(ids: readonly string[], body: (loaded: Loaded) => T): Promise<Awaited<T>> {
    for (;;) {
      const loaded = await this.ready();
      const busy = this.#mergesHolding(ids);
      if (this.#importWriting) busy.push(this.#indexUpdate);
      if (busy.length === 0) return await body(loaded);
      await Promise.all(busy);
    }
  }

  #mergesHolding(ids: Iterable<string>): Promise<void>[] {
    const busy: Promise<void>[] = [];
    for (const id of ids) {
      const merge = this.#merging.get(id);
      if (merge) busy.push(merge);
    }
    return busy;
  }

  async delete(id: string): Promise<{ undoToken: string; expiresAt: string }> {
    return this.#whenFree([id], async ({ collection, index }) => {
      const lead = this.#existing(collection, id);
      index.remove(id);
      await collection.delete(id);
      this.#changed([id]);
      return this.#undo.hold(lead);
    });
  }

  async undoDelete(undoToken: string): Promise<Lead> {
    return this.#whenFree([], async ({ collection, index }) => {
      const lead = this.#undo.take(undoToken);
      if (!lead) throw new AppFailure('not-found', 'nothing to undo (the undo has expired)', 'undoToken');
      if (collection.get(lead.id)) throw new AppFailure('conflict', 'this lead exists again', 'undoToken');
      try {
        index.upsert(lead);
        await collection.put(lead);
      } catch (error) {
        this.#undo.giveBack(undoToken, lead);
        throw error;
      }
      this.#changed([lead.id]);
      return lead;
    });
  }

  /** Realistic sample leads through the import path (so loading twice adds nothing twice). */
  async loadSample(count: number): Promise<{ created: number }> {
    const generate = this.#deps.sample ?? ((n: number, now: Date) => generateSampleLeads(n, { now }));
    const now = new Date(this.#now());
    const drafts = generate(count, now);
    const callbacks = sampleCallbacks(drafts, { now });
    const items = drafts.map((draft, i) => ({
      draft: { ...draft, source: { ...draft.source, name: 'Exemple' } },
      line: i + 1,
      ...(callbacks[i] ? { callback: callbacks[i] } : {}),
    }));
    const { imported } = await this.importDrafts(items, {
      dryRun: false,
      fileName: 'Exemple',
      via: 'sample',
      keepValid: true,
    });
    return { created: imported };
  }

  /**
   * Creates or merges each draft: a draft joins the lead (in the store or earlier in the
   * batch) sharing any E.164 number or the email (case-insensitive), through mergeDraft.
   * Each resulting lead is validated as it is made: a row whose lead the rules refuse (a merge
   * past 20 phones, say) is rejected with its line, and the lead stays as it was before that
   * row. Any reject writes nothing unless keepValid. Then one putMany. The store writes each
   * touched shard atomically but not all shards together: a crash mid-way leaves some shards
   * with the batch and some without, and running the same import again completes it (merges
   * are idempotent).
   */
  importDrafts(items: ImportItem[], options: ImportOptions): Promise<ImportResult> {
    return this.importBatches([{ items }], options);
  }

  /**
   * importDrafts for rows that arrive in batches while the file is still being read (the import
   * worker): each batch is merged as it comes; nothing is written before the last one, and
   * nothing at all if the file reader rejected rows (`fileRejects`) and keepValid is off.
   * Imports run one after the other: two at once (a second window, a double click) would each
   * miss the other's rows and create every person twice.
   */
  importBatches(
    batches: Iterable<ImportBatch> | AsyncIterable<ImportBatch>,
    options: ImportOptions,
  ): Promise<ImportResult> {
    const run = this.#imports.then(() => this.#importBatches(batches, options));
    this.#imports = run.catch(() => undefined);
    return run;
  }

  async #importBatches(
    batches: Iterable<ImportBatch> | AsyncIterable<ImportBatch>,
    options: ImportOptions,
  ): Promise<ImportResult> {
    const { collection, index } = await this.ready();
    const mergedInto = new Map<string, string>();
    this.#mergeWatchers.add(mergedInto);
    try {
      return await this.#importInto(collection, index, mergedInto, batches, options);
    } finally {
      this.#mergeWatchers.delete(mergedInto);
    }
  }

  async #importInto(
    collection: Loaded['collection'],
    index: Loaded['index'],
    /** Leads merged away while this import runs -> the lead each went into (see merge). */
    mergedInto: ReadonlyMap<string, string>,
    batches: Iterable<ImportBatch> | AsyncIterable<ImportBatch>,
    options: ImportOptions,
  ): Promise<ImportResult> {
    const at = this.#iso();
    const newId = () => newRecordId(this.#now());
    const counts: ImportCounts = { imported: 0, merged: 0, unchanged: 0 };
    const rejected: ImportRowReject[] = [];
    const pending = new Map<string, { lead: Lead; line: number }>();
    /** Rows merged into a lead of the store, and that lead as the store held it then. */
    const intoStored = new Map<string, { stored: Lead; rows: { draft: LeadDraft; line: number }[] }>();
    const byPhone = new Map<string, string>();
    const byEmail = new Map<string, string>();
    const remember = (lead: Lead) => {
      for (const p of lead.contact.phones) if (!byPhone.has(p.e164)) byPhone.set(p.e164, lead.id);
      const email = lead.contact.email?.trim().toLowerCase();
      if (email && !byEmail.has(email)) byEmail.set(email, lead.id);
    };
    const match = (draft: LeadDraft): string | undefined => {
      for (const p of draft.contact.phones) {
        const id = byPhone.get(p.e164) ?? index.firstIdByPhone(p.e164);
        if (id) return id;
      }
      const email = draft.contact.email?.trim().toLowerCase();
      return email ? (byEmail.get(email) ?? index.firstIdByEmail(email)) : undefined;
    };

    let fileRejects = 0;
    for await (const batch of batches) {
      fileRejects += batch.fileRejects ?? 0;
      for (const { draft, line, callback } of batch.items) {
        const id = match(draft);
        const earlier = id ? pending.get(id) : undefined;
        const base = earlier?.lead ?? (id ? (collection.get(id) as Lead | undefined) : undefined);
        if (base) {
          const { lead, changes } = mergeDraft(base, draft, at, { file: options.fileName, newId });
          if (changes.length === 0) {
            counts.unchanged++;
            continue;
          }
          const issue = leadIssue(lead);
          if (issue) {
            const problem: ImportProblem = {
              code: 'merge-breaks-rule',
              ...(earlier ? { earlierLine: earlier.line } : {}),
              field: issue.field,
              message: issue.message,
            };
            rejected.push({ line, field: issue.field, reason: importProblemText(problem, 'en'), problem });
            continue;
          }
          counts.merged++;
          pending.set(lead.id, { lead, line });
          if (!earlier) intoStored.set(lead.id, { stored: base, rows: [{ draft, line }] });
          else intoStored.get(lead.id)?.rows.push({ draft, line });
          remember(lead);
        } else {
          const made = leadFromDraft(draft, { id: newId(), at, via: options.via, newId });
          const lead = callback ? withSampleCallback(made, callback, newId) : made;
          const issue = leadIssue(lead);
          if (issue) {
            const problem: ImportProblem = { code: 'lead-rule-broken', field: issue.field, message: issue.message };
            rejected.push({ line, field: issue.field, reason: importProblemText(problem, 'en'), problem });
            continue;
          }
          counts.imported++;
          pending.set(lead.id, { lead, line });
          remember(lead);
        }
      }
    }

    // A merge holding one of these leads writes one and then deletes the other: let it finish.
    for (;;) {
      const busy = this.#mergesHolding(intoStored.keys());
      if (busy.length === 0) break;
      await Promise.all(busy);
    }
    // Sellers kept working while the file was read: a stored lead changed or deleted meanwhile
    // gets its rows again on what the store holds now (nothing awaits from here to the write),
    // so no seller's change is lost and a deleted lead does not come back (its rows make a new
    // one); the rows of a lead merged away go on the lead it went into.
    const replay = (base: Lead | undefined, rows: { draft: LeadDraft; line: number }[]) => {
      let lead = base;
      for (const { draft } of rows)
        lead = lead
          ? mergeDraft(lead, draft, at, { file: options.fileName, newId }).lead
          : leadFromDraft(draft, { id: newId(), at, via: options.via, newId });
      const line = rows.at(-1)!.line;
      const issue = leadIssue(lead!);
      if (issue) {
        const problem: ImportProblem = { code: 'merge-breaks-rule', field: issue.field, message: issue.message };
        rejected.push({ line, field: issue.field, reason: importProblemText(problem, 'en'), problem });
        return;
      }
      if (base) counts.merged += rows.length;
      else counts.imported++;
      pending.set(lead!.id, { lead: lead!, line });
    };
    const mergedAway: { into: string; rows: { draft: LeadDraft; line: number }[] }[] = [];
    for (const [id, { stored, rows }] of intoStored) {
      const current = collection.get(id) as Lead | undefined;
      if (current === stored) continue;
      pending.delete(id);
      counts.merged -= rows.length;
      const into = !current && mergedInto.get(id);
      if (into) mergedAway.push({ into, rows });
      else replay(current, rows);
    }
    // A lead merged away: its rows go on the lead it went into, as it stands after the loop above.
    for (const { into, rows } of mergedAway) {
      let target = into;
      while (!collection.get(target) && mergedInto.has(target)) target = mergedInto.get(target)!;
      replay(pending.get(target)?.lead ?? (collection.get(target) as Lead | undefined), rows);
    }

    if ((rejected.length > 0 || fileRejects > 0) && !options.keepValid)
      return { imported: 0, merged: 0, unchanged: 0, rejected };
    if (options.dryRun || pending.size === 0) return { ...counts, rejected };
    options.onWriting?.();
    const leads = [...pending.values()].map((p) => p.lead);
    // The shards are written while the index takes the leads in chunks: neither holds up the
    // event loop for long, and every other lead operation waits in ready() until both are done.
    const writing = collection.putMany(leads);
    this.#indexUpdating = true;
    const indexing = index.upsertManyInChunks(leads).finally(() => (this.#indexUpdating = false));
    this.#importWriting = true;
    this.#indexUpdate = Promise.allSettled([writing, indexing]).then(() => {
      this.#importWriting = false;
    });
    await Promise.all([writing, indexing]);
    this.#changed(leads.length > MANY ? 'all' : leads.map((l) => l.id));
    return { ...counts, rejected };
  }

  /** Read-modify-write of one lead; `change` returns null for "nothing to do". */
  async #change(
    id: string,
    change: (lead: Lead, entry: (e: EntryBody) => TimelineEntry, at: string) => Lead | null,
  ): Promise<Lead> {
    // Read and compute synchronously: no other write can interleave before the put.
    return this.#whenFree([id], ({ collection, index }) => {
      const lead = this.#existing(collection, id);
      const at = this.#iso();
      const author = this.#seller();
      const entry = (e: EntryBody) => ({ ...e, id: newRecordId(this.#now()), at, author }) as TimelineEntry;
      const next = change(lead, entry, at);
      if (!next) return lead;
      return this.#write(collection, index, { ...next, updatedAt: at }, 'lead');
    });
  }

  async #write(
    collection: Collection<Lead>,
    index: LeadSearchIndex,
    lead: Lead,
    fieldPrefix: 'draft' | 'lead',
    emit = true,
  ): Promise<Lead> {
    const issue = leadIssue(lead);
    if (issue) {
      const field = fieldPrefix === 'draft' ? `draft.${issue.field}` : issue.field;
      throw new AppFailure('invalid-request', `${field}: ${issue.message}`, field);
    }
    index.upsert(lead);
    await collection.put(lead);
    if (emit) this.#changed([lead.id]);
    return lead;
  }

  /** Every write ends here: tell the shells, and take the first-page snapshot again a little later. */
  #changed(ids: string[] | 'all'): void {
    this.#deps.emit(ids);
    if (!this.#deps.firstPage) return;
    if (this.#snapshotTimer) clearTimeout(this.#snapshotTimer);
    this.#snapshotTimer = setTimeout(() => {
      this.#snapshotTimer = undefined;
      this.#saveFirstPage();
    }, SNAPSHOT_AFTER_MS);
    this.#snapshotTimer.unref();
  }

  #saveFirstPage(): void {
    const snapshot = this.#deps.firstPage;
    const loaded = this.#loaded;
    if (!snapshot || !loaded) return;
    this.#snapshotSaving = this.#snapshotSaving
      .then(() => this.ready())
      // An import updating the index now: its change takes the snapshot again once it is done.
      .then(() =>
        snapshot.save(() =>
          this.#indexUpdating ? undefined : loaded.index.search(FIRST_PAGE_QUERY, this.#searchContext()),
        ),
      )
      .catch((error: unknown) =>
        (this.#deps.log ?? silentLogger).warn('lead list snapshot not written', { error: String(error) }),
      );
  }

  #existing(collection: Collection<Lead>, id: string, field = 'id'): Lead {
    const lead = collection.get(id) as Lead | undefined;
    if (!lead) throw new AppFailure('not-found', `no lead ${id}`, field);
    return lead;
  }

  #seller(): string {
    // The deps resolve the locale's word (sellerName); this only guards a blank from a caller.
    return this.#deps.seller().trim() || defaultSellerName('fr');
  }

  #iso(): string {
    return new Date(this.#now()).toISOString();
  }

  #searchContext() {
    return { now: this.#now(), zone: this.#deps.zone ?? DEFAULT_ZONE };
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type EntryBody = DistributiveOmit<TimelineEntry, 'id' | 'at' | 'author'>;

function withEntry(lead: Lead, entry: TimelineEntry): Lead {
  return { ...lead, timeline: [...lead.timeline, entry] };
}

function findOr404<T extends { id: string }>(items: readonly T[], id: string, field: string): T {
  const found = items.find((i) => i.id === id);
  if (!found) throw new AppFailure('not-found', `no ${field.replace(/Id$/, '')} ${id}`, field);
  return found;
}

/**
 * Leads are not validated on read; a cheap shape check keeps something that is not a lead
 * (an old or foreign file) from breaking the index for every other lead.
 */
function indexable(items: Iterable<Lead>): { valid: Lead[]; skipped: number } {
  const valid: Lead[] = [];
  let skipped = 0;
  for (const item of items) {
    const ok =
      typeof item.contact === 'object' &&
      item.contact !== null &&
      Array.isArray(item.contact.phones) &&
      Array.isArray(item.vehicles) &&
      Array.isArray(item.tags) &&
      Array.isArray(item.consents) &&
      Array.isArray(item.callbacks) &&
      typeof item.createdAt === 'string' &&
      typeof item.stage === 'string';
    if (ok) valid.push(item);
    else skipped++;
  }
  return { valid, skipped };
}
