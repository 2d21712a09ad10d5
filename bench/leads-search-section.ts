// Lead search over 100k real leads (the sample generator's, in the Lead shape; ctx.dataDir
// holds bench-only objects): per-query p50/p95 through the lead service, index build time,
// RSS of a process holding the store and the index, and the same queries done naively.
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { phoneDigits } from '../src/core/leads/lead-facts';
import { stages, type Lead } from '../src/shared/domain/lead';
import type { ParsedLeadQuery } from '../src/shared/domain/lead-query';
import { writeSampleLeads } from './fixtures';
import { median, percentile, type BenchRow, type BenchSection } from './harness';
import { runChild } from './store-sections';
import { rng } from './synthetic';

const NAIVE_EVERY = 10;

interface ChildResult {
  leads: number;
  openMs: number;
  indexMs: number;
  rssBeforeIndexMB: number;
  rssMB: number;
  times: number[];
  naiveTimes: number[];
}

/** ~210 queries a seller types: name prefixes, accents, phone fragments, city, VIN/stock, filters+sorts, make/model. */
function makeQueries(leads: Lead[]): ParsedLeadQuery[] {
  const r = rng(11);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const lead = () => pick(leads);
  const base = (text: string, extra: Partial<ParsedLeadQuery> = {}): ParsedLeadQuery => ({
    text,
    sort: 'name',
    direction: 'asc',
    ...extra,
  });
  const q: ParsedLeadQuery[] = [];
  const named = leads.filter((l) => l.contact.lastName && l.contact.firstName);
  for (let i = 0; i < 40; i++) {
    const last = pick(named).contact.lastName!;
    q.push(base(last.slice(0, 2 + Math.floor(r() * 4)).toLowerCase()));
  }
  for (let i = 0; i < 20; i++) q.push(base(pick(named).contact.firstName!)); // with accents as typed
  for (let i = 0; i < 20; i++) {
    const l = pick(named).contact;
    q.push(
      base(
        `${l
          .firstName!.normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()} ${l.lastName!.slice(0, 3)}`,
      ),
    );
  }
  const phones = leads.flatMap((l) => l.contact.phones.map((p) => p.e164)).filter((p) => p.startsWith('+33'));
  for (let i = 0; i < 30; i++) {
    const national = phoneDigits(pick(phones))[0]!;
    const kind = i % 5;
    if (kind === 0) q.push(base(national.slice(0, 4)));
    else if (kind === 1) q.push(base(national.slice(3, 9)));
    else if (kind === 2) q.push(base(`+33 ${national.slice(1, 2)} ${national.slice(2, 4)} ${national.slice(4, 6)}`));
    else if (kind === 3) q.push(base(`${national.slice(0, 2)}.${national.slice(2, 4)}.${national.slice(4, 6)}`));
    else
      q.push(base(`${national.slice(0, 2)} ${national.slice(2, 4)} ${national.slice(4, 6)} ${national.slice(6, 8)}`));
  }
  const cities = [...new Set(leads.flatMap((l) => (l.contact.address?.city ? [l.contact.address.city] : [])))];
  for (let i = 0; i < 15; i++) q.push(base(pick(cities)));
  const vins = leads.flatMap((l) => l.vehicles.flatMap((v) => (v.vin ? [v.vin] : [])));
  for (let i = 0; i < 15; i++) {
    const vin = pick(vins);
    const at = Math.floor(r() * 10);
    q.push(base(vin.slice(at, at + 6).toLowerCase()));
  }
  const stocks = leads.flatMap((l) => l.vehicles.flatMap((v) => (v.stockNumber ? [v.stockNumber] : [])));
  for (let i = 0; i < 10; i++) q.push(base(pick(stocks).slice(-4)));
  const emails = leads.flatMap((l) => (l.contact.email ? [l.contact.email] : []));
  for (let i = 0; i < 10; i++) q.push(base(pick(emails).split('@')[0]!.slice(0, 8)));
  const owners = [...new Set(leads.flatMap((l) => (l.owner ? [l.owner] : [])))];
  const sources = [...new Set(leads.flatMap((l) => (l.source ? [l.source.name] : [])))];
  const tags = [...new Set(leads.flatMap((l) => l.tags))];
  const sorts = ['name', 'lastContact', 'nextCallback', 'created'] as const;
  for (let i = 0; i < 40; i++) {
    const extra: Partial<ParsedLeadQuery> = { sort: pick(sorts), direction: r() < 0.5 ? 'asc' : 'desc' };
    if (r() < 0.5) extra.stages = [pick(stages), pick(stages)];
    if (r() < 0.4 && owners.length) extra.owners = [pick(owners)];
    if (r() < 0.3 && sources.length) extra.sources = [pick(sources)];
    if (r() < 0.2 && tags.length) extra.tags = [pick(tags)];
    if (r() < 0.3) extra.callbackDue = pick(['overdue', 'today', 'week'] as const);
    if (r() < 0.2) extra.consent = pick(['given', 'none', 'revoked'] as const);
    const text = r() < 0.3 ? (lead().contact.lastName?.slice(0, 3).toLowerCase() ?? '') : '';
    q.push(base(text, extra));
  }
  // The car a lead wants: a make alone matches thousands of leads, a make and a model fewer.
  const vehicles = leads.flatMap((l) => l.vehicles.filter((v) => v.make && v.model));
  for (let i = 0; i < 10; i++) {
    const v = pick(vehicles);
    q.push(base(i % 2 === 0 ? v.make.toLowerCase() : `${v.make} ${v.model}`.toLowerCase()));
  }
  return q;
}

