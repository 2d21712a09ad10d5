import { describe, expect, it } from 'vitest';
import { leadHandlers } from '../../../src/core/leads/handlers';
import { requests } from '../../../src/shared/contract';
import { draft, harness } from './helpers';

describe('leads.findDuplicates (the new-lead form’s warning)', () => {
  it('finds the leads holding one of the numbers or the e-mail, each once, by name, and nothing else', async () => {
    const h = await harness();
    const julienDraft = draft({ first: 'Julien', last: 'André', tel: ['07 83 57 47 89'] });
    julienDraft.contact.email = 'j.andre@example.fr';
    const julien = await h.service.create(julienDraft);
    const alice = await h.service.create(draft({ first: 'Alice', last: 'Blanc', tel: ['06 12 34 56 78'] }));
    await h.service.create(draft({ first: 'Zoé', last: 'Roux', tel: ['06 99 88 77 66'] }));
    const find = leadHandlers(h.service)['leads.findDuplicates'];

    const both = await find({ phones: ['+33612345678', '+33783574789'], email: 'J.Andre@Example.fr ' });
    expect(both.map((s) => [s.id, s.name])).toEqual([
      [alice.id, 'Alice Blanc'],
      [julien.id, 'Julien André'],
    ]);
    expect(await find({ phones: [], email: 'j.andre@example.fr' })).toMatchObject([{ id: julien.id }]);
    expect(await find({ phones: ['+33600000000'], email: '' })).toEqual([]);
    // A deleted lead is no longer a double.
    await h.service.delete(alice.id);
    expect(await find({ phones: ['+33612345678'] })).toEqual([]);
  });

  it('refuses numbers that are not E.164', () => {
    const input = requests['leads.findDuplicates'].input;
    expect(input.safeParse({ phones: ['06 12 34 56 78'] }).success).toBe(false);
    expect(input.safeParse({ phones: ['+33612345678'], email: 'a@b.fr' }).success).toBe(true);
    expect(input.safeParse({ phones: [], extra: 1 }).success).toBe(false);
  });
});
