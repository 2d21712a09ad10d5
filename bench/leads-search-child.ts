// Child process for the leads search section: opens the store of 100k real leads, builds the
// search index through the lead service, reports RSS, then times each query, then the same
// queries done naively (scan + per-query normalisation). Prints one JSON line.
// Usage: leads-search-child.ts <dataDir> <queries.json> <naiveEvery> [cold]
// `cold`: the seller's very first queries in a fresh process: no warm-up of any kind, no naive side.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LeadService } from '../src/core/leads/lead-service';
import { leadCollectionOptions } from '../src/core/leads/shared-strings';
import { fold } from '../src/core/leads/text';
import { openStore } from '../src/core/store';
import { leadDisplayName, type Lead } from '../src/shared/domain/lead';
import type { ParsedLeadQuery } from '../src/shared/domain/lead-query';

const [dataDir, queriesFile, naiveEvery, mode] = process.argv.slice(2) as [string, string, string, string?];
const cold = mode === 'cold';
const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as ParsedLeadQuery[];
const now = Date.parse('2025-06-02T08:00:00Z');

const t0 = performance.now();
const store = await openStore({ dataDir });
const collection = store.collection<Lead>('leads', leadCollectionOptions); // as app-core opens it
const service = new LeadService({
  collection,
  seller: () => 'Bench',
  region: () => 'FR',
  emit: () => {},
  now: () => now,
  warmUp: !cold, // as the web host and the Electron shell run it
});
const col = await collection;
const openMs = performance.now() - t0;
global.gc?.();
const rssBeforeIndexMB = process.memoryUsage().rss / 1e6;
await service.ready();
global.gc?.();
const rssMB = process.memoryUsage().rss / 1e6;

const page = (q: ParsedLeadQuery) => service.search({ ...q, offset: 0, limit: 100 });
if (!cold) {
  await service.warmed;
  for (const q of queries.slice(0, 20)) await page(q); // and a few of the queries themselves
}
const times: number[] = [];
for (const q of queries) {
  const t = performance.now();
  await page(q);
  times.push(performance.now() - t);
}

// Naive: what a first version would do: per query, normalise every lead and filter, then sort.
const collator = new Intl.Collator('fr', { sensitivity: 'base' });
function naive(q: ParsedLeadQuery): number {
  const words = fold(q.text).split(/\s+/).filter(Boolean);
  const out: Lead[] = [];
  for (const lead of col.all() as Iterable<Lead>) {
    if (q.stages && !q.stages.includes(lead.stage)) continue;
    if (q.owners && !q.owners.includes(lead.owner ?? '')) continue;
    if (q.sources && !q.sources.includes(lead.source?.name ?? '')) continue;
    if (q.tags && !lead.tags.some((t) => q.tags!.includes(t))) continue;
    const text = fold(JSON.stringify(lead));
    const digits = text.replace(/\D/g, '');
    if (words.every((w) => text.includes(w) || (/^\d+$/.test(w) && digits.includes(w)))) out.push(lead);
  }
  out.sort((a, b) => collator.compare(leadDisplayName(a.contact), leadDisplayName(b.contact)));
  return out.length;
}
const naiveTimes: number[] = [];
for (let i = 0; !cold && i < queries.length; i += Number(naiveEvery)) {
  const t = performance.now();
  naive(queries[i]!);
  naiveTimes.push(performance.now() - t);
}
console.log(
  JSON.stringify({
    leads: col.size,
    openMs,
    indexMs: service.indexBuildMs,
    rssBeforeIndexMB,
    rssMB,
    times,
    naiveTimes,
  }),
);
process.exit(0);
