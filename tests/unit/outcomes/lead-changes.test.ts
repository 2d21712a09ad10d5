import { describe, expect, it } from 'vitest';
import { leadChanges } from '../../../src/core/outcomes/lead-changes';
import { defaultDispositions } from '../../../src/shared/domain/disposition';
import type { Lead } from '../../../src/shared/domain/lead';

const T = Date.parse('2026-03-10T09:00:00Z');
const disp = (id: string) => defaultDispositions.find((d) => d.id === id)!;
const lead = (over: Partial<Pick<Lead, 'stage' | 'consents' | 'callbacks'>> = {}) => ({
  stage: 'new' as const,
  consents: [],
  callbacks: [],
  ...over,
});
const consent = (id: string, number: string, revokedAt?: string) => ({
  id,
  number,
  givenAt: '2026-01-01T00:00:00.000Z',
  channel: 'web-form' as const,
  wording: 'ok',
  ...(revokedAt ? { revokedAt } : {}),
});
const callback = (id: string, dueAt: string, owner = 'Julie', scope: 'owner' | 'anyone' = 'owner') => ({
  id,
  dueAt,
  owner,
  scope,
  status: 'pending' as const,
  createdAt: '2026-03-01T00:00:00.000Z',
});

describe('what a disposition changes on the lead', () => {
  it.each([
    ['answered moves a new lead to contacted', lead(), 'answered', { stage: 'contacted' }],
    ['answered leaves an appointment alone', lead({ stage: 'appointment' }), 'answered', {}],
    ['appointment set from contacted', lead({ stage: 'contacted' }), 'appointment-set', { stage: 'appointment' }],
    ['appointment set does not move a visited lead back', lead({ stage: 'visited' }), 'appointment-set', {}],
    ['sold from any stage', lead({ stage: 'visited' }), 'sold', { stage: 'sold' }],
    ['sold on a sold lead: nothing', lead({ stage: 'sold' }), 'sold', {}],
    ['no answer changes no stage', lead(), 'no-answer', {}],
  ] as const)('%s', (_name, l, id, expected) => {
    const changes = leadChanges(l, disp(id), '+33612345678', T, 'Julie');
    expect(changes.stage).toBe((expected as { stage?: string }).stage);
  });

  it('a refusal revokes every live consent for that number, only that number', () => {
    const l = lead({
      consents: [
        consent('k1', '+33612345678'),
        consent('k2', '+33612345678', '2026-02-01T00:00:00.000Z'),
        consent('k3', '+33198765432'),
      ],
    });
    expect(leadChanges(l, disp('refused'), '+33612345678', T, 'Julie').revokeConsentIds).toEqual(['k1']);
    expect(leadChanges(l, disp('answered'), '+33612345678', T, 'Julie').revokeConsentIds).toEqual([]);
  });

  it('a conversation completes the callbacks due by now that this seller may take', () => {
    const l = lead({
      callbacks: [
        callback('due-mine', '2026-03-10T08:00:00.000Z'),
        callback('due-other', '2026-03-10T08:00:00.000Z', 'Marc'),
        callback('due-anyone', '2026-03-10T08:30:00.000Z', 'Marc', 'anyone'),
        callback('later', '2026-03-11T08:00:00.000Z'),
      ],
    });
    expect(leadChanges(l, disp('answered'), '+33612345678', T, 'Julie').completeCallbackIds).toEqual([
      'due-mine',
      'due-anyone',
    ]);
    expect(leadChanges(l, disp('no-answer'), '+33612345678', T, 'Julie').completeCallbackIds).toEqual([]);
  });
});
