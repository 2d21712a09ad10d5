import { describe, expect, it } from 'vitest';
import {
  checkedAgain,
  entryId,
  newEntry,
  recheckSkipped,
  refreshEntries,
  selectLeads,
  stagePriority,
  type LeadCheck,
} from '../../../src/core/dialer/list-build';
import {
  comingBack,
  compareOrder,
  inCallingOrder,
  isCallable,
  orderEntries,
  orderFacts,
  reservedForOthers,
  type OrderFacts,
} from '../../../src/core/dialer/list-order';
import { chooseNumber, dialableNumbers } from '../../../src/core/dialer/number-choice';
import type { CallPermission } from '../../../src/core/dialer/ports';
import type { CallbackEntry } from '../../../src/shared/domain/callback-list';
import type { Lead } from '../../../src/shared/domain/lead';
import { phone } from '../leads/helpers';

const T = Date.parse('2026-03-10T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const H = 3_600_000;

function lead(id: string, over: Partial<Lead> = {}): Lead {
  return {
    id,
    contact: { kind: 'individual', firstName: id, phones: [phone('06 12 34 56 78')] },
    vehicles: [],
    stage: 'contacted',
    tags: [],
    consents: [],
    callbacks: [],
    timeline: [],
    createdAt: iso(T - 100 * H),
    updatedAt: iso(T - 100 * H),
    ...over,
  };
}
const cb = (
  dueAt: number,
  owner = 'Julie',
  scope: 'owner' | 'anyone' = 'anyone',
  status: 'pending' | 'done' = 'pending',
) => ({
  id: `cb${dueAt}`,
  dueAt: iso(dueAt),
  owner,
  scope,
  status,
  createdAt: iso(T - H),
});
const f = (over: Partial<OrderFacts>): OrderFacts => ({
  dueAt: undefined,
  priority: 0,
  lastContact: undefined,
  addedAt: 0,
  leadId: 'x',
  ...over,
});

describe('callback list order: next callback due first, then priority, then oldest contact', () => {
  it.each([
    ['earlier callback first', f({ dueAt: 1 }), f({ dueAt: 2 }), -1],
    ['a callback before none', f({ dueAt: 5, priority: 0 }), f({ priority: 9 }), -1],
    ['higher priority first', f({ priority: 3 }), f({ priority: 1 }), -1],
    ['older contact first', f({ lastContact: 10 }), f({ lastContact: 20 }), -1],
    ['never contacted is the oldest', f({}), f({ lastContact: 1 }), -1],
    ['then the order they were added', f({ addedAt: 1 }), f({ addedAt: 2 }), -1],
    ['then the lead id', f({ leadId: 'a' }), f({ leadId: 'b' }), -1],
    ['equal', f({}), f({}), 0],
  ])('%s', (_name, a, b, sign) => {
    expect(Math.sign(compareOrder(a, b))).toBe(sign);
    expect(Math.sign(compareOrder(b, a))).toBe(-sign || 0);
  });

  it('reads the facts from the lead: its own pending callbacks, the latest contact', () => {
    const l = lead('a', {
      lastContactAt: iso(T - 10 * H),
      callbacks: [cb(T + 5 * H), cb(T + 2 * H, 'Marc', 'owner'), cb(T + H, 'Julie', 'anyone', 'done')],
    });
    const entry = { leadId: 'a', priority: 2, addedAt: iso(T) };
    expect(orderFacts(entry, l, T - 2 * H, 'Julie')).toEqual({
      dueAt: T + 5 * H, // Marc's owner-only callback is not Julie's
      priority: 2,
      lastContact: T - 2 * H, // the last call is newer than lastContactAt
      addedAt: T,
      leadId: 'a',
    });
    expect(orderFacts(entry, l, undefined, 'Marc').dueAt).toBe(T + 2 * H);
  });

  it('orders a list', () => {
    const leads = {
      due: lead('due', { callbacks: [cb(T + H)] }),
      hot: lead('hot', { stage: 'appointment', lastContactAt: iso(T - H) }),
      old: lead('old', { lastContactAt: iso(T - 50 * H) }),
      recent: lead('recent', { lastContactAt: iso(T - 2 * H) }),
    };
    const entries = Object.values(leads)
      .reverse()
      .map((l) => newEntry('L', l, 'anyone', iso(T)));
    const ordered = orderEntries(entries, (e) =>
      orderFacts(e, leads[e.leadId as keyof typeof leads], undefined, 'Julie'),
    );
    expect(ordered.map((e) => e.leadId)).toEqual(['due', 'hot', 'old', 'recent']);
  });
});

describe('who may call an entry, and when', () => {
  const e = (over: Partial<CallbackEntry>) => ({ status: 'to-call' as const, scope: 'anyone' as const, ...over });
  it.each([
    ['to call, no wait', e({}), true],
    ['to call, retry time passed', e({ nextEligibleAt: iso(T - 1) }), true],
    ['to call, retry time to come', e({ nextEligibleAt: iso(T + 1) }), false],
    ['owner-only, mine', e({ scope: 'owner', owner: 'Julie' }), true],
    ['owner-only, someone else’s', e({ scope: 'owner', owner: 'Marc' }), false],
    ['anyone, someone else’s lead', e({ owner: 'Marc' }), true],
    ['in another call', e({ status: 'calling' }), false],
    ['done', e({ status: 'done' }), false],
    ['skipped by the seller', e({ status: 'skipped', skip: { kind: 'seller', reasons: [], at: iso(T) } }), false],
    [
      'forbidden, next legal time passed',
      e({ status: 'skipped', skip: { kind: 'forbidden', reasons: [], nextLegalAt: iso(T - 1), at: iso(T - H) } }),
      true,
    ],
    [
      'forbidden, next legal time to come',
      e({ status: 'skipped', skip: { kind: 'forbidden', reasons: [], nextLegalAt: iso(T + H), at: iso(T) } }),
      false,
    ],
    [
      'forbidden for good (no next legal time)',
      e({ status: 'skipped', skip: { kind: 'forbidden', reasons: [], at: iso(T) } }),
      false,
    ],
  ])('%s', (_name, entry, expected) => {
    expect(isCallable(entry, 'Julie', T)).toBe(expected);
  });

  it('counts what a list done for now offers later, and from when', () => {
    const forbidden = (until: number) =>
      e({ status: 'skipped', skip: { kind: 'forbidden', reasons: [], nextLegalAt: iso(until), at: iso(T) } });
    const later = [
      e({ nextEligibleAt: iso(T + 2 * H) }), // a retry
      forbidden(T + 13 * H), // tomorrow morning
      forbidden(T + H),
    ];
    const never = [
      e({ status: 'done' }),
      e({ status: 'calling' }),
      e({ scope: 'owner', owner: 'Marc', nextEligibleAt: iso(T + H / 2) }), // Marc's
      e({ status: 'skipped', skip: { kind: 'do-not-call', reasons: [], at: iso(T) } }),
    ];
    expect(comingBack([...never, ...later], 'Julie', T)).toEqual({ count: 3, at: iso(T + H) });
    expect(comingBack(never, 'Julie', T)).toBeUndefined();
    // Callable now is not "later" (the picker would have taken it).
    expect(comingBack([e({}), forbidden(T - 1)], 'Julie', T)).toBeUndefined();
  });

  it('counts the entries still to call that only other sellers may take', () => {
    const entries = [
      e({ scope: 'owner', owner: 'Marc' }),
      e({ scope: 'owner', owner: 'Claire', nextEligibleAt: iso(T + H) }),
      e({ scope: 'owner', owner: 'Julie' }), // hers
      e({ owner: 'Marc' }), // anyone may call it
      e({ scope: 'owner', owner: 'Marc', status: 'done' }),
      e({ scope: 'owner', owner: 'Marc', status: 'calling' }),
    ];
    expect(reservedForOthers(entries, 'Julie')).toBe(2);
    expect(reservedForOthers(entries, 'Marc')).toBe(2);
  });
});

describe('building a list', () => {
  it('selects by last contact (lead or last call) and excluded stages', () => {
    const leads = [
      lead('never'),
      lead('old', { lastContactAt: iso(T - 40 * 24 * H) }),
      lead('recent', { lastContactAt: iso(T - H) }),
      lead('called', { lastContactAt: iso(T - 40 * 24 * H) }),
      lead('sold', { stage: 'sold' }),
    ];
    const lastCall = (id: string) => (id === 'called' ? T - 2 * H : undefined);
    const before = { lastContactBefore: iso(T - 30 * 24 * H), excludeStages: ['sold' as const] };
    expect(selectLeads(leads, before, lastCall).map((l) => l.id)).toEqual(['never', 'old']);
    expect(selectLeads(leads, { lastContactAfter: iso(T - 3 * H) }, lastCall).map((l) => l.id)).toEqual([
      'recent',
      'called',
    ]);
    expect(selectLeads(leads, {}, lastCall)).toHaveLength(5);
  });

  it('makes an entry owner-only or anyone from the lead’s callback, else from the list', () => {
    const owned = lead('a', { owner: 'Julie', stage: 'appointment' });
    expect(newEntry('L', owned, 'owner', iso(T))).toEqual({
      id: entryId('L', 'a'),
      listId: 'L',
      leadId: 'a',
      priority: stagePriority('appointment'),
      scope: 'owner',
      owner: 'Julie',
      status: 'to-call',
      attempts: 0,
      addedAt: iso(T),
    });
    const withCallback = lead('b', {
      owner: 'Julie',
      callbacks: [cb(T + 2 * H, 'Marc', 'owner'), cb(T + 5 * H, 'Julie', 'anyone')],
    });
    expect(newEntry('L', withCallback, 'anyone', iso(T))).toMatchObject({ scope: 'owner', owner: 'Marc' });
    expect(stagePriority('appointment')).toBeGreaterThan(stagePriority('contacted'));
    expect(stagePriority('contacted')).toBeGreaterThan(stagePriority('new'));
  });

  it('refreshes a saved filter: new matches in, untouched non-matches out, history kept', () => {
    const at = iso(T);
    const existing: CallbackEntry[] = [
      { ...newEntry('L', lead('stays'), 'anyone', at) },
      { ...newEntry('L', lead('gone'), 'anyone', at) },
      { ...newEntry('L', lead('called'), 'anyone', at), attempts: 1, status: 'to-call' },
      { ...newEntry('L', lead('done'), 'anyone', at), status: 'done', attempts: 1 },
    ];
    const { added, removed } = refreshEntries(existing, [lead('stays'), lead('new')], 'L', 'anyone', at);
    expect(added.map((e) => e.leadId)).toEqual(['new']);
    expect(removed).toEqual([entryId('L', 'gone')]);
  });
});

describe('skipped entries checked again (refresh, session start)', () => {
  const at = new Date(T);
  const skipped = (id: string, skip: CallbackEntry['skip']): CallbackEntry => ({
    ...newEntry('L', lead(id), 'anyone', iso(T - 10 * H)),
    status: 'skipped',
    attempts: 1,
    skip,
  });
  const forbidden = (code: string, nextLegalAt?: number) => ({
    kind: 'forbidden' as const,
    reasons: [{ code }],
    ...(nextLegalAt !== undefined ? { nextLegalAt: iso(nextLegalAt) } : {}),
    at: iso(T - 5 * H),
  });
  const entries = [
    skipped('consented', forbidden('no-consent')),
    skipped('still-none', forbidden('no-consent')),
    skipped('sunday', forbidden('no-consent')),
    skipped('unlisted', { kind: 'do-not-call', reasons: [{ code: 'internal-do-not-call' }], at: iso(T - 5 * H) }),
    skipped('numbered', { kind: 'no-number', reasons: [], at: iso(T - 5 * H) }),
    // Skipped at night: the rules now allow the hour (its time has come, or the rules changed).
    skipped('night', forbidden('outside-window', T + H)),
    // Skipped at night, still refused with the same reason and next legal time.
    skipped('still-night', forbidden('outside-window', T + H)),
    // The attempts cap: the rules now give a later time than when it was skipped.
    skipped('capped', forbidden('attempt-limit', T + H)),
    // Was refused for a while, now for good: it must not come back at the old time.
    skipped('revoked', forbidden('holiday', T + H)),
    skipped('by-seller', { kind: 'seller', reasons: [], at: iso(T - 5 * H) }),
    skipped('interrupted', { kind: 'interrupted', reasons: [], at: iso(T - 5 * H) }),
    skipped('deleted', forbidden('no-consent')),
    newEntry('L', lead('fresh'), 'anyone', iso(T)),
  ];
  // "still-none" has no consent yet; "sunday" has one now but the rules say "not before Monday".
  const check: LeadCheck = (l) => {
    switch (l.id) {
      case 'still-none':
        return { ok: false, skip: { kind: 'forbidden', reasons: [{ code: 'no-consent' }] } };
      case 'sunday':
        return { ok: false, skip: { kind: 'forbidden', reasons: [{ code: 'weekend' }], nextLegalAt: iso(T + 24 * H) } };
      case 'still-night':
        return {
          ok: false,
          skip: { kind: 'forbidden', reasons: [{ code: 'outside-window' }], nextLegalAt: iso(T + H) },
        };
      case 'capped':
        return {
          ok: false,
          skip: { kind: 'forbidden', reasons: [{ code: 'attempt-limit' }], nextLegalAt: iso(T + 30 * H) },
        };
      case 'revoked':
        return { ok: false, skip: { kind: 'forbidden', reasons: [{ code: 'consent-revoked' }] } };
      default:
        return { ok: true };
    }
  };
  const peek = (id: string) => (id === 'deleted' ? undefined : lead(id));

  it('are those the dialer’s check skipped: the rules (for good or for a while), the do-not-call list, no number', () => {
    expect(entries.filter(checkedAgain).map((e) => e.leadId)).toEqual([
      'consented',
      'still-none',
      'sunday',
      'unlisted',
      'numbered',
      'night',
      'still-night',
      'capped',
      'revoked',
      'deleted',
    ]);
  });

  it('go back to be called once the check allows them; history kept, the old skip dropped', () => {
    const changed = recheckSkipped(entries, peek, check, at);
    expect(changed.map((e) => [e.leadId, e.status])).toEqual([
      ['consented', 'to-call'],
      ['sunday', 'skipped'],
      ['unlisted', 'to-call'],
      ['numbered', 'to-call'],
      ['night', 'to-call'],
      ['capped', 'skipped'],
      ['revoked', 'skipped'],
    ]);
    const back = changed[0]!;
    expect(back).toEqual({ ...entries[0], status: 'to-call', skip: undefined });
    expect('skip' in back).toBe(false);
    expect(back.attempts).toBe(1);
    expect(changed.find((e) => e.leadId === 'night')).toEqual({ ...entries[5], status: 'to-call', skip: undefined });
  });

  it('now refused only for a while: the fresh reason, back at its next legal time', () => {
    const sunday = recheckSkipped(entries, peek, check, at).find((e) => e.leadId === 'sunday')!;
    expect(sunday.skip).toEqual({
      kind: 'forbidden',
      reasons: [{ code: 'weekend' }],
      nextLegalAt: iso(T + 24 * H),
      at: iso(T),
    });
    expect(isCallable(sunday, 'Julie', T + 24 * H)).toBe(true);
  });

  it('a refusal that changed renews the skip, so no stale time is offered', () => {
    const changed = recheckSkipped(entries, peek, check, at);
    const capped = changed.find((e) => e.leadId === 'capped')!;
    expect(capped.skip).toMatchObject({ nextLegalAt: iso(T + 30 * H), at: iso(T) });
    expect(comingBack([capped], 'Julie', T)).toEqual({ count: 1, at: iso(T + 30 * H) });
    // Refused for good now: it no longer comes back at the holiday's end.
    const revoked = changed.find((e) => e.leadId === 'revoked')!;
    expect(revoked.skip).toEqual({ kind: 'forbidden', reasons: [{ code: 'consent-revoked' }], at: iso(T) });
    expect(comingBack([revoked], 'Julie', T)).toBeUndefined();
  });

  it('still refused the same way, or the lead gone: left as they were, so nothing loops', () => {
    const changed = recheckSkipped(entries, peek, check, at).map((e) => e.leadId);
    expect(changed).not.toContain('still-none');
    expect(changed).not.toContain('still-night');
    expect(changed).not.toContain('deleted');
    // Checked again and again, an entry refused as it was never changes: no write, no note.
    const same: LeadCheck = (l) => {
      const { at: _at, ...skip } = entries.find((e) => e.leadId === l.id)!.skip!;
      return { ok: false, skip };
    };
    expect(recheckSkipped(entries, peek, same, at)).toEqual([]);
  });
});

describe('choosing the number', () => {
  const allow: CallPermission = () => ({ allowed: true });
  const twoPhones = lead('a', {
    contact: {
      kind: 'individual',
      phones: [
        phone('01 45 00 00 00', { type: 'home', preferred: false }),
        phone('06 12 34 56 78', { preferred: true }),
        phone('01 45 00 00 01', { type: 'fax', preferred: false }),
      ],
    },
  });
  it('tries the preferred number first and never a fax', () => {
    expect(dialableNumbers(twoPhones)).toEqual(['+33612345678', '+33145000000']);
    expect(chooseNumber(twoPhones, () => false, allow, new Date(T))).toEqual({ ok: true, number: '+33612345678' });
  });

  it('never dials a number on the do-not-call list', () => {
    const dnc = (n: string) => n === '+33612345678';
    expect(chooseNumber(twoPhones, dnc, allow, new Date(T))).toEqual({ ok: true, number: '+33145000000' });
    expect(chooseNumber(twoPhones, () => true, allow, new Date(T))).toEqual({
      ok: false,
      skip: { kind: 'do-not-call', reasons: [{ code: 'internal-do-not-call' }] },
    });
    expect(
      chooseNumber(lead('x', { contact: { kind: 'individual', phones: [] } }), () => false, allow, new Date(T)),
    ).toEqual({
      ok: false,
      skip: { kind: 'no-number', reasons: [] },
    });
  });

  it('asks the rules for each number; when all refuse, gives the preferred number’s reasons and the earliest legal time', () => {
    const seen: string[] = [];
    const rules: CallPermission = (_lead, number, at) => {
      seen.push(number);
      expect(at.getTime()).toBe(T);
      return number === '+33612345678'
        ? {
            allowed: false,
            reasons: [{ code: 'hours', text: 'hors des heures permises' }],
            nextLegalAt: new Date(T + 5 * H),
          }
        : { allowed: false, reasons: [{ code: 'hours' }], nextLegalAt: new Date(T + H) };
    };
    expect(chooseNumber(twoPhones, () => false, rules, new Date(T))).toEqual({
      ok: false,
      skip: {
        kind: 'forbidden',
        reasons: [{ code: 'hours', text: 'hors des heures permises' }],
        nextLegalAt: iso(T + H),
      },
    });
    expect(seen).toEqual(['+33612345678', '+33145000000']);
    const mobileOnly: CallPermission = (_l, n) =>
      n === '+33145000000' ? { allowed: true } : { allowed: false, reasons: [{ code: 'consent' }] };
    expect(chooseNumber(twoPhones, () => false, mobileOnly, new Date(T))).toEqual({ ok: true, number: '+33145000000' });
  });
});

describe('calling order, lazily', () => {
  it('gives the same order as a full sort, whether the first ones are taken or passed over', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const facts = Array.from({ length: 300 }, (_, i) =>
      f({
        dueAt: rand() < 0.3 ? Math.floor(rand() * 10) : undefined,
        priority: Math.floor(rand() * 4),
        lastContact: rand() < 0.5 ? Math.floor(rand() * 100) : undefined,
        addedAt: Math.floor(rand() * 3),
        leadId: `l${i}`,
      }),
    );
    const sorted = [...facts].sort(compareOrder).map((x) => x.leadId);
    expect([...inCallingOrder(facts, (x) => x)].map((x) => x.leadId)).toEqual(sorted);
    expect([...inCallingOrder(facts, (x) => x, 0)].map((x) => x.leadId)).toEqual(sorted);
    expect([...inCallingOrder(facts.slice(0, 2), (x) => x)]).toHaveLength(2);
  });
});
