import { describe, expect, it } from 'vitest';
import { leadFromDraft } from '../../../src/core/leads/draft';
import { GramBitsets, grams } from '../../../src/core/leads/gram-bitsets';
import { nameSortKey, phoneDigits, searchKey } from '../../../src/core/leads/lead-facts';
import { mulberry32 } from '../../../src/core/leads/sample/prng';
import { generateSampleLeads } from '../../../src/core/leads/sample/generate-leads';
import { LeadSearchIndex } from '../../../src/core/leads/search-index';
import { SortedOrder } from '../../../src/core/leads/sorted-order';
import { fold } from '../../../src/core/leads/text';
import type { Lead } from '../../../src/shared/domain/lead';
import { draft } from './helpers';

const at = '2025-06-01T10:00:00.000Z';
const sampleLeads = (n: number, seed = 4): Lead[] =>
  generateSampleLeads(n, { seed, now: new Date(at) }).map((d, i) =>
    leadFromDraft(d, { id: `L${i}`, at, via: 'sample' }),
  );

describe('gram sets (bitsets for common grams, slot lists for rare ones)', () => {
  it('narrow to exactly the slots a naive set of grams per slot allows, through adds, removes and growth', () => {
    const r = mulberry32(3);
    const common = ['martin', 'lefevre', 'zoe', 'vf1', '0612', 'paris', 'a', 'élodie'];
    // Rare words bring grams few slots have: those are kept as slot lists.
    const rare = ['qx', 'xyz', 'k9', 'wq', 'jjb', 'y7u', 'hq2'];
    const words = [...common, ...rare];
    const pick = () => (r() < 0.9 ? common[Math.floor(r() * common.length)]! : rare[Math.floor(r() * rare.length)]!);
    const keyOf = () => Array.from({ length: 1 + Math.floor(r() * 4) }, pick).join(' ');
    const sets = new GramBitsets(64);
    const model = new Map<number, Set<number>>(); // slot -> its grams
    const keys = new Map<number, string>();
    let capacity = 64;
    for (let step = 0; step < 6000; step++) {
      const slot = Math.floor(r() * 3000);
      if (slot >= capacity) {
        capacity = Math.max(capacity * 2, slot + 1);
        sets.grow(capacity);
      }
      const old = keys.get(slot);
      if (old !== undefined) {
        sets.remove(slot, old);
        keys.delete(slot);
        model.delete(slot);
      }
      if (r() < 0.7) {
        const key = keyOf();
        sets.add(slot, key);
        keys.set(slot, key);
        model.set(slot, grams(key));
      }
    }
    const wordsOf = (bits: Int32Array) => {
      const out: number[] = [];
      for (let s = 0; s < capacity; s++) if (bits[s >>> 5]! & (1 << (s & 31))) out.push(s);
      return out;
    };
    for (const word of [...words, 'mar', 'fevr', 'zz', '12', 'e']) {
      const into = new Int32Array(sets.words).fill(-1);
      const any = sets.narrow(into, word);
      const needed = [...grams(word)].filter((g) => g < 64 * 64);
      const wanted = needed.length > 0 ? needed : [...grams(word)];
      const expected = [...model].filter(([, g]) => wanted.every((x) => g.has(x))).map(([s]) => s);
      expect(any ? wordsOf(into).filter((s) => s < 3000) : [], word).toEqual(expected.sort((a, b) => a - b));
    }
  });
});

