import { describe, expect, it } from 'vitest';
import { mergeCandidates, pickerKey, sharedContactQuery } from '../../../../src/renderer/leads/detail/merge-picker';
import type { Lead } from '../../../../src/shared/domain/lead';
import type { LeadSummary } from '../../../../src/shared/domain/lead-query';

const summary = (id: string, name: string): LeadSummary => ({
  id,
  name,
  stage: 'new',
  tags: [],
  createdAt: '2026-11-01T10:00:00.000Z',
});
const ambulances = summary('a', 'Ambulances Morin');
const berenice = summary('b', 'Bérénice André');
const cedric = summary('c', 'Cédric Barbé');
const self = summary('self', 'Cedric Barbe');

describe('the merge picker’s list (walk5 #9)', () => {
  it('starts with the leads sharing a number or the e-mail, then the search’s, never the lead itself', () => {
    // The search answers alphabetically; the duplicate comes first anyway.
    expect(mergeCandidates('self', [cedric, self], [ambulances, berenice, cedric, self], false)).toEqual([
      { lead: cedric, shared: true },
      { lead: ambulances, shared: false },
      { lead: berenice, shared: false },
    ]);
  });

  it('once a search is typed, shows its results only, those sharing a number first', () => {
    expect(mergeCandidates('self', [cedric], [berenice, cedric], true)).toEqual([
      { lead: cedric, shared: true },
      { lead: berenice, shared: false },
    ]);
    expect(mergeCandidates('self', [cedric], [ambulances], true)).toEqual([{ lead: ambulances, shared: false }]);
  });

  it('asks for the lead’s numbers and e-mail, or nothing when it has neither', () => {
    const lead = (phones: string[], email?: string) =>
      ({
        contact: {
          kind: 'individual',
          phones: phones.map((e164) => ({ e164, raw: e164, type: 'mobile', preferred: false })),
          ...(email !== undefined ? { email } : {}),
        },
      }) as unknown as Lead;
    expect(sharedContactQuery(lead(['+33604012425'], ' c@x.fr '))).toEqual({
      phones: ['+33604012425'],
      email: 'c@x.fr',
    });
    expect(sharedContactQuery(lead([], ' '))).toBeNull();
  });
});

describe('the merge picker’s keys, as in the Prospects search (walk5 #9)', () => {
  it.each([
    ['↓ moves down', { key: 'ArrowDown' }, 0, 3, { move: 1 }],
    ['↓ stops at the last', { key: 'ArrowDown' }, 2, 3, { move: 2 }],
    ['↑ moves up', { key: 'ArrowUp' }, 2, 3, { move: 1 }],
    ['↑ stops at the first', { key: 'ArrowUp' }, 0, 3, { move: 0 }],
    ['Enter takes the highlighted lead', { key: 'Enter' }, 1, 3, { choose: 1 }],
    ['Enter with a shorter list takes the last', { key: 'Enter' }, 5, 3, { choose: 2 }],
    ['nothing to move through', { key: 'ArrowDown' }, 0, 0, null],
    ['letters type', { key: 'a' }, 0, 3, null],
    ['Home moves the caret', { key: 'Home' }, 2, 3, null],
  ] as const)('%s', (_name, event, active, total, expected) => {
    expect(pickerKey(event, active, total)).toEqual(expected);
  });
});
