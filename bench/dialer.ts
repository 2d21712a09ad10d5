// Dialer figures, on a real store of sample leads (BENCH_LEADS, default 100k):
// - building a callback list from a saved filter ("appointment or contacted, last contact more than
//   30 days ago, not sold"): the selection and ordering alone, and with the entries written to disk;
// - power mode with a 0 s wrap-up: from the seller's disposition to the next call's place(), with
//   the next lead chosen during the wrap-up (the service as it runs), against choosing it only
//   after the disposition (what the look-ahead saves), both measured in this run.
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDialerService } from '../src/core/dialer/dialer-service';
import type { DialerEmit } from '../src/core/dialer/events';
import { leadAccess } from '../src/core/dialer/lead-access';
import { newEntry, selectLeads } from '../src/core/dialer/list-build';
import { orderEntries, orderFacts } from '../src/core/dialer/list-order';
import { dialableNumbers } from '../src/core/dialer/number-choice';
import type { CallPlacer, PlaceRequest } from '../src/core/dialer/ports';
import { realTimers } from '../src/core/dialer/ports';
import { LeadService } from '../src/core/leads/lead-service';
import { openStore } from '../src/core/store';
import type { Lead } from '../src/shared/domain/lead';
import { writeSampleLeads } from './fixtures';
import { median, percentile, type BenchRow, type BenchSection } from './harness';

const NOW = Date.parse('2025-06-02T08:00:00Z'); // a Monday morning
const DAY = 86_400_000;
const LIST_RUNS = 9;
const CALLS = Number(process.env.DIALER_CALLS ?? 200);

const filter = {
  query: { stages: ['appointment' as const, 'contacted' as const] },
  lastContactBefore: new Date(NOW - 30 * DAY).toISOString(),
  excludeStages: ['sold' as const],
};

/** A softphone that starts each call at once and notes when it was asked. */
class TimedPlacer implements CallPlacer {
  readonly placedAt: number[] = [];
  readonly requests: PlaceRequest[] = [];
  #n = 0;
  waiter: (() => void) | undefined;
  place(request: PlaceRequest): Promise<{ callId: string }> {
    this.placedAt.push(performance.now());
    this.requests.push(request);
    this.waiter?.();
    return Promise.resolve({ callId: `b${++this.#n}` });
  }
  prepare(): void {}
  hangup(): void {}
  next(): Promise<void> {
    const count = this.requests.length;
    return new Promise((resolve) => {
      if (this.requests.length > count) resolve();
      else this.waiter = resolve;
    });
  }
}