export const leadsSearchSection: BenchSection = {
  name: 'leads search',
  async run(ctx) {
    const dir = mkdtempSync(path.join(ctx.workDir, 'leads-search-'));
    const t = performance.now();
    const leads = await writeSampleLeads(path.join(dir, 'data'), ctx.leads, {
      seed: 7,
      at: '2025-06-01T10:00:00.000Z',
    });
    const buildMs = performance.now() - t;
    const queries = makeQueries(leads);
    const queriesFile = path.join(dir, 'queries.json');
    writeFileSync(queriesFile, JSON.stringify(queries));
    const res = await runChild<ChildResult>(
      'leads-search-child.ts',
      [path.join(dir, 'data'), queriesFile, String(NAIVE_EVERY)],
      ['--expose-gc', '--max-old-space-size=4096'],
    );
    const cold = await runChild<ChildResult>(
      'leads-search-child.ts',
      [path.join(dir, 'data'), queriesFile, String(NAIVE_EVERY), 'cold'],
      ['--expose-gc', '--max-old-space-size=4096'],
    );
    // The naive scan ran on every NAIVE_EVERY-th query: compare it with the indexed time of the same queries.
    const sameQueries = res.times.filter((_, i) => i % NAIVE_EVERY === 0);
    const label = `${res.leads} leads`;
    const section = 'leads search';
    return [
      { section, name: `generate + store ${label} (setup)`, value: buildMs, unit: 'ms' },
      {
        section,
        name: `search p50, ${res.times.length} queries (naive: ${res.naiveTimes.length} of them)`,
        value: median(res.times),
        unit: 'ms',
        baseline: median(res.naiveTimes),
      },
      {
        section,
        name: 'search p95 per query',
        value: percentile(res.times, 95),
        unit: 'ms',
        target: '< 5 ms',
        baseline: percentile(res.naiveTimes, 95),
      },
      {
        section,
        name: 'search p50, same queries as naive',
        value: median(sameQueries),
        unit: 'ms',
        baseline: median(res.naiveTimes),
      },
      { section, name: 'search max per query', value: Math.max(...res.times), unit: 'ms' },
      {
        section,
        name: '  the same queries first in a fresh process, no warm-up: p50',
        value: median(cold.times),
        unit: 'ms',
      },
      { section, name: '  … p95', value: percentile(cold.times, 95), unit: 'ms' },
      { section, name: `open store (${label})`, value: res.openMs, unit: 'ms' },
      { section, name: `index build at load (${label})`, value: res.indexMs, unit: 'ms' },
      { section, name: 'RSS: store open, before index', value: res.rssBeforeIndexMB, unit: 'MB' },
      { section, name: 'RSS: store + search index', value: res.rssMB, unit: 'MB', target: '< 400 MB' },
    ] satisfies BenchRow[];
  },
};