describe('index keys', () => {
  it('searchKey is the fold of the joined fields (multi-part names also without separators), nameSortKey as it always was', () => {
    const leads = sampleLeads(3000);
    // Odd values: untrimmed names, a plate of only dashes, combining marks, ligatures, no name.
    leads.push(
      leadFromDraft(draft({ first: ' Zoé', last: 'Œuvray ', tel: ['06 12 34 56 78'] }), {
        id: 'x1',
        at,
        via: 'manual',
      }),
      leadFromDraft(
        {
          ...draft({ tel: ['06 12 34 56 79'] }),
          vehicles: [{ interest: 'buy', make: 'A', model: 'B', registration: ' - ', vin: 'VF1\u0301' }],
        },
        { id: 'x2', at, via: 'manual' },
      ),
      leadFromDraft(draft({ first: 'Ἀλέξανδρος', last: 'ΣΟΦΟΣ' }), { id: 'x3', at, via: 'manual' }),
      leadFromDraft(draft({ first: ' Jean-Pierre ', last: 'N’Diaye' }), { id: 'x4', at, via: 'manual' }),
    );
    expect(leads.filter((l) => /[ '’-]/.test(`${l.contact.lastName}${l.contact.fullName}`)).length).toBeGreaterThan(
      100,
    );
    // A name with parts is followed by the same name without its separators: "le goff legoff".
    const withJoined = (name: string | undefined) => {
      if (!name) return name;
      const joined = fold(name)
        .trim()
        .replace(/[\s'-]+/g, '');
      return joined !== fold(name).trim() ? `${name} ${joined}` : name;
    };
    for (const lead of leads) {
      const { contact } = lead;
      const parts = [
        withJoined(contact.firstName),
        withJoined(contact.lastName),
        withJoined(contact.fullName),
        contact.email,
        contact.address?.city,
      ];
      const plates = [lead.tradeIn?.registration];
      for (const v of lead.vehicles) {
        parts.push(v.make, v.model, v.vin, v.stockNumber);
        plates.push(v.registration);
      }
      parts.push(lead.tradeIn?.vin);
      for (const plate of plates) if (plate) parts.push(plate, plate.replace(/[\s-]/g, ''));
      const text = fold(parts.filter(Boolean).join(' '));
      const digits = contact.phones.flatMap((p) => phoneDigits(p.e164, 'FR'));
      expect(searchKey(lead, 'FR')).toBe(digits.length > 0 ? `${text} ${digits.join(' ')}` : text);
      const names = contact.lastName || contact.firstName ? [contact.lastName, contact.firstName] : [contact.fullName];
      expect(nameSortKey(lead)).toBe(fold(names.filter(Boolean).join(' ').trim()));
    }
  });
});

describe('sorted orders', () => {
  it('rebuild sorts by value then id, whether the values pack as integers or not', () => {
    const r = mulberry32(8);
    const ids = Array.from({ length: 5000 }, (_, i) => `id-${Math.floor(r() * 1e9).toString(36)}-${i}`);
    const cases: ((i: number) => number | string | undefined)[] = [
      () => 1_700_000_000_000 + Math.floor(r() * 50) * 1000, // many ties
      () => (r() < 0.2 ? undefined : -Math.floor(r() * 1e6)), // negatives, gaps
      () => r(), // not integers
      () => (r() < 0.5 ? 0 : 2 ** 50), // a span too wide to pack
      () => ['b', 'a', 'ab', 'é', ''][Math.floor(r() * 5)], // strings
      () => ['dupont', 'dupont jean', 'dupont ', 'dupont\u0001x', 'Dupont', 'dupond'][Math.floor(r() * 6)], // prefixes
      () => ['a\u0000b', 'a', 'a\u0000', 'a\u0001'][Math.floor(r() * 4)], // a NUL in a value: sorted by comparator
    ];
    for (const valueOf of cases) {
      const values = ids.map((_, i) => valueOf(i));
      const order = new SortedOrder(
        (s) => values[s],
        (s) => ids[s]!,
      );
      order.rebuild(ids.map((_, i) => i));
      const expected = ids
        .map((_, i) => i)
        .filter((i) => values[i] !== undefined)
        .sort((a, b) => order.compare(a, b));
      expect(order.slots).toEqual(expected);
    }
  });
});

describe('import lookups', () => {
  it('give the same first lead per phone whether kept up to date or built on the first ask', () => {
    const shared = (i: number) => `06 12 34 56 ${String(i % 40).padStart(2, '0')}`;
    const leads = Array.from({ length: 200 }, (_, i) =>
      leadFromDraft(draft({ first: `P${i}`, tel: [shared(i)] }), { id: `L${i}`, at, via: 'manual' }),
    );
    const eager = new LeadSearchIndex();
    eager.idsByPhone('+33612345600'); // builds the lookups: kept up to date from here on
    const lazy = new LeadSearchIndex();
    for (const index of [eager, lazy]) {
      for (const lead of leads) index.upsert(lead);
      for (const lead of leads.slice(0, 50)) index.upsert({ ...lead, stage: 'sold' }); // refilled: moves to the end
      index.remove('L3');
      index.upsertMany(leads.slice(100, 160)); // a batch
    }
    for (let i = 0; i < 40; i++) {
      const e164 = `+336123456${String(i).padStart(2, '0')}`;
      expect(lazy.idsByPhone(e164), e164).toEqual(eager.idsByPhone(e164));
      expect(lazy.firstIdByPhone(e164)).toBe(eager.idsByPhone(e164)[0]);
    }
  });
});