export const dialerSection: BenchSection = {
  name: 'dialer',
  async run(ctx) {
    const section = 'dialer';
    const dir = path.join(mkdtempSync(path.join(ctx.workDir, 'dialer-')), 'data');
    await writeSampleLeads(dir, ctx.leads, { seed: 5, at: new Date(NOW).toISOString() });
    let now = NOW;
    const store = await openStore({ dataDir: dir, now: () => now });
    const service = new LeadService({
      collection: store.collection<Lead>('leads'),
      seller: () => 'Julien Moreau',
      region: () => 'FR',
      emit: () => undefined,
      now: () => now,
    });
    const leads = leadAccess(service);
    await leads.ready();
    const lastCallAt = (id: string) => {
      const s = store.callsByLead.get(id);
      return s ? Date.parse(s.lastCallAt) : undefined;
    };

    // 1. The list from a filter: select, make entries, order them.
    const selectMs: number[] = [];
    let selected = 0;
    for (let i = 0; i < LIST_RUNS; i++) {
      const t = performance.now();
      const matched = selectLeads(
        leads.query({ text: '', sort: 'name', direction: 'asc', ...filter.query }),
        filter,
        lastCallAt,
      );
      const at = new Date(NOW).toISOString();
      const entries = matched.map((l) => newEntry('L', l, 'anyone', at));
      orderEntries(entries, (e) => orderFacts(e, leads.peek(e.leadId), lastCallAt(e.leadId), 'Julien Moreau'));
      selectMs.push(performance.now() - t);
      selected = matched.length;
    }

    const placer = new TimedPlacer();
    let nextKnownAt: number | undefined;
    const emit: DialerEmit = (name, payload) => {
      if (name === 'dialer.changed' && nextKnownAt === undefined && (payload as { next?: unknown }).next)
        nextKnownAt = performance.now();
    };
    const dialer = await createDialerService({
      store,
      leads,
      permission: () => ({ allowed: true }),
      placer,
      settings: () => ({
        dialer: { previewSeconds: 0, ringTimeoutSeconds: 30, wrapUpSeconds: 0 },
        locale: 'fr',
        defaultRegion: 'FR',
      }),
      seller: () => 'Julien Moreau',
      emit,
      now: () => now,
      timers: realTimers,
    });
    const createMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await dialer.createList({ name: `Avant la clôture ${i}`, source: { kind: 'filter', filter } });
      createMs.push(performance.now() - t);
    }

    // 2. Power session, wrap-up 0: every call answered, then the seller's disposition.
    // Leads this seller may call: with a number, not held by another seller's owner-only callback.
    const leadIds = leads
      .query({ text: '', sort: 'name', direction: 'asc', stages: ['contacted'] })
      .filter((l) => dialableNumbers(l).length > 0)
      .filter((l) => l.callbacks.every((c) => c.status === 'done' || c.scope === 'anyone'))
      .slice(0, CALLS + 1)
      .map((l) => l.id);
    if (leadIds.length <= CALLS) throw new Error(`dialer bench: ${leadIds.length} callable leads, need ${CALLS + 1}`);
    const callList = await dialer.createList({ name: 'Session', source: { kind: 'selection', leadIds } });
    const toPlace: number[] = [];
    const toChoose: number[] = [];
    let next = placer.next();
    await dialer.start({ listId: callList.id, mode: 'power' });
    for (let i = 0; i < CALLS; i++) {
      await next;
      const request = placer.requests.at(-1)!;
      const callId = `b${placer.requests.length}`;
      const at = () => new Date((now += 1000)).toISOString();
      await dialer.report({ type: 'started', callId, at: at(), direction: 'outbound', ...request });
      await dialer.report({ type: 'answered', callId, at: at() });
      nextKnownAt = undefined;
      const ended = performance.now();
      await dialer.report({ type: 'ended', callId, at: at(), hangupSide: 'remote', sipStatus: 200 });
      // The seller takes a few seconds to pick the disposition: the next lead is chosen meanwhile.
      while (nextKnownAt === undefined) {
        if (dialer.view().state !== 'wrap-up') throw new Error(`dialer bench: the session is ${dialer.view().state}`);
        await tick();
      }
      toChoose.push(nextKnownAt - ended);
      next = placer.next();
      const t = performance.now();
      await dialer.saveOutcome({ disposition: 'answered' });
      await next;
      toPlace.push(placer.placedAt.at(-1)! - t);
    }
    dialer.stop();
    await dialer.close();
    await store.close();
    // Without the look-ahead the next lead would be chosen (and claimed on disk) after the disposition.
    const baseline = toPlace.map((ms, i) => ms + toChoose[i]!);

    const us = (ms: number) => `${Math.round(ms * 1000)} µs`;
    return [
      {
        section,
        name: `callback list from a filter over ${ctx.leads} leads (${selected} selected): select + order, median`,
        value: median(selectMs),
        unit: 'ms',
      },
      {
        section,
        name: 'callback list from a filter, created with its entries on disk, median of 3',
        value: median(createMs),
        unit: 'ms',
      },
      {
        section,
        name: `disposition saved -> next place(), power, wrap-up 0, ${CALLS} calls: median ${us(median(toPlace))} (baseline: next chosen after the disposition)`,
        value: median(toPlace),
        unit: 'ms',
        baseline: median(baseline),
      },
      {
        section,
        name: `disposition saved -> next place() p95 ${us(percentile(toPlace, 95))}`,
        value: percentile(toPlace, 95),
        unit: 'ms',
        target: '< 50 ms to the INVITE',
        baseline: percentile(baseline, 95),
      },
    ] satisfies BenchRow[];
  },
};

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
