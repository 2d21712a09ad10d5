import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { leadFromDraft } from '../../../src/core/leads/draft';
import { parseCsv } from '../../../src/core/leads/import/csv/parse-csv';
import { csvToDrafts } from '../../../src/core/leads/import/csv/read-csv';
import { guessMapping } from '../../../src/core/leads/import/mapping';
import { mergeDraft, mergeLeads } from '../../../src/core/leads/merge';
import { mulberry32 } from '../../../src/core/leads/sample/prng';
import { generateSampleLeads } from '../../../src/core/leads/sample/generate-leads';
import { compileCheck } from '../../../src/core/leads/schema-check';
import { LeadSchema, type Lead } from '../../../src/shared/domain/lead';
import { fuzzCsv } from './import/fuzz-rows';

const at = '2025-06-01T10:00:00.000Z';
let n = 0;
const newId = () => `id-${++n}`;

/** Leads the importer and the service really build: samples, fuzzed CSV rows, and merges of both. */
function realisticLeads(): Lead[] {
  const samples = generateSampleLeads(400, { seed: 3, now: new Date(at) });
  const csv = parseCsv(fuzzCsv(1500, 5));
  const rows = csvToDrafts(csv, guessMapping(csv.headers), { region: 'FR', zone: 'Europe/Paris' }).items;
  const drafts = [...samples, ...rows.map((r) => r.draft)];
  const leads = drafts.map((d) => leadFromDraft(d, { id: newId(), at, via: 'import', newId }));
  const merged: Lead[] = [];
  for (let i = 0; i + 2 < leads.length; i += 7) {
    merged.push(mergeLeads(leads[i]!, leads[i + 1]!, at, newId));
    merged.push(mergeDraft(leads[i]!, drafts[i + 2]!, at, { file: 'x.csv', newId }).lead);
  }
  return [...leads, ...merged];
}

/** Every max/min length the schema declares, so mutations land on both sides of each bound. */
function lengthBounds(schema: unknown, out = new Set<number>()): Set<number> {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return out;
  for (const c of (def.checks as { _zod: { def: { minimum?: number; maximum?: number } } }[] | undefined) ?? []) {
    for (const b of [c._zod.def.minimum, c._zod.def.maximum]) if (typeof b === 'number' && b < 20_000) out.add(b);
  }
  for (const key of ['innerType', 'element']) if (def[key]) lengthBounds(def[key], out);
  for (const o of (def.options as unknown[] | undefined) ?? []) lengthBounds(o, out);
  for (const s of Object.values((def.shape as Record<string, unknown> | undefined) ?? {})) lengthBounds(s, out);
  return out;
}

type Path = (string | number)[];

/** Every path in a JSON-like value, the root's children first. */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      paths(v, p, out);
    }
  }
  return out;
}

/** A deep copy of `lead` with one thing broken (or not: some mutations are harmless). */
function mutate(lead: Lead, r: () => number, bounds: number[]): unknown {
  const copy = structuredClone(lead) as unknown as Record<string, unknown>;
  const all = paths(copy);
  const path = all[Math.floor(r() * all.length)]!;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as never, copy as never);
  const key = path.at(-1)!;
  const current = parent[key];
  const bound = bounds[Math.floor(r() * bounds.length)]!;
  const choices: (() => void)[] = [
    () => delete parent[key],
    () => (parent[key] = undefined),
    () => (parent[key] = null),
    () => (parent[key] = 'x'.repeat(bound)),
    () => (parent[key] = 'x'.repeat(bound + 1)),
    () => (parent[key] = ''),
    () => (parent[key] = 12),
    () => (parent[key] = 1.5),
    () => (parent[key] = -1),
    () => (parent[key] = NaN),
    () => (parent[key] = Infinity),
    () => (parent[key] = 2 ** 60),
    () => (parent[key] = [1899, 1900, 2100, 2101][Math.floor(r() * 4)]),
    () => (parent[key] = true),
    () => (parent[key] = {}),
    () => (parent[key] = []),
    () => (parent[key] = ['new', 'buy', 'mobile', 'import', 'note', 'bogus'][Math.floor(r() * 6)]),
    () => (parent[key] = ['2025-13-01T00:00:00Z', '2025-01-01T00:00:00+02:00', '2024-02-29T10:00:00Z'][(r() * 3) | 0]),
    () => (parent[key] = ['a@b.co', 'a@b', 'É@x.fr', '+33612345678', '0612345678'][Math.floor(r() * 5)]),
    () => (parent[key] = typeof current === 'string' ? `${current} ` : current),
    () => {
      if (current && typeof current === 'object' && !Array.isArray(current))
        (current as Record<string, unknown>).extra = 1;
    },
    () => {
      if (Array.isArray(current) && current.length > 0)
        parent[key] = Array.from({ length: bound + (r() < 0.5 ? 0 : 1) }, () => current[0]);
    },
  ];
  choices[Math.floor(r() * choices.length)]!();
  return copy;
}

describe('compileCheck', () => {
  const check = compileCheck(LeadSchema);

  it('agrees with zod on every lead the importer and the service build, valid and broken', () => {
    const leads = realisticLeads();
    const bounds = [...lengthBounds(LeadSchema)];
    const r = mulberry32(9);
    let invalid = 0;
    const disagreements: unknown[] = [];
    const compare = (value: unknown) => {
      const expected = LeadSchema.safeParse(value).success;
      if (!expected) invalid++;
      if (check(value) !== expected) disagreements.push(value);
    };
    for (const lead of leads) {
      compare(lead);
      for (let k = 0; k < 6; k++) compare(mutate(lead, r, bounds));
    }
    expect(disagreements.slice(0, 3)).toEqual([]);
    // The mutations must exercise both verdicts, or the comparison above proves little.
    expect(invalid).toBeGreaterThan(leads.length * 2);
    expect(leads.length * 7 - invalid).toBeGreaterThan(leads.length * 2);
  });

  it('leaves to zod what it does not compile (strict objects, refinements, transforms)', () => {
    const strict = compileCheck(z.strictObject({ a: z.string() }));
    expect([strict({ a: 'x' }), strict({ a: 'x', b: 1 })]).toEqual([true, false]);
    const refined = compileCheck(z.string().refine((s) => s.startsWith('+')));
    expect([refined('+33'), refined('06')]).toEqual([true, false]);
    const url = compileCheck(z.object({ u: z.string().url() }));
    expect([url({ u: 'https://a.fr' }), url({ u: 'nope' })]).toEqual([true, false]);
  });
});
