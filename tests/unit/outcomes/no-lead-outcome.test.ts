import { describe, expect, it } from 'vitest';
import { checkOutcome } from '../../../src/core/outcomes/save-outcome';
import { defaultDispositions } from '../../../src/shared/domain/disposition';
import { AppFailure } from '../../../src/shared/result';
import { iso, setup, START } from '../dialer/service-harness';

const book = {
  require: (id: string) => {
    const found = defaultDispositions.find((d) => d.id === id);
    if (!found) throw new AppFailure('invalid-request', `unknown disposition "${id}"`, 'disposition');
    return found;
  },
};
const tomorrow = { dueAt: iso(START + 86_400_000), scope: 'owner' as const };

describe('an outcome for a call linked to no lead', () => {
  it('refuses a callback, naming the callback, before the time checks', () => {
    const noLead = { recordId: 'R1' };
    for (const input of [
      { disposition: 'callback-requested', callback: tomorrow },
      { disposition: 'callback-requested' },
      { disposition: 'answered', callback: tomorrow },
    ])
      expect(() => checkOutcome(book, input, START, noLead)).toThrow(
        expect.objectContaining({
          code: 'invalid-request',
          field: 'callback',
          message: expect.stringContaining('linked to no lead') as string,
        }),
      );
    // The same callback on a lead's call, and a disposition without callback on the unknown caller's, pass.
    expect(
      checkOutcome(book, { disposition: 'callback-requested', callback: tomorrow }, START, { ...noLead, leadId: 'L1' })
        .id,
    ).toBe('callback-requested');
    expect(checkOutcome(book, { disposition: 'answered' }, START, noLead).id).toBe('answered');
  });

  it('on the Calls page: the callback is refused and nothing saved; a refusal still lists the number', async () => {
    const s = await setup();
    const number = '+33198765432';
    await s.svc.report({ type: 'started', callId: 'i1', at: iso(START), direction: 'inbound', number });
    await s.svc.report({ type: 'answered', callId: 'i1', at: iso(START + 2000) });
    const { recordId } = await s.svc.report({
      type: 'ended',
      callId: 'i1',
      at: iso(START + 60_000),
      hangupSide: 'remote',
      sipStatus: 200,
    });

    await expect(
      s.svc.setCallOutcome({ recordId: recordId!, disposition: 'callback-requested', callback: tomorrow }),
    ).rejects.toMatchObject({ code: 'invalid-request', field: 'callback' });
    // Refused before anything was written: the call still waits for its disposition.
    expect((await s.svc.listCalls({ undisposed: true })).items.map((c) => c.id)).toEqual([recordId]);

    // "Do not call again" needs no lead: the number goes on the dealership's list.
    const row = await s.svc.setCallOutcome({ recordId: recordId!, disposition: 'refused' });
    expect(row).toMatchObject({ disposition: 'refused', dispositionBy: 'seller' });
    expect(row.callback).toBeUndefined();
    expect(s.svc.doNotCall()).toMatchObject([{ number, reason: 'refused' }]);
  });
});
