import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';
import { leadFromDraft } from '../src/core/leads/draft';
import { generateSampleLeads } from '../src/core/leads/sample/generate-leads';
import { newRecordId, openStore } from '../src/core/store';
import type { CallRecord } from '../src/shared/domain/call-record';
import type { Lead } from '../src/shared/domain/lead';
import { makeCallRecord, makeLead, rng, type BenchLead } from './synthetic';

export interface BenchSize {
  leads: number;
  calls: number;
  /** Shards for the leads collection (default: the store's). */
  shards?: number;
}

const DAY = 86_400_000;

/** Calls spread evenly over the last 24 months, oldest first. */
function* calls(size: BenchSize, now: number): Generator<CallRecord> {
  const r = rng(7);
  const start = now - 730 * DAY;
  const step = (now - start) / Math.max(1, size.calls);
  for (let i = 0; i < size.calls; i++) {
    yield makeCallRecord(
      Math.floor(start + i * step),
      `lead-${Math.floor(r() * size.leads)
        .toString(36)
        .padStart(6, '0')}`,
      r,
    );
  }
}

function* leads(size: BenchSize): Generator<BenchLead> {
  const r = rng(1);
  for (let i = 0; i < size.leads; i++) yield makeLead(i, r);
}

async function inChunks<T>(items: Iterable<T>, n: number, fn: (chunk: T[]) => Promise<unknown>): Promise<void> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === n) {
      await fn(chunk);
      chunk = [];
    }
  }
  if (chunk.length) await fn(chunk);
}

/**
 * Builds a data dir through the store API: `leads` collection + journal of call records.
 * Reusable by other benchmark sections (e.g. web-host cold start).
 */
export async function prepareBenchDataDir(dir: string, size: BenchSize): Promise<void> {
  const store = await openStore({ dataDir: dir, checkpointEvery: 1e9 });
  const col = await store.collection<BenchLead>('leads', size.shards ? { shards: size.shards } : {});
  await inChunks(leads(size), 20_000, (c) => col.putMany(c));
  await inChunks(calls(size, Date.now()), 10_000, (c) => store.journal.appendMany(c));
  await store.close(); // writes the journal checkpoint
}

/**
 * Realistic leads (the sample generator's, in the Lead shape the app loads: the bench data
 * dir's synthetic objects are not leads) written through the store into `dir`.
 */
export async function writeSampleLeads(
  dir: string,
  count: number,
  options: { seed: number; at: string },
): Promise<Lead[]> {
  const drafts = generateSampleLeads(count, { seed: options.seed, now: new Date(options.at) });
  const leads = drafts.map((d) => leadFromDraft(d, { id: newRecordId(), at: options.at, via: 'sample' }));
  const store = await openStore({ dataDir: dir });
  await (await store.collection<Lead>('leads')).putMany(leads);
  await store.close();
  return leads;
}

export interface NaiveData {
  leads: BenchLead[];
  calls: CallRecord[];
}

/** The baseline: one lowdb JSONFile (default steno adapter) holding everything. */
export async function prepareNaiveLowdb(file: string, size: BenchSize): Promise<Low<NaiveData>> {
  const db = new Low<NaiveData>(new JSONFile(file), { leads: [], calls: [] });
  db.data.leads = [...leads(size)];
  db.data.calls = [...calls(size, Date.now())];
  await db.write();
  return db;
}
