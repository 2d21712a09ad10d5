import { describe, expect, it } from 'vitest';
import { leadFromDraft } from '../../../src/core/leads/draft';
import { mergeDraft } from '../../../src/core/leads/merge';
import { generateSampleLeads } from '../../../src/core/leads/sample/generate-leads';
import { shareLeadStrings, StringPool } from '../../../src/core/leads/shared-strings';

const at = '2025-06-01T10:00:00.000Z';

describe('shared strings', () => {
  it('leave every lead equal to what it was, key for key', () => {
    let n = 0;
    const newId = () => `id-${++n}`;
    const drafts = generateSampleLeads(2000, { seed: 12, now: new Date(at) });
    const leads = drafts.map((d, i) => leadFromDraft(d, { id: `L${i}`, at, via: 'import', newId, author: 'Julie' }));
    // Merged leads carry notes, 'imported' entries and callbacks' owners too.
    for (let i = 0; i + 1 < leads.length; i += 50) leads[i] = mergeDraft(leads[i]!, drafts[i + 1]!, at, { newId }).lead;
    const before = leads.map((l) => JSON.stringify(l));
    const pool = new StringPool(100);
    for (const lead of leads) shareLeadStrings(lead, pool);
    expect(leads.map((l) => JSON.stringify(l))).toEqual(before);
    expect(pool.size).toBe(100); // bounded: later values pass through unshared
  });

  it('gives back the first copy of an equal string', () => {
    const pool = new StringPool();
    const a = ['Claire', 'Dubois'].join(' ');
    const b = ['Claire', 'Dubois'].join(' ');
    expect(pool.share(a)).toBe(a);
    expect(pool.share(b)).toBe(a);
    expect(pool.size).toBe(1);
  });
});
